import { startLoopbackStack, stopAllStacks } from "./lib/loopback-stack.js";
import { percentile } from "./lib/measure.js";
import { fixed } from "./lib/report.js";
import {
  coldLoad,
  launch,
  OFFICE_LINK,
  signIn,
  spaInChromium,
  type ColdLoad,
} from "./scenarios/spa.js";

/**
 * `pnpm bench:spa`: the SPA-in-Chromium scenario alone (signed-in shell and first data row of
 * /vpp-tokens, cold cache, five loads, then five over an office link). Needs `pnpm -r build`.
 *
 * IHC_BENCH_COMPARE=<checkout>: that checkout's build against this one, loads alternating
 * between the two (BENCH_LOADS each, default 10, and as many over the office link), so the
 * machine's drift within the hour falls on both alike. IHC_BENCH_ROOT=<checkout> instead runs
 * the whole scenario on another checkout's build.
 */
const median = (loads: ColdLoad[], of: (load: ColdLoad) => number): string =>
  `${fixed(percentile(loads.map(of), 50))} ms`;

const compare = async (other: string): Promise<void> => {
  const simArgs = ["--size", "large"];
  const base = await startLoopbackStack({ web: true, simArgs, root: other });
  const here = await startLoopbackStack({ web: true, simArgs });
  const browser = await launch();
  try {
    const sides = [
      { name: other, signedIn: await signIn(browser, base.webOrigin) },
      { name: "this checkout", signedIn: await signIn(browser, here.webOrigin) },
    ].map((side) => ({ ...side, loads: [] as ColdLoad[], office: [] as ColdLoad[] }));
    const rounds = Number(process.env.BENCH_LOADS ?? 10);
    for (let i = 0; i < rounds; i += 1) {
      // Alternate which goes first, so neither always follows the other's load.
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
        side.loads.push(await coldLoad(side.signedIn));
        side.office.push(await coldLoad(side.signedIn, OFFICE_LINK));
      }
    }
    for (const { name, loads, office } of sides) {
      console.log(
        [
          name,
          `first data row median ${median(loads, (load) => load.dataMs)}`,
          `main thread median ${median(loads, (load) => load.mainThreadMs)}`,
          `over an office link ${median(office, (load) => load.dataMs)}`,
        ].join(" | "),
      );
    }
  } finally {
    await browser.close();
  }
};

try {
  const other = process.env.IHC_BENCH_COMPARE;
  if (other) {
    await compare(other);
  } else {
    const { render } = await spaInChromium();
    console.log(
      [
        process.env.IHC_BENCH_ROOT ?? "this checkout",
        `shell median ${fixed(render.shellMedianMs)} ms p95 ${fixed(render.shellP95Ms)} ms`,
        `first data row median ${fixed(render.dataMedianMs)} ms p95 ${fixed(render.dataP95Ms)} ms`,
        `main thread median ${fixed(render.mainThreadMedianMs)} ms`,
        `over an office link ${fixed(render.officeLinkDataMedianMs)} ms`,
      ].join(" | "),
    );
  }
} finally {
  stopAllStacks();
}
