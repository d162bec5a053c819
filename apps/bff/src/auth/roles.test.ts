import { AppRoles, Permissions } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { permissionsFor, rolePermissions } from "./roles.js";

describe("permissionsFor", () => {
  it("grants nothing without roles, and ignores roles it does not know", () => {
    expect(permissionsFor([])).toEqual([]);
    expect(permissionsFor(["Console.Admin", "console:read"])).toEqual([]);
  });

  it("maps each role through the one table, in the contract's order, without duplicates", () => {
    expect(permissionsFor(["Licenses.Revoke", "Console.Read", "Console.Read"])).toEqual([
      "console:read",
      "vpp:revoke",
      "apps:revoke",
    ]);
    expect(permissionsFor(["Enrollment.Manage"])).toEqual([
      "enrollment:revoke",
      "enrollment:create",
    ]);
  });

  it("has an entry for every app role, and every permission is reachable", () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...AppRoles].sort());
    expect(permissionsFor(AppRoles)).toEqual([...Permissions]);
  });

  it("answers a token's frozen roles from memory, and never keeps an array that can change", () => {
    const frozen = Object.freeze(["Console.Read"]);
    const first = permissionsFor(frozen);
    expect(permissionsFor(frozen)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    const changing = ["Console.Read"];
    expect(permissionsFor(changing)).toEqual(["console:read"]);
    changing.push("Devices.Retire");
    expect(permissionsFor(changing)).toEqual(["console:read", "devices:retire"]);
  });
});
