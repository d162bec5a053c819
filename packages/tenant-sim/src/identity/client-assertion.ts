import { createHash, createPublicKey, X509Certificate } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { demoApiCertificate } from "../seed/demo-api-certificate.js";
import { demoTenant } from "../seed/demo-tenant.js";
import { EntraError } from "./entra-error.js";
import type { WorkloadIssuer } from "./workload-issuer.js";

export const jwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

const registered = new X509Certificate(demoApiCertificate.certificatePem);
const thumbprints = {
  sha256: createHash("sha256").update(registered.raw).digest("base64url"),
  sha1: createHash("sha1").update(registered.raw).digest("base64url"),
};
const publicKey = createPublicKey(demoApiCertificate.certificatePem);

/**
 * Verifies a client assertion the way Entra ID does for certificate credentials
 * (https://learn.microsoft.com/entra/identity-platform/certificate-credentials): a JWT whose
 * `x5t#S256` (or `x5t`) names a certificate registered on the app, signed by its key (RS256 or
 * PS256), `aud` the tenant's token endpoint, `iss` = `sub` = the client id, `exp`, `nbf` and a
 * `jti`. An assertion that names no certificate is a federated token (workload identity
 * federation): verified against the app's federated identity credentials (verifyFederatedToken).
 */
export async function verifyClientAssertion(
  params: ReadonlyMap<string, string>,
  tokenEndpoint: string,
  workload: WorkloadIssuer,
): Promise<void> {
  const type = params.get("client_assertion_type");
  if (type !== jwtBearerAssertionType) {
    throw new EntraError(
      "invalid_request",
      90014,
      `The required field 'client_assertion_type' is missing or is not '${jwtBearerAssertionType}'.`,
    );
  }
  const assertion = params.get("client_assertion") ?? "";
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw invalidClient(50027, "JWT token is invalid or malformed.");
  }
  const x5tS256 = typeof header["x5t#S256"] === "string" ? header["x5t#S256"] : undefined;
  if (x5tS256 === undefined && header.x5t === undefined) {
    await verifyFederatedToken(assertion, workload);
    return;
  }
  const named =
    x5tS256 !== undefined ? x5tS256 === thumbprints.sha256 : header.x5t === thumbprints.sha1;
  if (!named) {
    throw invalidClient(
      700027,
      `Client assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: '${String(x5tS256 ?? header.x5t)}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${demoTenant.api.clientId}'.]`,
    );
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, publicKey, {
      algorithms: ["RS256", "PS256"],
      audience: tokenEndpoint,
      requiredClaims: ["exp", "jti", "iss", "sub"],
      clockTolerance: 300,
    }));
  } catch (error) {
    throw assertionFailure(error);
  }
  if (payload.iss !== demoTenant.api.clientId || payload.sub !== demoTenant.api.clientId) {
    throw invalidClient(
      700021,
      `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
    );
  }
}

/**
 * A federated token as Entra ID checks it against the app's federated identity credentials: a
 * credential whose issuer is the token's `iss`, the signature by that issuer's keys, the token
 * still valid, its `aud` one of the credential's audiences and its `sub` the credential's subject.
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations
 */
async function verifyFederatedToken(token: string, workload: WorkloadIssuer): Promise<void> {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw invalidClient(50027, "JWT token is invalid or malformed.");
  }
  const issuer = String(claims.iss);
  const credentials = workload.credentials().filter((c) => c.issuer === issuer);
  if (credentials.length === 0) {
    throw invalidClient(
      700211,
      `No matching federated identity record found for presented assertion issuer '${issuer}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
    );
  }
  try {
    await workload.verify(token);
  } catch (error) {
    throw assertionFailure(error);
  }
  const audiences = [claims.aud ?? []].flat();
  const forAudience = credentials.filter((c) => c.audiences.some((a) => audiences.includes(a)));
  if (forAudience.length === 0) {
    throw invalidClient(
      700212,
      `No matching federated identity record found for presented assertion audience '${audiences.join(", ")}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
    );
  }
  if (!forAudience.some((c) => c.subject === claims.sub)) {
    throw invalidClient(
      700213,
      `No matching federated identity record found for presented assertion subject '${String(claims.sub)}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`,
    );
  }
}

function assertionFailure(error: unknown): EntraError {
  if (error instanceof errors.JWTExpired) {
    return invalidClient(700024, "Client assertion is not within its valid time range.");
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") {
      return invalidClient(700024, "Client assertion is not within its valid time range.");
    }
    if (error.claim === "aud") {
      return invalidClient(
        700027,
        "Client assertion failed signature validation. [Reason - The audience is not this tenant's token endpoint.]",
      );
    }
    return invalidClient(
      700027,
      `Client assertion failed validation: the '${error.claim}' claim is missing or wrong.`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return invalidClient(
      700027,
      "Client assertion failed signature validation. [Reason - The signature is invalid.]",
    );
  }
  return invalidClient(50027, "JWT token is invalid or malformed.");
}

function invalidClient(aadsts: number, description: string): EntraError {
  return new EntraError("invalid_client", aadsts, description, 401);
}
