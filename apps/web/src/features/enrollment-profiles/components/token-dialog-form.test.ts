import { describe, expect, it } from "vitest";
import { replaceFormState, revokeFormState } from "./token-dialog-form";
import { parseValidityDays } from "./validity-days";

const profile = { displayName: "Fully managed — Corporate phones" };

describe("the token dialogs' validation", () => {
  it("confirms the profile's name as a person types it: a hyphen for the dash, case and spaces aside", () => {
    expect(revokeFormState("", profile).canConfirm).toBe(false);
    expect(revokeFormState("Fully managed", profile).canConfirm).toBe(false);
    expect(revokeFormState("Fully managed Corporate phones", profile).canConfirm).toBe(false);
    expect(revokeFormState("fully managed — corporate phones", profile).canConfirm).toBe(true);
    expect(revokeFormState("Fully managed - Corporate phones", profile).canConfirm).toBe(true);
    expect(revokeFormState("  Fully managed — Corporate phones ", profile).canConfirm).toBe(true);
    expect(revokeFormState("  ", { displayName: " " }).canConfirm).toBe(false);
  });

  it("takes a validity of 1 to 90 whole days", () => {
    expect(parseValidityDays("1")).toBe(1);
    expect(parseValidityDays(" 30 ")).toBe(30);
    expect(parseValidityDays("90")).toBe(90);
    for (const bad of ["0", "91", "-1", "1.5", "1e1", "", " ", "thirty", "30 days"]) {
      expect(parseValidityDays(bad), bad).toBeUndefined();
    }
  });

  it("shows the inline days error and keeps Replace disabled until both are right", () => {
    expect(replaceFormState(profile.displayName, "91", profile)).toEqual({
      validityDays: undefined,
      daysInvalid: true,
      canConfirm: false,
    });
    expect(replaceFormState(profile.displayName, "0", profile).daysInvalid).toBe(true);
    expect(replaceFormState("Fully", "30", profile)).toEqual({
      validityDays: 30,
      daysInvalid: false,
      canConfirm: false,
    });
    expect(replaceFormState(profile.displayName, "30", profile)).toEqual({
      validityDays: 30,
      daysInvalid: false,
      canConfirm: true,
    });
  });
});
