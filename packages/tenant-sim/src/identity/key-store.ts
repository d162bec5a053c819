import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from "jose";

export type SigningKeyName = "tenant" | "foreign";

export interface SignOptions {
  signWith?: SigningKeyName;
  /** Overrides the header `kid`, e.g. to claim the tenant's kid while signing with another key. */
  kid?: string;
}

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * The tenant's signing key (published in the JWKS) and a foreign key that is never published,
 * so tests can present a well-formed token the tenant did not sign. Keys live only in memory:
 * every start rotates them, like a key rollover Entra may do at any time.
 */
export class KeyStore {
  /** A verifier over the published keys only: what any relying party builds from jwks_uri. */
  readonly publishedKeys: ReturnType<typeof createLocalJWKSet>;

  private constructor(
    private readonly tenant: KeyPair,
    private readonly foreign: KeyPair,
  ) {
    this.publishedKeys = createLocalJWKSet({ keys: [tenant.publicJwk] });
  }

  static async create(): Promise<KeyStore> {
    const [tenant, foreign] = await Promise.all([createKeyPair(), createKeyPair()]);
    return new KeyStore(tenant, foreign);
  }

  get tenantKid(): string {
    return this.tenant.kid;
  }

  get foreignKid(): string {
    return this.foreign.kid;
  }

  /** The JWKS document, shaped like Entra's v2 keys (which carry `issuer` per key). */
  jwks(issuer: string): JSONWebKeySet & { keys: (JWK & { issuer: string })[] } {
    return { keys: [{ ...this.tenant.publicJwk, issuer }] };
  }

  async sign(payload: JWTPayload, options: SignOptions = {}): Promise<string> {
    const pair = options.signWith === "foreign" ? this.foreign : this.tenant;
    return new SignJWT(payload)
      .setProtectedHeader({ typ: "JWT", alg: "RS256", kid: options.kid ?? pair.kid })
      .sign(pair.privateKey);
  }
}

async function createKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  if (jwk.n === undefined || jwk.e === undefined) throw new Error("RSA public key without n/e");
  return { kid, privateKey, publicJwk: { kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e } };
}
