import type { EnrollmentProfile, Me, Permission } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { makeAction } from "../../../lib/testing/make-action";
import { mayActOnProfiles, profileActionsFor, tokenBusyOf } from "./profile-actions";

const meWith = (permissions: Permission[]): Me => ({
  id: "00000000-0000-0000-0000-000000000001",
  displayName: "Someone",
  userPrincipalName: "someone@contoso.example",
  tenantId: "00000000-0000-0000-0000-0000000000aa",
  roles: [],
  permissions,
});
const agent = meWith(["console:read", "enrollment:revoke", "enrollment:create"]);
const senior = meWith([
  "console:read",
  "enrollment:revoke",
  "enrollment:create",
  "enrollment:reveal-token",
]);
const auditor = meWith(["console:read"]);

const profile = (tokenStatus: EnrollmentProfile["tokenStatus"]): EnrollmentProfile => ({
  kind: "androidForWork",
  id: "d5c3a9e4-6f7b-4c8d-9e0f-3a4b5c6d7e01",
  displayName: "Corporate-owned dedicated — Warehouse scanners",
  tokenStatus,
});

describe("which token actions a row offers", () => {
  it("offers the agent Revoke and Replace, but never Show token", () => {
    for (const status of ["active", "expiring", "expired"] as const) {
      expect(profileActionsFor(agent, profile(status))).toEqual({
        revoke: "enabled",
        replace: true,
        reveal: false,
      });
    }
  });

  it("offers the senior agent Show token only when there is a token", () => {
    expect(profileActionsFor(senior, profile("active")).reveal).toBe(true);
    expect(profileActionsFor(senior, profile("expired")).reveal).toBe(true);
    expect(profileActionsFor(senior, profile("none")).reveal).toBe(false);
  });

  it("disables Revoke (with its reason) on a profile without a token, and keeps Replace", () => {
    expect(profileActionsFor(agent, profile("none"))).toEqual({
      revoke: "noToken",
      replace: true,
      reveal: false,
    });
  });

  it("offers the auditor nothing, and no Actions column", () => {
    expect(profileActionsFor(auditor, profile("active"))).toEqual({
      revoke: "hidden",
      replace: false,
      reveal: false,
    });
    expect(mayActOnProfiles(auditor)).toBe(false);
    expect(mayActOnProfiles(agent)).toBe(true);
  });

  it("needs both revoke and create for Replace", () => {
    const revokeOnly = meWith(["console:read", "enrollment:revoke"]);
    const createOnly = meWith(["console:read", "enrollment:create"]);
    expect(profileActionsFor(revokeOnly, profile("active"))).toMatchObject({
      revoke: "enabled",
      replace: false,
    });
    expect(profileActionsFor(createOnly, profile("active"))).toMatchObject({
      revoke: "hidden",
      replace: false,
    });
    expect(mayActOnProfiles(createOnly)).toBe(false);
  });

  it("disables Revoke and Replace while an action on the token is open (after a reload too)", () => {
    const open = (kind: "enrollment-profile.revoke-token" | "enrollment-profile.reveal-token") =>
      makeAction({
        kind,
        target: { type: "enrollmentProfile", id: profile("active").id, displayName: "P" },
        parameters: { profileKind: "androidForWork" },
        state: "sent",
        progress: undefined,
      } as never);
    const busy = tokenBusyOf([open("enrollment-profile.revoke-token")]);
    expect(busy?.busy).toBe("revoking");
    expect(profileActionsFor(agent, profile("active"), busy?.busy)).toEqual({
      revoke: "busy",
      replace: false,
      reveal: false,
    });
    // Showing the token changes nothing: the row stays as it was.
    expect(tokenBusyOf([open("enrollment-profile.reveal-token")])).toBeUndefined();
  });
});
