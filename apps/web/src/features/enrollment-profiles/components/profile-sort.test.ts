import type { EnrollmentProfile } from "@ihc/contracts";
import { describe, expect, it } from "vitest";
import { nextProfileSort, sortProfiles } from "./profile-sort";

const profile = (
  displayName: string,
  expiration: string | undefined,
  devices: number | undefined,
): EnrollmentProfile => ({
  kind: "androidDeviceOwner",
  id: displayName,
  displayName,
  tokenStatus: expiration === undefined ? "none" : "active",
  ...(expiration === undefined ? {} : { tokenExpirationDateTime: expiration }),
  ...(devices === undefined ? {} : { enrolledDeviceCount: devices }),
});

const profiles = [
  profile("Kiosks 10", "2027-03-01T00:00:00Z", 5),
  profile("Kiosks 9", undefined, undefined),
  profile("Scanners", "2027-01-01T00:00:00Z", 300),
];
const names = (list: EnrollmentProfile[]) => list.map((p) => p.displayName);

describe("sortProfiles", () => {
  it("sorts names naturally, both ways", () => {
    expect(names(sortProfiles(profiles, { column: "name", direction: "ascending" }, "en"))).toEqual(
      ["Kiosks 9", "Kiosks 10", "Scanners"],
    );
    expect(
      names(sortProfiles(profiles, { column: "name", direction: "descending" }, "en")),
    ).toEqual(["Scanners", "Kiosks 10", "Kiosks 9"]);
  });

  it("sorts by expiry and devices, the profile without a value last either way", () => {
    expect(
      names(sortProfiles(profiles, { column: "expiry", direction: "ascending" }, "en")),
    ).toEqual(["Scanners", "Kiosks 10", "Kiosks 9"]);
    expect(
      names(sortProfiles(profiles, { column: "devices", direction: "descending" }, "en")),
    ).toEqual(["Scanners", "Kiosks 10", "Kiosks 9"]);
  });

  it("reverses on a second click and starts ascending on another column", () => {
    const byName = { column: "name", direction: "ascending" } as const;
    expect(nextProfileSort(byName, "name").direction).toBe("descending");
    expect(nextProfileSort(byName, "expiry")).toEqual({ column: "expiry", direction: "ascending" });
  });
});
