import { AssignedLicenseListSchema, csvLine, licenseExportRow } from "@ihc/contracts";
import { largeTenantIosVppAppSeeds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";

const edge = largeTenantIosVppAppSeeds.edge.id;
const PAGE_LATENCY_MS = 150;

/**
 * The 20,000 licenses of the large tenant's Edge, exported through the BFF: the CSV streams
 * (its first rows arrive while Graph has served only a few of its 21 pages) and holds every
 * license once, as Graph's own paging lists them.
 */
describe("an app's 20,000 licenses exported as CSV", () => {
  let stack: Stack;
  let agent: string;
  beforeAll(async () => {
    stack = await startStack({ size: "large" });
    agent = await stack.tokenFor("agent");
  }, 60_000);
  afterAll(() => stack.close());

  const licensePagesServed = () =>
    stack.graphCalls().filter((call) => call.path.endsWith("/assignedLicenses")).length;

  it("streams: the first rows arrive before Graph's last page is served, and every row is there", async () => {
    stack.sim.setFaults([
      { path: "/assignedLicenses$", kind: "latency", latencyMs: PAGE_LATENCY_MS },
    ]);
    stack.sim.clearReceived();
    const response = await stack.fetch(`/api/apps/${edge}/licenses/export.csv`, { token: agent });
    expect(response.status).toBe(200);
    const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
    if (reader === undefined) throw new Error("expected a body");
    const decoder = new TextDecoder();
    let text = "";
    let pagesAtFirstRow: number | undefined;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (pagesAtFirstRow === undefined && text.split("\r\n").length > 2) {
        pagesAtFirstRow = licensePagesServed();
      }
    }
    stack.sim.clearFaults();
    const totalPages = licensePagesServed();
    expect(totalPages).toBe(21);
    expect(pagesAtFirstRow).toBeDefined();
    expect(pagesAtFirstRow).toBeLessThan(totalPages);

    const rows = text.split("\r\n").slice(1, -1);
    expect(rows).toHaveLength(20_000);
    // The same rows, in the same order, as the paged JSON list of the same licenses.
    const listed: string[] = [];
    let cursor: string | undefined;
    do {
      const query = cursor === undefined ? "limit=999" : `cursor=${cursor}`;
      const page = AssignedLicenseListSchema.parse(
        await (await stack.fetch(`/api/apps/${edge}/licenses?${query}`, { token: agent })).json(),
      );
      listed.push(...page.items.map((license) => csvLine(licenseExportRow(license)).slice(0, -2)));
      cursor = page.cursor;
    } while (cursor !== undefined);
    expect(rows).toEqual(listed);
    expect(rows.filter((row) => row.startsWith("user,")).length).toBe(20_000);
  }, 120_000);
});
