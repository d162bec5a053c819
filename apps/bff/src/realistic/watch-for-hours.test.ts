import { ActionRecordSchema, awaitsDeviceCheckIn, type ActionRecord } from "@ihc/contracts";
import { seededUserIds, showcaseUserSeeds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postAction, readAction, waitForAction } from "../test-support/action-helpers.js";
import { startStack, type Stack } from "../test-support/start-stack.js";

/**
 * Issue #15 (2): a retired device stays pending until it checks in, which on a real tenant may
 * be hours. The watcher keeps following it for as long as that takes, polling less and less
 * often while nothing changes, never timing out, and the record says it waits for the device;
 * the device's check-in settles it.
 */
describe("a retire that waits hours for the device (realistic: realTimings)", () => {
  let stack: Stack;
  let senior: string;
  beforeAll(async () => {
    stack = await startStack({ watcherTuning: { pollMs: 100, maxPollMs: 1600 } });
    // Eight hours to the next check-in, at real speed.
    stack.sim.setScenario({ realTimings: true, timeScale: 1 });
    senior = await stack.tokenFor("senior");
  });
  afterAll(() => stack.close());

  it("backs off while the device is pending, says so, and settles when it checks in", async () => {
    const upn = `${showcaseUserSeeds.joseNunez.alias}@contoso-sim.onmicrosoft.com`;
    const sent = await postAction(
      stack,
      `/api/users/${seededUserIds.joseNunez}/retire-all-devices`,
      senior,
      { confirmUserPrincipalName: upn },
    );
    expect(sent.status).toBe(202);
    const { id } = ActionRecordSchema.parse(await sent.json());
    const pending = await waitForAction(stack, id, senior, (r) => awaitsDeviceCheckIn(r));
    expect(pending.state).toBe("succeeded");

    const from = stack.graphCalls().length;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const reads = stack
      .graphCalls()
      .slice(from)
      .filter((call) => call.method === "GET" && call.path.includes("managedDevices")).length;
    // At a steady 100 ms this would be about 40 reads; doubling to 1.6 s makes it a handful.
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(10);

    const still: ActionRecord = await readAction(stack, id, senior);
    expect(still.completedAt).toBeUndefined();
    expect(still.progress?.watchTimedOut).toBeUndefined();
    expect(awaitsDeviceCheckIn(still)).toBe(true);
    expect(still.lastCheckedAt).toBeDefined();
    expect(stack.deps.actions.retireWatchers.activeCount).toBe(1);

    for (const item of still.items ?? []) expect(stack.sim.checkInDevice(item.id)).toBe(true);
    const done = await waitForAction(stack, id, senior, (r) => r.completedAt !== undefined);
    expect(done.items?.map((i) => i.state)).toEqual(still.items?.map(() => "succeeded"));
    expect(awaitsDeviceCheckIn(done)).toBe(false);
  });
});
