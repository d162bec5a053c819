import { describe, expect, it } from "vitest";
import { buildRequestUrl } from "./api-client";

describe("buildRequestUrl", () => {
  it("fills path parameters, URI-encoded", () => {
    expect(buildRequestUrl("/api/apps/:id/licenses", { id: "a/b c" }, undefined)).toBe(
      "/api/apps/a%2Fb%20c/licenses",
    );
    expect(
      buildRequestUrl(
        "/api/enrollment-profiles/:kind/:id/revoke-token",
        { kind: "androidForWork", id: "42" },
        undefined,
      ),
    ).toBe("/api/enrollment-profiles/androidForWork/42/revoke-token");
  });

  it("appends the query, leaving out undefined values and repeating arrays", () => {
    expect(
      buildRequestUrl("/api/users", undefined, {
        search: "adele vance",
        cursor: undefined,
        top: 50,
        select: ["id", "displayName"],
      }),
    ).toBe("/api/users?search=adele+vance&top=50&select=id&select=displayName");
  });

  it("refuses a missing path parameter instead of calling a wrong URL", () => {
    expect(() => buildRequestUrl("/api/apps/:id", {}, undefined)).toThrow(
      /Missing path parameter "id"/,
    );
    expect(() => buildRequestUrl("/api/apps/:id", { id: "" }, undefined)).toThrow();
  });

  it("refuses objects as parameter values", () => {
    expect(() => buildRequestUrl("/api/apps/:id", { id: { x: 1 } }, undefined)).toThrow();
  });
});
