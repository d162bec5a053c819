import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { StoredAction } from "./action-journal.js";
import { actionEvent } from "./action-events.js";

const bulk = (states: ("queued" | "sent" | "succeeded")[]): StoredAction => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    kind: "app.revoke-licenses-bulk",
    idempotencyKey: randomUUID(),
    actor: { oid: "oid-1", userPrincipalName: "a@x", displayName: "A" },
    target: { type: "app", id: randomUUID(), displayName: "App" },
    parameters: { notifyManagedDevices: false, licenseCount: states.length },
    state: "sent",
    items: states.map((state, i) => ({ key: `device:${i}`, kind: "device", id: `${i}`, state })),
    createdAt: now,
    updatedAt: now,
    requestHash: "secret-ish",
  };
};

describe("actionEvent", () => {
  it("sends a record whole when nothing earlier is known, without the request hash", () => {
    const record = bulk(["queued", "queued"]);
    const event = actionEvent(record);
    expect(event.type).toBe("action");
    expect(JSON.stringify(event)).not.toContain("secret-ish");
  });

  it("sends only the items that changed when the write says which", () => {
    const before = bulk(["queued", "queued", "queued"]);
    const after = { ...before, items: bulk(["succeeded", "queued", "sent"]).items };
    const changed = (after.items ?? []).filter((item) => item.state !== "queued");
    const subjects = [0, 1, 2].map((n) => ({ type: "device" as const, id: `${n}` }));
    const event = actionEvent({ ...after, subjects }, changed);
    if (event.type !== "action-items") throw new Error(`expected a delta, got ${event.type}`);
    expect(event.items.map((i) => i.key)).toEqual(["device:0", "device:2"]);
    expect("items" in event.action).toBe(false);
    // Written once with the record: a delta never carries them again.
    expect("subjects" in event.action).toBe(false);
    expect(JSON.stringify(event)).not.toContain("secret-ish");
  });

  it("sends the record whole when every item changed", () => {
    const after = bulk(["sent", "sent"]);
    expect(actionEvent(after, after.items ?? []).type).toBe("action");
  });
});
