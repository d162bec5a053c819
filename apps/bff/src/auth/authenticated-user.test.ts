import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createAuthenticatedUser } from "./authenticated-user.js";

const fields = {
  oid: "00000000-0000-0000-0000-000000000001",
  tid: "00000000-0000-0000-0000-0000000000aa",
  name: "Agent",
  username: "agent@contoso.example",
  roles: ["Console.Read"],
  scopes: ["access_as_user"],
  claims: {},
};

describe("authenticated user", () => {
  it("carries its assertion's hash as msal-node computes it, never enumerable", () => {
    const user = createAuthenticatedUser(fields, "header.payload.signature");
    const expected = createHash("sha256").update("header.payload.signature").digest("base64url");
    expect(user.assertionHash).toBe(expected);
    expect(expected).not.toMatch(/[=+/]/);
    expect(Object.keys(user)).not.toContain("assertion");
    expect(Object.keys(user)).not.toContain("assertionHash");
    expect(JSON.stringify(user)).not.toContain(expected);
    expect(Object.isFrozen(user)).toBe(true);
    expect(Object.isFrozen(user.roles)).toBe(true);
    expect(Object.isFrozen(user.scopes)).toBe(true);
  });

  it("takes a hash already computed instead of hashing again", () => {
    const user = createAuthenticatedUser(fields, "header.payload.signature", "given-hash");
    expect(user.assertionHash).toBe("given-hash");
  });
});
