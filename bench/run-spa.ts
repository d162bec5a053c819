import { stopAllStacks } from "./lib/loopback-stack.js";
import { fixed } from "./lib/report.js";
import { spaInChromium } from "./scenarios/spa.js";

/**
 * `pnpm bench:spa`: the SPA-in-Chromium scenario alone (signed-in shell and first data row of
 * /vpp-tokens, cold cache, five loads). With IHC_BENCH_ROOT=<checkout> it runs that checkout's
 * built simulator, BFF and SPA: run both, one after the other, to compare two trees on the same
 * machine in the same hour (the figure follows the machine's speed). Needs `pnpm -r build` first.
 */
try {
  const { render } = await spaInChromium();
  console.log(
    [
      process.env.IHC_BENCH_ROOT ?? "this checkout",
      `shell median ${fixed(render.shellMedianMs)} ms p95 ${fixed(render.shellP95Ms)} ms`,
      `first data row median ${fixed(render.dataMedianMs)} ms p95 ${fixed(render.dataP95Ms)} ms`,
    ].join(" | "),
  );
} finally {
  stopAllStacks();
}
