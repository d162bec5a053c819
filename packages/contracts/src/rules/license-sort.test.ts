import { describe, expect, it } from "vitest";
import type { AssignedLicense } from "../ios-vpp-apps.js";
import { sortLicenses } from "./license-sort.js";

const license = (id: string, fields: Partial<AssignedLicense> = {}): AssignedLicense => ({
  id,
  kind: "user",
  ...fields,
});

const licenses: AssignedLicense[] = [
  license("1", { userName: "zoë Müller", userPrincipalName: "zoe@x" }),
  license("2", { userName: "Adele Vance", userPrincipalName: "adele@x" }),
  license("3", { kind: "device", deviceName: "iPad 10", managedDeviceId: "d3" }),
  license("4", { kind: "device", deviceName: "iPad 9", managedDeviceId: "d4", userName: "Ádám" }),
  license("5", { kind: "device", managedDeviceId: "b-device" }),
  license("6", { userName: "Сергей", userPrincipalName: "sergey@x" }),
];
const ids = (list: AssignedLicense[]) => list.map((l) => l.id);

describe("sortLicenses: the order an app's licenses list and its export share", () => {
  it("sorts names ignoring case and accents, Latin before Cyrillic, missing values first", () => {
    expect(ids(sortLicenses(licenses, "user", "ascending"))).toEqual([
      "3",
      "5",
      "4",
      "2",
      "1",
      "6",
    ]);
  });

  it("sorts devices by name (numbers as numbers), then by id where the name is missing", () => {
    // User licenses have no device: they come first, by UPN.
    expect(ids(sortLicenses(licenses, "device", "ascending"))).toEqual([
      "2",
      "6",
      "1",
      "5",
      "4",
      "3",
    ]);
  });

  it("reverses the whole order when descending, ties included", () => {
    for (const column of ["user", "upn", "device", "kind"] as const) {
      expect(ids(sortLicenses(licenses, column, "descending"))).toEqual(
        ids(sortLicenses(licenses, column, "ascending")).reverse(),
      );
    }
  });

  it("does not change the list it is given", () => {
    const copy = [...licenses];
    sortLicenses(licenses, "kind", "descending");
    expect(licenses).toEqual(copy);
  });
});
