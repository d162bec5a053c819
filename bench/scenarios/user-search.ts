import { UserSearchResultSchema } from "@ihc/contracts";
import { demoTenant } from "@ihc/tenant-sim";
import { startLoopbackStack, type LoopbackStack } from "../lib/loopback-stack.js";
import { percentile, sleep } from "../lib/measure.js";

export type UserSearchResult =
  | { skipped: string }
  | {
      users: number;
      names: number;
      keystrokesPerName: number;
      keystrokeIntervalMs: number;
      /** Requests the next keystroke aborted (the user typed on before the answer came). */
      aborted: number;
      medianMs: number;
      p95Ms: number;
      /** Results of the last request, median over names (a page, not the whole count). */
      medianResults: number;
    };

const NAMES = 20;
const KEYSTROKES = 6;
const KEYSTROKE_INTERVAL_MS = 120;

/** Display names spread over the tenant: from the third page of Graph's /users. */
const sampleNames = async (stack: LoopbackStack): Promise<string[]> => {
  const { token } = await stack.sim<{ token: string }>("POST", "/_sim/token", {
    audience: "graph",
    scopes: demoTenant.api.graphScopes,
  });
  let url: string | undefined = `${stack.simUrl}/v1.0/users?$top=999&$select=displayName`;
  let page: { value: { displayName?: string }[]; "@odata.nextLink"?: string } = { value: [] };
  for (let i = 0; i < 3 && url !== undefined; i += 1) {
    page = (await (
      await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as typeof page;
    url = page["@odata.nextLink"];
  }
  const names = page.value
    .map((u) => u.displayName ?? "")
    .filter((name) => name.length >= KEYSTROKES);
  const step = Math.max(1, Math.floor(names.length / NAMES));
  return names.filter((_, i) => i % step === 0).slice(0, NAMES);
};

/**
 * Keystroke-to-results through the BFF's HTTP API on a 50,000-user tenant: an agent types the
 * start of a name one key at a time; each key sends `GET /api/users?search=<typed so far>` and
 * aborts the previous request (no debounce here: the worst case for the BFF). Measured from the
 * last keystroke to the parsed response.
 */
export const userSearch = async (): Promise<UserSearchResult> => {
  const stack = await startLoopbackStack({ simArgs: ["--size", "large"] });
  try {
    const auth = { authorization: `Bearer ${await stack.mintToken("agent")}` };
    const probe = await fetch(`${stack.bffUrl}/api/users?search=a`, { headers: auth });
    await probe.arrayBuffer();
    if (probe.status === 404) return { skipped: "route not available (GET /api/users → 404)" };
    if (probe.status !== 200) throw new Error(`GET /api/users: ${probe.status}`);

    const names = await sampleNames(stack);
    const latencies: number[] = [];
    const results: number[] = [];
    let aborted = 0;
    for (const name of names) {
      let controller: AbortController | undefined;
      const requests: Promise<void>[] = [];
      for (let typed = 1; typed <= KEYSTROKES; typed += 1) {
        controller?.abort();
        const current = new AbortController();
        controller = current;
        const started = performance.now();
        const isLast = typed === KEYSTROKES;
        const search = name.slice(0, typed);
        const request = fetch(
          `${stack.bffUrl}/api/users?${new URLSearchParams({ search }).toString()}`,
          {
            headers: auth,
            signal: current.signal,
          },
        )
          .then(async (response) => {
            if (response.status !== 200) throw new Error(`search "${search}": ${response.status}`);
            const body = UserSearchResultSchema.parse(await response.json());
            if (isLast) {
              latencies.push(performance.now() - started);
              results.push(body.items.length);
            }
          })
          .catch((error: unknown) => {
            if (current.signal.aborted) aborted += 1;
            else throw error;
          });
        requests.push(request);
        if (!isLast) await sleep(KEYSTROKE_INTERVAL_MS);
      }
      await Promise.all(requests);
      await sleep(300);
    }
    return {
      users: 50_000,
      names: names.length,
      keystrokesPerName: KEYSTROKES,
      keystrokeIntervalMs: KEYSTROKE_INTERVAL_MS,
      aborted,
      medianMs: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      medianResults: percentile(results, 50),
    };
  } finally {
    stack.close();
  }
};
