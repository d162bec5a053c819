import type { ActionParameter } from "./action-parameters.js";
import type { GraphVersion } from "./graph-request-context.js";

/** v1.0's wipe, as shared/reference/graph-schema.json has it: four nullable parameters. */
const v1Parameters: readonly ActionParameter[] = [
  { name: "keepEnrollmentData", type: "Edm.Boolean", nullable: true },
  { name: "keepUserData", type: "Edm.Boolean", nullable: true },
  { name: "macOsUnlockCode", type: "Edm.String", nullable: true },
  { name: "persistEsimDataPlan", type: "Edm.Boolean", nullable: true },
];

/**
 * Beta's wipe adds obliterationBehavior and useProtectedWipe. graph-schema.json does not list
 * beta's wipe (its beta operations are not exhaustive); these come from the beta metadata as
 * the generated Clear-MgBetaDeviceManagementManagedDevice cmdlet and the beta reference page
 * show them. https://learn.microsoft.com/graph/api/intune-devices-manageddevice-wipe?view=graph-rest-beta
 */
const betaParameters: readonly ActionParameter[] = [
  ...v1Parameters,
  {
    name: "obliterationBehavior",
    type: "microsoft.graph.obliterationBehavior",
    members: [
      "default",
      "doNotObliterate",
      "obliterateWithWarning",
      "always",
      "unknownFutureValue",
    ],
    nullable: true,
  },
  { name: "useProtectedWipe", type: "Edm.Boolean", nullable: true },
];

/** The parameters `managedDevice.wipe` takes in this version. */
export function wipeParameters(version: GraphVersion): readonly ActionParameter[] {
  return version === "beta" ? betaParameters : v1Parameters;
}
