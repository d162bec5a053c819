import type { Scenario } from "../faults/scenario.js";

/** The `actionName` each action's result carries. */
export interface ActionNames {
  tokenRevoke: string;
  user: string;
  device: string;
  all: string;
  retire: string;
  wipe: string;
}

/** What the simulator writes by default (and what Graph's examples show). */
export const usualActionNames: Readonly<ActionNames> = Object.freeze({
  tokenRevoke: "RevokeLicenses",
  user: "RevokeUserLicense",
  device: "RevokeDeviceLicense",
  all: "RevokeAllLicenses",
  retire: "retire",
  wipe: "wipe",
});

/**
 * `actionName` is a plain string Graph does not document the values of; tenants report others
 * (casing and wording vary by service version). With `otherActionNames` on, these are written.
 */
export const otherActionNames: Readonly<ActionNames> = Object.freeze({
  tokenRevoke: "RevokeVppTokenLicenses",
  user: "RevokeLicenseForUser",
  device: "RevokeLicenseForDevice",
  all: "RevokeAllAppLicenses",
  retire: "Retire",
  wipe: "FactoryReset",
});

export function actionNamesOf(scenario: Readonly<Scenario>): Readonly<ActionNames> {
  return scenario.otherActionNames ? otherActionNames : usualActionNames;
}
