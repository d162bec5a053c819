import { randomUUID } from "node:crypto";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";
import { Router } from "express";

/** The audience Entra ID requires of a federated token (workload identity federation). */
export const workloadAudience = "api://AzureADTokenExchange";

/** The Kubernetes service account the API registration's federated credential names. */
export const workloadSubject = "system:serviceaccount:helpdesk:intune-helpdesk-console";

/** One federated identity credential of an app registration (Graph `federatedIdentityCredential`). */
export interface FederatedIdentityCredential {
  name: string;
  issuer: string;
  subject: string;
  audiences: readonly string[];
}

export interface WorkloadTokenOptions {
  subject?: string | undefined;
  audience?: string | undefined;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number | undefined;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * An OpenID Connect issuer outside Entra ID, as a Kubernetes cluster's service account issuer
 * (AKS workload identity) is: it signs the short-lived token the platform projects into
 * `AZURE_FEDERATED_TOKEN_FILE`, and publishes its discovery document and keys at
 * `${url}/workload-issuer`. The API registration trusts it through one federated identity
 * credential (issuer, subject, audience `api://AzureADTokenExchange`); Entra ID then accepts
 * such a token as the app's client assertion.
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation
 */
export class WorkloadIssuer {
  readonly issuer: string;
  private key: Promise<SigningKey> | undefined;

  constructor(url: string) {
    this.issuer = `${url}/workload-issuer`;
  }

  /** The API registration's federated identity credentials: this issuer's service account. */
  credentials(): readonly FederatedIdentityCredential[] {
    return [
      {
        name: "aks-helpdesk",
        issuer: this.issuer,
        subject: workloadSubject,
        audiences: [workloadAudience],
      },
    ];
  }

  /** A token as the cluster projects it for the console's pod. */
  async mint({
    subject = workloadSubject,
    audience = workloadAudience,
    expiresIn = 3600,
  }: WorkloadTokenOptions = {}): Promise<string> {
    const { kid, privateKey } = await this.signingKey();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setAudience(audience)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + expiresIn)
      .sign(privateKey);
  }

  /** Verifies a token's signature and lifetime, as Entra ID does with the issuer's keys. */
  async verify(token: string): Promise<JWTPayload> {
    const { publicKey } = await this.signingKey();
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: this.issuer,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "sub", "aud"],
      clockTolerance: 300,
    });
    return payload;
  }

  /** `/workload-issuer/.well-known/openid-configuration` and `/workload-issuer/keys`. */
  router(): Router {
    return Router()
      .get("/.well-known/openid-configuration", (_req, res) => {
        res.json({
          issuer: this.issuer,
          jwks_uri: `${this.issuer}/keys`,
          response_types_supported: ["id_token"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
        });
      })
      .get("/keys", async (_req, res) => {
        const { publicJwk } = await this.signingKey();
        res.json({ keys: [publicJwk] });
      });
  }

  /** Made on first use: most simulator starts never need it. */
  private signingKey(): Promise<SigningKey> {
    this.key ??= (async () => {
      const { privateKey, publicKey } = await generateKeyPair("RS256");
      const jwk = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(jwk);
      return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: "sig", alg: "RS256" } };
    })();
    return this.key;
  }
}
