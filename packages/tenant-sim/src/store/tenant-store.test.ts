import { describe, expect, it } from "vitest";
import { demoAccounts } from "../seed/demo-tenant.js";
import { generateBulkUsers } from "../seed/generate-bulk-users.js";
import { generateManagedDevices } from "../seed/generate-managed-devices.js";
import { showcaseUserSeeds } from "../seed/showcase-catalog.js";
import { tenantSizeProfiles } from "../seed/tenant-size.js";
import { createPrng } from "./prng.js";
import { TenantStore } from "./tenant-store.js";

const now = Date.UTC(2025, 5, 1, 12, 0, 0);
const showcaseCount = Object.keys(showcaseUserSeeds).length;

describe("TenantStore", () => {
  it("holds the demo accounts, 40 core users and the showcase users, the same for the same seed", () => {
    const a = new TenantStore({ seed: 1 });
    const b = new TenantStore({ seed: 1 });
    expect(a.size).toBe("demo");
    expect(a.users).toHaveLength(demoAccounts.length + 40 + showcaseCount);
    expect(a.users).toEqual(b.users);
    expect(new Set(a.users.map((u) => u.userPrincipalName)).size).toBe(a.users.length);
    expect(new TenantStore({ seed: 2 }).users).not.toEqual(a.users);
  });

  it("finds users by id or UPN, case-insensitively", () => {
    const store = new TenantStore({ seed: 1 });
    const generated = store.users[10];
    expect(store.findUser(generated?.id.toUpperCase() ?? "")).toBe(generated);
    expect(store.findUser("ADELE.VANCE@contoso-sim.onmicrosoft.com")?.displayName).toBe(
      "Adele Vance",
    );
    expect(store.findUser("nobody")).toBeUndefined();
  });

  it("makes a tiny tenant of about 20 users with the demo accounts and showcase users", () => {
    const tiny = new TenantStore({ seed: 1, size: "tiny", now });
    expect(tiny.users).toHaveLength(
      demoAccounts.length + tenantSizeProfiles.tiny.coreUsers + showcaseCount,
    );
    expect(tiny.users.length).toBeLessThanOrEqual(25);
    for (const seed of Object.values(showcaseUserSeeds)) {
      expect(tiny.findUser(seed.id)?.displayName).toBe(seed.displayName);
    }
  });

  it("keeps the demo tenant's users, VPP data and devices whatever else a size adds", () => {
    const demo = new TenantStore({ seed: 1, size: "demo", now });
    // The core (demo accounts and 40 generated users) and all VPP data are drawn first, from
    // the seed's own PRNG, so license holders and their devices are the same in every run.
    const core = demo.users.slice(0, demoAccounts.length + 40);
    const license = demo.vpp
      .apps(now)
      .flatMap((a) => ("licenses" in a ? a.licenses : []))
      .find((l) => l.userId !== null);
    expect(core.some((u) => u.id === license?.userId)).toBe(true);
    for (const device of demo.vpp.devices) {
      expect(demo.managedDevices.find(device.id, now)?.deviceName).toBe(device.deviceName);
    }
  });

  it("gives users a realistic spread of devices, some with none and a few with 4 to 6", () => {
    const store = new TenantStore({ seed: 1, now });
    const counts = store.users.map((u) => store.managedDevices.ofUser(u.id, now).length);
    expect(counts.some((c) => c === 0)).toBe(true);
    expect(counts.some((c) => c >= 4 && c <= 6)).toBe(true);
    const devices = store.managedDevices.list(now);
    const platforms = new Set(devices.map((d) => d.platform));
    expect([...platforms].sort()).toEqual(["Android", "Windows", "iOS", "iPadOS", "macOS"]);
    expect(devices.some((d) => d.ownerType === "personal")).toBe(true);
    expect(devices.some((d) => d.complianceState === "noncompliant")).toBe(true);
  });

  it("gives bulk users 0 devices for ~15%, 1 for ~45%, 2 for ~25%, 3 to 6 for the rest", () => {
    const users = generateBulkUsers(createPrng(7), 5000, "example.test", new Set());
    const devices = generateManagedDevices(createPrng(8), {
      vppDevices: [],
      coreUsers: [],
      showcase: [],
      bulkUsers: users,
      usersById: new Map(),
      now,
    });
    const perUser = new Map<string, number>();
    for (const d of devices) {
      const id = d.user?.id ?? "";
      perUser.set(id, (perUser.get(id) ?? 0) + 1);
    }
    const share = (test: (n: number) => boolean): number =>
      users.filter((u) => test(perUser.get(u.id) ?? 0)).length / users.length;
    expect(share((n) => n === 0)).toBeCloseTo(0.15, 1);
    expect(share((n) => n === 1)).toBeCloseTo(0.45, 1);
    expect(share((n) => n === 2)).toBeCloseTo(0.25, 1);
    expect(share((n) => n >= 3 && n <= 6)).toBeCloseTo(0.15, 1);
    expect(share((n) => n > 6)).toBe(0);
    expect(new Set(users.map((u) => u.userPrincipalName)).size).toBe(users.length);
    expect(users.some((u) => /[^ -~]/.test(u.displayName))).toBe(true);
    expect(users.every((u) => /^[a-z0-9.'-]+@example\.test$/.test(u.userPrincipalName))).toBe(true);
  });
});
