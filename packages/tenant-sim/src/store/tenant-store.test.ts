import { describe, expect, it } from "vitest";
import { demoAccounts } from "../seed/demo-tenant.js";
import { TenantStore } from "./tenant-store.js";

describe("TenantStore", () => {
  it("holds the demo accounts and ~40 generated users, the same for the same seed", () => {
    const a = new TenantStore({ seed: 1 });
    const b = new TenantStore({ seed: 1 });
    expect(a.users).toHaveLength(demoAccounts.length + 40);
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
});
