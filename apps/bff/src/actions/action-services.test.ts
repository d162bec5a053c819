import { randomUUID } from "node:crypto";
import { seededEnrollmentProfileIds } from "@ihc/tenant-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../test-support/start-stack.js";
import type { StoredAction } from "./action-journal.js";
import { recoverActions } from "./recover-actions.js";

describe("recoverActions after a restart", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("marks the step of a multi-step action that was in flight unknown, and sends nothing", async () => {
    const now = new Date().toISOString();
    const record: StoredAction = {
      id: randomUUID(),
      kind: "enrollment-profile.replace-token",
      idempotencyKey: randomUUID(),
      actor: { oid: "oid-1", userPrincipalName: "a@x", displayName: "A" },
      target: {
        type: "enrollmentProfile",
        id: seededEnrollmentProfileIds.androidDeviceOwner.corporatePhones,
        displayName: "Fully managed — Corporate phones",
      },
      parameters: { profileKind: "androidDeviceOwner", validityDays: 30 },
      state: "sent",
      sentAt: now,
      graph: { clientRequestId: "c2" },
      steps: [
        { name: "revokeToken", state: "succeeded", graph: { clientRequestId: "c1", status: 204 } },
        { name: "createToken", state: "sent", graph: { clientRequestId: "c2" } },
      ],
      createdAt: now,
      updatedAt: now,
      requestHash: "h",
    };
    const { journal } = stack.deps.actions;
    await journal.insert(record);
    await recoverActions(stack.deps.actions);
    const recovered = await journal.get(record.id);
    expect(recovered?.state).toBe("unknown");
    expect(recovered?.graph).toMatchObject({ clientRequestId: "c2", code: "interrupted" });
    expect(recovered?.steps?.map((s) => [s.name, s.state])).toEqual([
      ["revokeToken", "succeeded"],
      ["createToken", "unknown"],
    ]);
    expect(stack.graphCalls()).toEqual([]);
  });
});
