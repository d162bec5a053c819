import { randomUUID } from "node:crypto";
import { errors, jwtVerify, type JWTPayload } from "jose";
import { demoTenant } from "../../seed/demo-tenant.js";
import type { SimulatorContext } from "../../simulator-context.js";
import {
  authenticateConfidentialClient,
  clientKindOf,
  rejectCredentialsFromPublicClient,
} from "../client-authentication.js";
import { requiredAuthenticationContext } from "../../graph/claims-challenge.js";
import { EntraError } from "../entra-error.js";
import { principalFromUser, type Principal } from "../principal.js";
import { parseRequestedClaims } from "../requested-claims.js";
import { resolveScopes } from "../requested-scopes.js";
import { userTokenResponse, type TokenResponse } from "../token-response.js";
import { required, tokenEndpointOf, type GrantRequest } from "./grant-request.js";

export const jwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/**
 * The on-behalf-of grant: the BFF (a confidential client) trades the user's API token for a
 * Graph token. https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow
 */
export async function onBehalfOfGrant(
  ctx: SimulatorContext,
  request: GrantRequest,
): Promise<TokenResponse> {
  const clientId = required(request, "client_id").toLowerCase();
  if (clientKindOf(clientId) === "spa") {
    // A public client holds no secret, so it cannot act on behalf of anyone.
    rejectCredentialsFromPublicClient(request.params, request.authorization);
    throw new EntraError(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    );
  }
  await authenticateConfidentialClient(
    request.params,
    request.authorization,
    tokenEndpointOf(ctx),
    ctx.workloadIssuer,
  );
  const tokenUse = required(request, "requested_token_use");
  if (tokenUse !== "on_behalf_of") {
    throw new EntraError(
      "invalid_request",
      90100,
      `requested_token_use '${tokenUse}' is not supported; use 'on_behalf_of'.`,
    );
  }
  const assertion = required(request, "assertion");
  const scopeParam = required(request, "scope");
  const scopes = resolveScopes(scopeParam, "api", [ctx.url]);
  const requested = parseRequestedClaims(request.params.get("claims"));

  const claims = await verifyAssertion(ctx, assertion);
  const principal = principalOf(ctx, claims);
  const scenario = ctx.scenario.get();
  if (scenario.oboConsentRequired) throw consentRequired();
  if (scenario.oboInteractionRequired) throw multiFactorRequired();
  const acrs = stringList(claims.acrs);
  // The policy on Graph is evaluated against the claims the request passes, so a token that
  // satisfied it is not enough when the middle tier does not say so (ADR 0027).
  const asked = scenario.oboAuthenticationContext
    ? [...new Set([...requested.acrs, requiredAuthenticationContext])]
    : requested.acrs;
  if (
    scenario.oboAuthenticationContext &&
    !requested.acrs.includes(requiredAuthenticationContext)
  ) {
    throw authenticationContextRequired([requiredAuthenticationContext]);
  }
  const unmet = asked.filter((value) => !acrs.includes(value));
  if (unmet.length > 0) throw authenticationContextRequired(unmet);

  return userTokenResponse(ctx, {
    clientKind: "api",
    clientId,
    principal,
    scopes,
    scopeParam,
    claims: { acrs, clientCapabilities: requested.clientCapabilities },
    nonce: undefined,
    wantsClientInfo: request.params.get("client_info") === "1",
  });
}

async function verifyAssertion(ctx: SimulatorContext, assertion: string): Promise<JWTPayload> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, ctx.keys.publishedKeys, {
      algorithms: ["RS256"],
      issuer: ctx.issuer,
      audience: [demoTenant.api.clientId, demoTenant.api.identifierUri],
    }));
  } catch (error) {
    throw assertionError(error);
  }
  if (payload.tid !== ctx.tenantId) {
    throw invalidGrant(
      50013,
      "Assertion failed validation: the token was issued for another tenant.",
    );
  }
  const scp = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
  if (!scp.includes(demoTenant.api.scope)) {
    throw invalidGrant(
      50013,
      `Assertion failed validation: it lacks the delegated scope '${demoTenant.api.scope}'. App-only tokens cannot be exchanged on behalf of a user.`,
    );
  }
  return payload;
}

function principalOf(ctx: SimulatorContext, claims: JWTPayload): Principal {
  const oid = typeof claims.oid === "string" ? claims.oid : "";
  const user = ctx.store.findUser(oid);
  if (user === undefined || oid === "") {
    throw invalidGrant(
      50034,
      `The user account ${oid} does not exist in the ${demoTenant.tenantDomain} directory.`,
    );
  }
  const fromStore = principalFromUser(user);
  // The Graph token names the user as the assertion did.
  return {
    ...fromStore,
    name: typeof claims.name === "string" ? claims.name : fromStore.name,
    upn: typeof claims.preferred_username === "string" ? claims.preferred_username : fromStore.upn,
  };
}

function assertionError(error: unknown): EntraError {
  if (error instanceof errors.JWTExpired) {
    return invalidGrant(
      500133,
      `Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: ${new Date().toISOString()}.`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") {
      return invalidGrant(
        500133,
        "Assertion is not within its valid time range (nbf is in the future).",
      );
    }
    if (error.claim === "aud") {
      return invalidGrant(
        50013,
        `Assertion audience does not match the Client app presenting the assertion. The expected audience is '${demoTenant.api.clientId}' or one of the Application Uris of this application.`,
      );
    }
    if (error.claim === "iss") {
      return invalidGrant(50013, "Assertion failed validation: the issuer is not this tenant.");
    }
    return invalidGrant(50013, `Assertion failed validation: ${error.message}.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return invalidGrant(
      50013,
      "Assertion failed signature validation. [Reason - The key was not found.]",
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalidGrant(
      50013,
      "Assertion failed signature validation. [Reason - The signature is invalid.]",
    );
  }
  return invalidGrant(50027, "JWT token is invalid or malformed.");
}

function consentRequired(): EntraError {
  return new EntraError(
    "invalid_grant",
    65001,
    `The user or administrator has not consented to use the application with ID '${demoTenant.api.clientId}' named '${demoTenant.api.displayName}'. Send an interactive authorization request for this user and resource.`,
    400,
    { suberror: "consent_required" },
  );
}

function multiFactorRequired(): EntraError {
  const claims = JSON.stringify({
    access_token: { capolids: { essential: true, values: [randomUUID()] } },
  });
  return new EntraError(
    "interaction_required",
    50076,
    `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${demoTenant.graph.appId}'.`,
    400,
    { claims },
  );
}

function authenticationContextRequired(values: readonly string[]): EntraError {
  const claims = JSON.stringify({
    access_token: {
      acrs: { essential: true, ...(values.length === 1 ? { value: values[0] } : { values }) },
    },
  });
  return new EntraError(
    "interaction_required",
    50076,
    `The user must satisfy authentication context ${values.join(", ")} before the resource can be accessed on their behalf.`,
    400,
    { claims },
  );
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function invalidGrant(aadsts: number, description: string): EntraError {
  return new EntraError("invalid_grant", aadsts, description);
}
