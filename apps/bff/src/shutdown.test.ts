import { AssignedLicenseListSchema } from "@ihc/contracts";
import { seededIds } from "@ihc/tenant-sim";
import { describe, expect, it } from "vitest";
import type { ActionJournal } from "./actions/action-journal.js";
import { openEvents, postAction, tokenInState } from "./test-support/action-helpers.js";
import { startStack } from "./test-support/start-stack.js";

/** Counts journal writes made after `close()` resolved: each one is a shutdown-order bug. */
const watchLateWrites = (journal: ActionJournal) => {
  let closed = false;
  let late = 0;
  const update = journal.update.bind(journal);
  const replace = journal.replace.bind(journal);
  journal.update = (...args) => {
    if (closed) late++;
    return update(...args);
  };
  journal.replace = (...args) => {
    if (closed) late++;
    return replace(...args);
  };
  return {
    markClosed: () => (closed = true),
    late: () => late,
  };
};

describe("shutdown while actions run", () => {
  it("stops streams, watchers and the bulk queue before the journal closes", async () => {
    const stack = await startStack({
      env: { GRAPH_APP_WRITES_PER_WINDOW: "10", GRAPH_WRITE_WINDOW_SECONDS: "2" },
      watcherTuning: { pollMs: 50 },
    });
    const late = watchLateWrites(stack.deps.actions.journal);
    const agent = await stack.tokenFor("agent");
    const app = seededIds.iosVppApps.eduExplainEverything;
    const licenses = AssignedLicenseListSchema.parse(
      await (await stack.fetch(`/api/apps/${app}/licenses?limit=60`, { token: agent })).json(),
    ).items;
    const token = await tokenInState(stack, agent, "valid");
    const events = await openEvents(stack, agent);
    // A bulk run that needs several windows, and a token revoke whose watcher polls.
    const bulk = await postAction(stack, `/api/apps/${app}/revoke-licenses`, agent, {
      licenses: licenses.map((l) => ({ kind: "device", managedDeviceId: l.managedDeviceId })),
      notifyManagedDevices: false,
    });
    expect(bulk.status).toBe(202);
    const revoke = await postAction(stack, `/api/vpp-tokens/${token.id}/revoke-licenses`, agent, {
      notifyManagedDevices: false,
      revokeUntrackedLicenses: false,
      confirmDisplayName: token.displayName,
    });
    expect(revoke.status).toBe(202);
    await events.waitFor((e) => e.type === "action" || e.type === "action-items");
    expect(stack.deps.actions.bulkRevokes.activeCount).toBe(1);

    await stack.close();
    late.markClosed();
    expect(stack.deps.actions.streams.count).toBe(0);
    expect(stack.deps.actions.bulkRevokes.activeCount).toBe(0);
    expect(stack.deps.actions.vppWatchers.activeCount).toBe(0);
    // Long enough for any poll or batch that was still scheduled to have written.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(late.late()).toBe(0);
    events.close();
  });
});
