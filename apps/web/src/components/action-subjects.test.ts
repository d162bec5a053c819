import { describe, expect, it } from "vitest";
import { subjectLabels } from "./action-subjects";

describe("subjectLabels", () => {
  it("names a user by name and UPN, a device by name and serial, else by id", () => {
    expect(
      subjectLabels({
        subjects: [
          { type: "user", id: "u1", displayName: "Adele Vance", userPrincipalName: "adele@x" },
          { type: "user", id: "u2", userPrincipalName: "lee@x" },
          { type: "device", id: "d1", deviceName: "Adele's iPad", serialNumber: "F2LX" },
          { type: "device", id: "d2" },
        ],
      }),
    ).toEqual(["Adele Vance (adele@x)", "lee@x", "Adele's iPad · F2LX", "d2"]);
  });

  it("is empty for a record written before subjects were kept", () => {
    expect(subjectLabels({})).toEqual([]);
  });
});
