import { UserSearchResultSchema, type UserSummary } from "@ihc/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { userSearchExpression } from "../graph/users.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/** Median and 95th percentile of a sample, in whole milliseconds. */
const percentiles = (sample: readonly number[]): { median: number; p95: number } => {
  const sorted = [...sample].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { median: at(0.5), p95: at(0.95) };
};

/**
 * The 50,000-user tenant (`large`): a search is paged through the BFF to its end, and the
 * search latency through the BFF is printed (measured, not asserted: timing depends on the
 * machine's load).
 */
describe("users in a 50,000-user tenant", () => {
  let stack: Stack;
  let agent: string;
  let graphToken: string;
  beforeAll(async () => {
    stack = await startStack({ size: "large" });
    [agent, graphToken] = await Promise.all([
      stack.tokenFor("agent"),
      stack.sim.mintToken({ audience: "graph", scopes: ["User.Read.All"] }),
    ]);
  }, 60_000);
  afterAll(() => stack.close());

  /** Every id Graph's own paging gives for the same search (999 a page), for comparison. */
  const graphIds = async (text: string): Promise<string[]> => {
    const ids: string[] = [];
    let url: string | undefined =
      `${stack.sim.graphUrl}/v1.0/users?$search=${encodeURIComponent(userSearchExpression(text))}` +
      "&$select=id&$top=999";
    while (url !== undefined) {
      const response: Response = await fetch(url, {
        headers: { authorization: `Bearer ${graphToken}`, ConsistencyLevel: "eventual" },
      });
      const body = (await response.json()) as {
        value: { id: string }[];
        "@odata.nextLink"?: string;
      };
      ids.push(...body.value.map((u) => u.id));
      url = body["@odata.nextLink"];
    }
    return ids;
  };

  it("pages a search to its end: every match once, in display-name order, as Graph counts them", async () => {
    const text = "a";
    const seen: UserSummary[] = [];
    let count: number | undefined;
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `search=${text}&limit=100${cursor === undefined ? "" : `&cursor=${cursor}`}`;
      const response = await stack.fetch(`/api/users?${query}`, { token: agent });
      expect(response.status).toBe(200);
      const page = UserSearchResultSchema.parse(await response.json());
      if (pages === 0) count = page.count;
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen.push(...page.items);
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined);

    expect(count).toBeGreaterThan(5000);
    expect(seen).toHaveLength(count ?? -1);
    expect(pages).toBe(Math.ceil((count ?? 0) / 100));
    const ids = seen.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(await graphIds(text)));
    // What the agent asked for: a word of the name, or the UPN or mail, starts with it.
    for (const user of seen) {
      const words = user.displayName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
      const matches =
        words.some((w) => w.startsWith(text)) ||
        user.userPrincipalName.toLowerCase().startsWith(text) ||
        (user.mail ?? "").toLowerCase().startsWith(text);
      expect(matches, `${user.displayName} <${user.userPrincipalName}>`).toBe(true);
    }
    const names = seen.map((u) => u.displayName.toLowerCase());
    const collator = new Intl.Collator("en", { sensitivity: "base" });
    expect(
      names.every((name, i) => i === 0 || collator.compare(names[i - 1] ?? "", name) <= 0),
    ).toBe(true);
  }, 120_000);

  it("measures search latency through the BFF (first page of 50, as the SPA asks)", async () => {
    const prefixes = [
      "a",
      "b",
      "c",
      "d",
      "e",
      "j",
      "k",
      "l",
      "m",
      "s",
      "ad",
      "an",
      "ma",
      "jo",
      "li",
      "wei",
      "mar",
      "ser",
      "kow",
      "ngu",
      "o'b",
      "josé",
      "李",
      "Łu",
      "zoë",
      "r&d",
      "svc$",
      "al-h",
      "adele.v",
      "megan.bowen@",
    ];
    const times: number[] = [];
    const byLength = { one: [] as number[], more: [] as number[] };
    for (let round = 0; round < 3; round += 1) {
      for (const prefix of prefixes) {
        const started = performance.now();
        const response = await stack.fetch(
          `/api/users?search=${encodeURIComponent(prefix)}&limit=50`,
          { token: agent },
        );
        expect(response.status).toBe(200);
        await response.json();
        const elapsed = performance.now() - started;
        times.push(elapsed);
        (Array.from(new Intl.Segmenter().segment(prefix)).length === 1
          ? byLength.one
          : byLength.more
        ).push(elapsed);
      }
    }
    const line = (label: string, sample: number[]) => {
      const { median, p95 } = percentiles(sample);
      return `${label}: ${sample.length} searches, median ${median} ms, p95 ${p95} ms`;
    };
    console.info(
      [
        "GET /api/users?search=…&limit=50 through the BFF on 50,000 users",
        line("  all prefixes", times),
        line("  one character (thousands of matches to sort)", byLength.one),
        line("  two or more characters", byLength.more),
      ].join("\n"),
    );
    expect(times).toHaveLength(prefixes.length * 3);
  }, 120_000);
});
