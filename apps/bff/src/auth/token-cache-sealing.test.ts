import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openTokenCache, sealTokenCache } from "./token-cache-sealing.js";

const key = randomBytes(32);
const cache = JSON.stringify({ AccessToken: { one: { secret: "eyJhbGciOi.eyJvaWQiOi.sig" } } });

describe("sealing msal-node's token cache", () => {
  it("opens what it sealed, with a fresh IV each time", () => {
    const first = sealTokenCache(key, "tid:oid-1", cache);
    const second = sealTokenCache(key, "tid:oid-1", cache);
    expect(first).not.toBe(second);
    expect(first.slice(3, 19)).not.toBe(second.slice(3, 19)); // the IVs
    expect(first).not.toContain("eyJ");
    expect(openTokenCache(key, "tid:oid-1", first)).toBe(cache);
    expect(openTokenCache(key, "tid:oid-1", second)).toBe(cache);
  });

  it("does not open for another partition, another key, or after any change", () => {
    const sealed = sealTokenCache(key, "tid:oid-1", cache);
    expect(openTokenCache(key, "tid:oid-2", sealed)).toBeUndefined();
    expect(openTokenCache(randomBytes(32), "tid:oid-1", sealed)).toBeUndefined();
    const bytes = Buffer.from(sealed.slice(3), "base64url");
    for (const at of [0, 12, bytes.length - 17, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] ?? 0) ^ 1;
      expect(openTokenCache(key, "tid:oid-1", `v1.${changed.toString("base64url")}`)).toBe(
        undefined,
      );
    }
    expect(
      openTokenCache(key, "tid:oid-1", `v1.${bytes.subarray(0, 27).toString("base64url")}`),
    ).toBeUndefined();
    expect(openTokenCache(key, "tid:oid-1", cache)).toBeUndefined();
    expect(openTokenCache(key, "tid:oid-1", "v2.AAAA")).toBeUndefined();
    expect(openTokenCache(key, "tid:oid-1", "")).toBeUndefined();
  });
});
