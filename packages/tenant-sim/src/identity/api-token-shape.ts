import type { JWTPayload } from "jose";
import type { Scenario } from "../faults/scenario.js";
import { demoTenant } from "../seed/demo-tenant.js";

/** A client application other than the console's SPA, to which the tenant also issues tokens. */
export const otherClientId = "5b1e7c3a-2d4f-4e6a-8b9c-0d1e2f3a4b5c";

/**
 * Reshapes an API access token as two registration mistakes make Entra issue it (scenario
 * `v1ApiTokens`, `apiTokensForOtherClient`). A v1.0 token: issuer `https://sts.windows.net/{tid}/`,
 * `ver` "1.0", the App ID URI as audience, the client in `appid`, the user in `upn`/`unique_name`.
 * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference
 */
export function shapeApiAccessToken(
  claims: JWTPayload,
  scenario: Readonly<Scenario>,
  tenantId: string,
): JWTPayload {
  const client = scenario.apiTokensForOtherClient ? otherClientId : claims.azp;
  if (!scenario.v1ApiTokens) return { ...claims, azp: client };
  const { azp: _azp, azpacr, preferred_username: upn, ...rest } = claims;
  return {
    ...rest,
    aud: demoTenant.api.identifierUri,
    iss: `https://sts.windows.net/${tenantId}/`,
    appid: client,
    appidacr: azpacr,
    unique_name: upn,
    upn,
    ver: "1.0",
  };
}
