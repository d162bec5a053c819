import { describe, expect, it } from "vitest";
import { reclaimSeeds } from "../seed/reclaim-catalog.js";
import { iosVppAppSeeds, seededIds } from "../seed/vpp-catalog.js";
import { TenantStore } from "./tenant-store.js";
import { isIosVppApp, type IosVppAppRecord } from "./vpp-records.js";
import { defaultVppTiming } from "./vpp-timing.js";

const now = Date.UTC(2025, 5, 1, 12, 0, 0);
const store = (seed = 1) => new TenantStore({ seed, now });

function vppApp(s: TenantStore, id: string): IosVppAppRecord {
  const app = s.vpp.findApp(id, now);
  if (app === undefined || !isIosVppApp(app)) throw new Error(`no iOS VPP app ${id}`);
  return app;
}

describe("the seeded VPP tenant", () => {
  it("is the same for the same seed and differs in licenses for another", () => {
    expect(store(1).vpp.apps(now)).toEqual(store(1).vpp.apps(now));
    expect(store(1).vpp.tokens(now)).toEqual(store(1).vpp.tokens(now));
    const a = vppApp(store(1), seededIds.iosVppApps.outlook);
    const b = vppApp(store(2), seededIds.iosVppApps.outlook);
    expect(a.licenses.map((l) => l.id)).not.toEqual(b.licenses.map((l) => l.id));
  });

  it("keeps the users generated before it unchanged", () => {
    const users = store(1).users;
    expect(users).toEqual(new TenantStore({ seed: 1 }).users);
  });

  it("has five tokens in the states the console must show", () => {
    const tokens = store().vpp.tokens(now);
    const byId = new Map(tokens.map((t) => [t.id, t]));
    const days = (id: string) =>
      (Date.parse(byId.get(id)?.expirationDateTime ?? "") - now) / 86_400_000;
    expect(tokens).toHaveLength(5);
    expect(byId.get(seededIds.vppTokens.valid)?.state).toBe("valid");
    expect(days(seededIds.vppTokens.valid)).toBeGreaterThan(190);
    expect(byId.get(seededIds.vppTokens.expiringSoon)?.state).toBe("valid");
    expect(days(seededIds.vppTokens.expiringSoon)).toBeLessThan(30);
    expect(byId.get(seededIds.vppTokens.expired)?.state).toBe("expired");
    expect(days(seededIds.vppTokens.expired)).toBeLessThan(0);
    expect(byId.get(seededIds.vppTokens.externalMdm)?.state).toBe("assignedToExternalMDM");
    expect(byId.get(seededIds.vppTokens.education)?.vppTokenAccountType).toBe("education");
    for (const token of tokens) {
      expect(token.token).not.toBe("");
      expect(store().vpp.appsOfToken(token).length).toBeGreaterThanOrEqual(3);
      expect(store().vpp.appsOfToken(token).length).toBeLessThanOrEqual(6);
    }
  });

  it("gives apps user and device licenses, some without a user, one app about 400", () => {
    const s = store();
    const apps = s.vpp.apps(now).filter(isIosVppApp);
    const licenses = apps.flatMap((a) => a.licenses);
    expect(licenses.some((l) => l.kind === "user" && l.userId === null)).toBe(true);
    expect(licenses.some((l) => l.kind === "device" && l.userId === null)).toBe(true);
    expect(licenses.some((l) => l.kind === "device" && l.userId !== null)).toBe(true);
    // Every licensed user is in the directory, but for the one the reclaim seed deleted.
    const userIds = new Set([...s.users.map((u) => u.id), reclaimSeeds.deletedUser.id]);
    for (const license of licenses) {
      if (license.userId !== null) expect(userIds.has(license.userId)).toBe(true);
    }
    expect(s.findUser(reclaimSeeds.deletedUser.id)).toBeUndefined();
    expect(licenses.filter((l) => l.userId === reclaimSeeds.deletedUser.id)).toHaveLength(2);
    expect(vppApp(s, seededIds.iosVppApps.eduExplainEverything).licenses).toHaveLength(
      iosVppAppSeeds.eduExplainEverything.sharedDeviceLicenses,
    );
    for (const app of apps)
      expect(app.totalLicenseCount).toBeGreaterThanOrEqual(app.licenses.length);
    expect(s.vpp.apps(now).some((a) => !isIosVppApp(a))).toBe(true);
  });
});

describe("a token revoke over time", () => {
  const timing = { ...defaultVppTiming, vppRevokeSeconds: 6 };

  it("goes pending, then active with counts growing, then done, licenses leaving", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.valid, now);
    if (token === undefined) throw new Error("no token");
    const apps = s.vpp.appsOfToken(token);
    const before = apps.reduce((n, a) => n + a.licenses.length, 0);
    expect(s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now)).toEqual({
      ok: true,
    });
    const result = token.tokenActionResults.at(-1);
    expect(result).toMatchObject({ actionState: "pending", totalLicensesCount: 0 });

    s.vpp.advance(now + 500);
    expect(result?.actionState).toBe("pending");
    s.vpp.advance(now + 1000);
    expect(result).toMatchObject({ actionState: "active", totalLicensesCount: 0 });

    s.vpp.advance(now + 3500);
    const midway = result?.totalLicensesCount ?? 0;
    expect(midway).toBeGreaterThan(0);
    expect(midway).toBeLessThan(before);
    expect(apps.reduce((n, a) => n + a.licenses.length, 0)).toBeLessThan(before);
    expect(Date.parse(result?.lastUpdatedDateTime ?? "")).toBeGreaterThan(now + 1000);

    s.vpp.advance(now + 6000);
    expect(result).toMatchObject({ actionState: "done", totalLicensesCount: before });
    const failed = result?.failedLicensesCount ?? 0;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThanOrEqual(Math.ceil(before / 25));
    expect(apps.reduce((n, a) => n + a.licenses.length, 0)).toBe(failed);
    expect(result?.lastUpdatedDateTime).toBe(
      new Date(now + 6000).toISOString().replace("Z", "0000Z"),
    );
  });

  it("counts untracked licenses when asked to revoke them", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.valid, now);
    if (token === undefined) throw new Error("no token");
    const tracked = s.vpp.appsOfToken(token).reduce((n, a) => n + a.licenses.length, 0);
    s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: true }, timing, now);
    s.vpp.advance(now + 6000);
    expect(token.tokenActionResults.at(-1)?.totalLicensesCount).toBe(tracked + 3);
    expect(token.untrackedLicenseCount).toBe(0);
  });

  it("refuses a second revoke while one runs, and accepts one after", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.valid, now);
    if (token === undefined) throw new Error("no token");
    s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now);
    expect(
      s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now + 10),
    ).toEqual({ ok: false, reason: "inProgress" });
    expect(
      s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now + 6000),
    ).toEqual({ ok: true });
    expect(token.tokenActionResults).toHaveLength(2);
  });

  it("fails on an expired token with expiredVppToken, revoking nothing", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.expired, now);
    if (token === undefined) throw new Error("no token");
    const before = s.vpp.appsOfToken(token).reduce((n, a) => n + a.licenses.length, 0);
    s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now);
    s.vpp.advance(now + 1400);
    expect(token.tokenActionResults.at(-1)?.actionState).toBe("pending");
    s.vpp.advance(now + 1500);
    expect(token.tokenActionResults.at(-1)).toMatchObject({
      actionState: "failed",
      actionFailureReason: "expiredVppToken",
      totalLicensesCount: 0,
    });
    expect(s.vpp.appsOfToken(token).reduce((n, a) => n + a.licenses.length, 0)).toBe(before);
  });

  it("fails on a token another MDM owns with appleFailure", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.externalMdm, now);
    if (token === undefined) throw new Error("no token");
    s.vpp.startTokenRevoke(token, { revokeUntrackedLicenses: false }, timing, now);
    s.vpp.advance(now + 6000);
    expect(token.tokenActionResults.at(-1)).toMatchObject({
      actionState: "failed",
      actionFailureReason: "appleFailure",
    });
  });
});

describe("a sync", () => {
  it("is inProgress, then completed with lastSyncDateTime moved", () => {
    const s = store();
    const token = s.vpp.findToken(seededIds.vppTokens.valid, now);
    if (token === undefined) throw new Error("no token");
    s.vpp.startSync(token, defaultVppTiming, now);
    expect(token.lastSyncStatus).toBe("inProgress");
    s.vpp.advance(now + 3000);
    expect(token.lastSyncStatus).toBe("completed");
    expect(Date.parse(token.lastSyncDateTime)).toBe(now + 3000);
  });
});
