import { createHash, timingSafeEqual } from "node:crypto";
import { demoTenant } from "../seed/demo-tenant.js";
import { verifyClientAssertion } from "./client-assertion.js";
import { EntraError } from "./entra-error.js";
import type { WorkloadIssuer } from "./workload-issuer.js";

export type ClientKind = "spa" | "api";

/** Which of the tenant's app registrations a client_id names, or an Entra error. */
export function clientKindOf(clientId: string | undefined): ClientKind {
  if (clientId === undefined || clientId === "") {
    throw new EntraError(
      "invalid_request",
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  const lower = clientId.toLowerCase();
  if (lower === demoTenant.spa.clientId) return "spa";
  if (lower === demoTenant.api.clientId) return "api";
  throw new EntraError(
    "unauthorized_client",
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${demoTenant.tenantDomain}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
}

/**
 * Authenticates the confidential client (the BFF's API app) by its secret, sent in the body
 * (client_secret_post, what msal-node does) or in HTTP Basic (client_secret_basic), or by a
 * client assertion: signed with its registered certificate (private_key_jwt) or a federated
 * token of a workload identity (client-assertion.ts).
 */
export async function authenticateConfidentialClient(
  params: ReadonlyMap<string, string>,
  authorization: string | undefined,
  tokenEndpoint: string,
  workload: WorkloadIssuer,
): Promise<void> {
  const basic = parseBasic(authorization);
  const bodySecret = params.get("client_secret");
  if (basic !== undefined && basic.clientId.toLowerCase() !== demoTenant.api.clientId) {
    throw invalidClientSecret();
  }
  const secret = bodySecret ?? basic?.secret;
  if (params.has("client_assertion")) {
    if (secret !== undefined) {
      throw new EntraError(
        "invalid_request",
        90014,
        "Only one of 'client_assertion' and 'client_secret' may be presented.",
      );
    }
    await verifyClientAssertion(params, tokenEndpoint, workload);
    return;
  }
  if (secret === undefined) {
    throw new EntraError(
      "invalid_client",
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    );
  }
  if (!constantTimeEquals(secret, demoTenant.api.clientSecret)) throw invalidClientSecret();
}

/** Public clients must not present credentials (AADSTS700025). */
export function rejectCredentialsFromPublicClient(
  params: ReadonlyMap<string, string>,
  authorization: string | undefined,
): void {
  if (
    params.has("client_secret") ||
    params.has("client_assertion") ||
    authorization !== undefined
  ) {
    throw new EntraError(
      "invalid_client",
      700025,
      "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
      401,
    );
  }
}

function invalidClientSecret(): EntraError {
  return new EntraError(
    "invalid_client",
    7000215,
    `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${demoTenant.api.clientId}'.`,
    401,
  );
}

/** Hashing first gives equal-length inputs, so neither length nor content leaks by timing. */
function constantTimeEquals(a: string, b: string): boolean {
  const digest = (value: string): Buffer => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function parseBasic(
  authorization: string | undefined,
): { clientId: string; secret: string } | undefined {
  if (authorization === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
  const formDecode = (value: string): string => decodeURIComponent(value.replace(/\+/g, " "));
  try {
    return {
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    return { clientId: "", secret: "" };
  }
}
