import { createHash, createPublicKey, X509Certificate } from "node:crypto";
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import { demoApiCertificate } from "../seed/demo-api-certificate.js";
import { demoTenant } from "../seed/demo-tenant.js";
import { EntraError } from "./entra-error.js";

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
 * `jti`. The simulator verifies a workload identity's federated token the same way (a JWT its
 * test signs with the registered certificate): it has no federated identity credentials.
 */
export async function verifyClientAssertion(
  params: ReadonlyMap<string, string>,
  tokenEndpoint: string,
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
