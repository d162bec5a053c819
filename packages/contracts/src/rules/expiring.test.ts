import { describe, expect, it } from "vitest";
import { daysLeftOf, expiringOf, expiryOverviewOf } from "./expiring.js";

const now = Date.parse("2026-12-05T12:00:00Z");
const inDays = (days: number) => new Date(now + days * 86_400_000).toISOString();

describe("expiringOf", () => {
  it("splits expired from expiring within the window, soonest first, and leaves the rest", () => {
    const summary = expiringOf(
      [
        { id: "far", displayName: "Far", expiration: inDays(31) },
        { id: "soon", displayName: "Soon", expiration: inDays(14) },
        { id: "edge", displayName: "Edge", expiration: inDays(30) },
        { id: "gone", displayName: "Gone", expiration: inDays(-3) },
        { id: "older", displayName: "Older", expiration: inDays(-40) },
        { id: "unknown", displayName: "Unknown", expiration: undefined },
        { id: "garbled", displayName: "Garbled", expiration: "not a date" },
      ],
      now,
      30,
    );
    expect(summary.expiring.map((item) => item.id)).toEqual(["soon", "edge"]);
    expect(summary.expired.map((item) => item.id)).toEqual(["older", "gone"]);
  });

  it("counts a token expiring this very instant as expired", () => {
    const summary = expiringOf([{ id: "now", displayName: "Now", expiration: inDays(0) }], now, 30);
    expect(summary.expired).toHaveLength(1);
    expect(summary.expiring).toHaveLength(0);
  });

  it("follows the configured number of days", () => {
    const candidates = [{ id: "soon", displayName: "Soon", expiration: inDays(14) }];
    expect(expiringOf(candidates, now, 7).expiring).toHaveLength(0);
    expect(expiringOf(candidates, now, 14).expiring).toHaveLength(1);
  });
});

describe("expiryOverviewOf", () => {
  it("names VPP and enrollment tokens within the window, expired first, and skips profiles without a token", () => {
    const items = expiryOverviewOf(
      [
        { id: "v-soon", displayName: "VPP soon", expirationDateTime: inDays(5) },
        { id: "v-far", displayName: "VPP far", expirationDateTime: inDays(200) },
        { id: "v-gone", displayName: "VPP gone", expirationDateTime: inDays(-1) },
      ],
      [
        {
          kind: "androidForWork",
          id: "p1",
          displayName: "Profile soon",
          tokenStatus: "expiring",
          tokenExpirationDateTime: inDays(2),
        },
        {
          kind: "androidDeviceOwner",
          id: "p2",
          displayName: "No token",
          tokenStatus: "none",
          tokenExpirationDateTime: inDays(1),
        },
      ],
      now,
      30,
    );
    expect(items.map((item) => [item.kind, item.id, item.expired])).toEqual([
      ["vpp", "v-gone", true],
      ["vpp", "v-soon", false],
      ["enrollment", "androidForWork:p1", false],
    ]);
    expect(items[2]).toMatchObject({ profileId: "p1", profileKind: "androidForWork" });
  });
});

describe("daysLeftOf", () => {
  it("rounds up ahead and down behind", () => {
    expect(daysLeftOf(inDays(0.1), now)).toBe(1);
    expect(daysLeftOf(inDays(3), now)).toBe(3);
    expect(daysLeftOf(inDays(-0.1), now)).toBe(0);
    expect(daysLeftOf(inDays(-1.5), now)).toBe(-1);
  });
});
