import { ActionListSchema, ProblemSchema } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { record } from "../actions/stores/action-journal.contract.js";
import { postAction, waitForNoOpenAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";
import { EXPORT_PAGE_SIZE } from "./actions-export.js";

const apps = seededIds.iosVppApps;
const adeleId = "a1f0e2d3-0001-4c5b-8a9d-000000000001";

/** Issue #18, 1 and 2: Activity filtered by the store, and its streamed exports, over HTTP. */
describe("GET /api/actions filters and its exports", () => {
  let stack: Stack;
  let agent: string;
  let senior: string;
  let agentUpn: string;
  let agentActionId: string;
  beforeAll(async () => {
    stack = await startStack();
    [agent, senior] = await Promise.all([stack.tokenFor("agent"), stack.tokenFor("senior")]);
    const mine = await postAction(stack, `/api/apps/${apps.slack}/revoke-user-license`, agent, {
      userId: adeleId,
      notifyManagedDevices: true,
      reason: '=HYPERLINK("http://evil.example","ticket")',
    });
    expect(mine.status).toBe(202);
    const record = (await mine.json()) as { id: string; actor: { userPrincipalName: string } };
    agentActionId = record.id;
    agentUpn = record.actor.userPrincipalName;
    await waitForNoOpenAction(stack);
    const theirs = await postAction(stack, `/api/apps/${apps.zoom}/revoke-user-license`, senior, {
      userId: adeleId,
      notifyManagedDevices: false,
      reason: "INC-2 for the auditor",
    });
    expect(theirs.status).toBe(202);
    await waitForNoOpenAction(stack);
  }, 60_000);
  afterAll(() => stack.close());

  const list = async (query: string, token: string) => {
    const response = await stack.fetch(`/api/actions?${query}`, { token });
    expect(response.status).toBe(200);
    return ActionListSchema.parse(await response.json()).items;
  };

  it("filters by actor, subject, text and time for the auditor's view; an agent sees only theirs", async () => {
    const byActor = await list(`actor=${encodeURIComponent(agentUpn.toUpperCase())}`, senior);
    expect(byActor.map((r) => r.id)).toEqual([agentActionId]);
    expect(await list("q=inc-2", senior)).toHaveLength(1);
    expect((await list("subject=adele", senior)).length).toBe(2);
    expect(await list("from=2999-01-01", senior)).toEqual([]);
    // The record's own UTC day, not today's: a run across midnight would ask for the wrong day.
    const day = byActor[0]?.createdAt.slice(0, 10) ?? "";
    expect((await list(`from=${day}&to=${day}&order=oldest`, senior))[0]?.id).toBe(agentActionId);
    // The agent asks for the senior's records and gets none: visibility comes first.
    expect(await list("q=inc-2", agent)).toEqual([]);
  });

  it("refuses a filter it does not know with a problem naming the field", async () => {
    const response = await stack.fetch("/api/actions?state=exploded", { token: senior });
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    expect(JSON.stringify(problem)).toContain("state");
    const unknown = await stack.fetch("/api/actions?colour=red", { token: senior });
    expect(unknown.status).toBe(400);
  });

  it("exports the filtered records as CSV, formulas defused, and as JSON Lines", async () => {
    const csv = await stack.fetch(`/api/actions/export.csv?actor=${encodeURIComponent(agentUpn)}`, {
      token: senior,
    });
    expect(csv.status, await csv.clone().text()).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="activity-/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]?.startsWith("actionId,createdAt,completedAt,kind,state,actorUpn")).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(agentActionId);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""ticket"")"`);

    const jsonl = await stack.fetch("/api/actions/export.jsonl?q=inc-2", { token: senior });
    expect(jsonl.headers.get("content-type")).toContain("application/x-ndjson");
    const records = (await jsonl.text())
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { reason?: string });
    expect(records.map((r) => r.reason)).toEqual(["INC-2 for the auditor"]);
  });

  it("streams an export longer than a page, page after page, every record once in order", async () => {
    const count = EXPORT_PAGE_SIZE * 2 + 50;
    const made: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = record({
        actor: { oid: "oid-bulk", userPrincipalName: "bulk@x", displayName: "B" },
      });
      await stack.deps.actions.journal.insert(r);
      made.push(r.id);
    }
    const csv = await stack.fetch("/api/actions/export.csv?actor=bulk@x", { token: senior });
    const ids = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual([...made].reverse());
    const oldest = await stack.fetch("/api/actions/export.jsonl?actor=bulk@x&order=oldest", {
      token: senior,
    });
    const lines = (await oldest.text()).trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(made);
  }, 60_000);
});
