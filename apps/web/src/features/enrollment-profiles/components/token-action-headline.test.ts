import type { ActionRecord } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { tokenActionHeadline } from "./token-action-headline";

const record = (
  kind: ActionRecord["kind"],
  state: ActionRecord["state"],
  code?: string,
): ActionRecord =>
  ({
    id: "8f2b2c4e-0d6a-4b8e-9a57-1f0c2e3d4b5a",
    kind,
    idempotencyKey: "0e9d1c2b-3a4f-4e5d-8c7b-6a5f4e3d2c1b",
    actor: { oid: "a", userPrincipalName: "adele@contoso.example", displayName: "Adele Vance" },
    target: { type: "enrollmentProfile", id: "p", displayName: "Profile" },
    parameters: {},
    state,
    graph: { clientRequestId: "c", ...(code === undefined ? {} : { code }) },
    createdAt: "2026-11-23T10:00:00Z",
    updatedAt: "2026-11-23T10:00:01Z",
  }) as ActionRecord;

describe("where a revoke or replace stands, in words", () => {
  it("runs with a spinner until Graph answers", () => {
    for (const state of ["accepted", "sent"] as const) {
      expect(tokenActionHeadline(record("enrollment-profile.revoke-token", state))).toEqual({
        running: true,
        title: "enrollmentProfiles.result.revoke.running",
      });
    }
    expect(tokenActionHeadline(record("enrollment-profile.replace-token", "sent")).title).toBe(
      "enrollmentProfiles.result.replace.running",
    );
  });

  it("says done, not confirmed (calmly, with what happens next) or not done", () => {
    expect(tokenActionHeadline(record("enrollment-profile.revoke-token", "succeeded"))).toEqual({
      running: false,
      title: "enrollmentProfiles.result.revoke.succeeded",
      detail: "enrollmentProfiles.result.revoke.succeededDetail",
    });
    expect(tokenActionHeadline(record("enrollment-profile.replace-token", "unknown"))).toEqual({
      running: false,
      title: "enrollmentProfiles.result.replace.unknown",
    });
    expect(
      tokenActionHeadline(record("enrollment-profile.revoke-token", "failed", "notApplied")).title,
    ).toBe("enrollmentProfiles.result.revoke.failed");
  });

  it("tells a replace that revoked the old token but made no new one", () => {
    expect(
      tokenActionHeadline(record("enrollment-profile.replace-token", "failed", "notCompleted"))
        .title,
    ).toBe("enrollmentProfiles.result.replace.notCompleted");
  });
});
