import { GRAPH_DELEGATED_PERMISSIONS } from "@ihc/contracts";
import { TokenAcquisitionError } from "./token-acquisition-error.js";

/**
 * The token service refused on-behalf-of because nobody granted the API's Graph permissions
 * (AADSTS65001, `invalid_grant` with suberror `consent_required`). Another sign-in cannot fix
 * it, so it is not a claims challenge: an administrator must grant consent, once, for the tenant.
 * A TokenAcquisitionError still, so an action refused this way is recorded as not sent.
 */
export class AdminConsentRequiredError extends TokenAcquisitionError {
  override readonly name = "AdminConsentRequiredError";
  readonly permissions: readonly string[] = GRAPH_DELEGATED_PERMISSIONS;
  constructor(apiClientId: string, options?: ErrorOptions) {
    super("consent_required", options);
    this.message =
      `An administrator must grant consent to: ${GRAPH_DELEGATED_PERMISSIONS.join(", ")} ` +
      `(Microsoft Entra admin center › App registrations › the API (${apiClientId}) › ` +
      "API permissions › Grant admin consent).";
  }
}
