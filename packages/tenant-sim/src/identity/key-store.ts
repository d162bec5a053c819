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
 * every start rotates them, like a key rollover Entra may do at any time. `rotate()` does one
 * mid-run: tokens signed after it carry the new `kid`, and the JWKS lists the new key first and
 * keeps the previous ones (as Entra's does during a rollover) unless they are dropped.
 * https://learn.microsoft.com/entra/identity-platform/signing-key-rollover
 */
export class KeyStore {
  private published: ReturnType<typeof createLocalJWKSet>;
  private previous: KeyPair[] = [];

  private constructor(
    private tenant: KeyPair,
    private readonly foreign: KeyPair,
  ) {
    this.published = createLocalJWKSet({ keys: [tenant.publicJwk] });
  }

  static async create(): Promise<KeyStore> {
    const [tenant, foreign] = await Promise.all([createKeyPair(), createKeyPair()]);
    return new KeyStore(tenant, foreign);
  }

  /** A verifier over the published keys only: what any relying party builds from jwks_uri. */
  get publishedKeys(): ReturnType<typeof createLocalJWKSet> {
    return this.published;
  }

  get tenantKid(): string {
    return this.tenant.kid;
  }

  get foreignKid(): string {
    return this.foreign.kid;
  }

  /** Signs with a new key from now on; returns its kid. */
  async rotate(options: { dropPrevious?: boolean } = {}): Promise<string> {
    const next = await createKeyPair();
    this.previous = options.dropPrevious === true ? [] : [this.tenant, ...this.previous];
    this.tenant = next;
    this.published = createLocalJWKSet({ keys: this.publishedPairs().map((p) => p.publicJwk) });
    return next.kid;
  }

  /** The JWKS document, shaped like Entra's v2 keys (which carry `issuer` per key). */
  jwks(issuer: string): JSONWebKeySet & { keys: (JWK & { issuer: string })[] } {
    return { keys: this.publishedPairs().map((p) => ({ ...p.publicJwk, issuer })) };
  }

  async sign(payload: JWTPayload, options: SignOptions = {}): Promise<string> {
    const pair = options.signWith === "foreign" ? this.foreign : this.tenant;
    return new SignJWT(payload)
      .setProtectedHeader({ typ: "JWT", alg: "RS256", kid: options.kid ?? pair.kid })
      .sign(pair.privateKey);
  }

  private publishedPairs(): KeyPair[] {
    return [this.tenant, ...this.previous];
  }
}

async function createKeyPair(): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  if (jwk.n === undefined || jwk.e === undefined) throw new Error("RSA public key without n/e");
  return { kid, privateKey, publicJwk: { kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e } };
}
