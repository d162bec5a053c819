import {
  ConfidentialClientApplication,
  DistributedCachePlugin,
  InteractionRequiredAuthError,
  LogLevel,
  ServerError,
  type Configuration,
  type ICacheClient,
  type IPartitionManager,
  type NodeAuthOptions,
} from "@azure/msal-node";
import type { Logger } from "pino";
import { AuthenticationError } from "../errors.js";
import type { AuthenticatedUser } from "./authenticated-user.js";
import { ExpiringLru } from "./expiring-lru.js";
import { AdminConsentRequiredError } from "./admin-consent-required-error.js";
import { ClaimsChallengeError } from "./claims-challenge-error.js";
import { TokenAcquisitionError } from "./token-acquisition-error.js";

/** Exchanges the caller's token for a Microsoft Graph token on their behalf. */
export interface OboTokenProvider {
  /**
   * @param claims a claims request (JSON) to pass to the token service, e.g. after a challenge.
   * @throws ClaimsChallengeError when the user must sign in again (Conditional Access, CAE).
   * @throws AuthenticationError when Entra ID finds the assertion expired (the SPA refreshes).
   * @throws TokenAcquisitionError for anything else.
   */
  getGraphToken(user: AuthenticatedUser, claims?: string): Promise<string>;
}

export { TokenAcquisitionError };

export interface MsalOboTokenProviderOptions {
  clientId: string;
  /** From msalCredentialOf: a secret, a certificate or a client assertion callback. */
  credential: Pick<NodeAuthOptions, "clientSecret" | "clientCertificate" | "clientAssertion">;
  /** `${AUTHORITY_HOST}/${TENANT_ID}`. */
  authority: string;
  /** The OIDC metadata document as JSON, so MSAL never fetches discovery. */
  authorityMetadata: string;
  logger: Logger;
  scopes?: readonly string[];
  /** How many users' caches to keep; the least recently used is dropped beyond this. */
  maxUsers?: number;
  /**
   * A token cache shared by every BFF instance (Redis, ADR 0020), one entry per user. Unset,
   * each instance keeps its users' tokens in memory only.
   */
  sharedCache?: ICacheClient;
}

/** Global Azure's Graph; the BFF passes `config.graphScope`, which follows GRAPH_BASE_URL. */
export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

/** AADSTS500133: "Assertion is not within its valid time range". */
const isExpiredAssertion = (error: unknown): boolean =>
  error instanceof ServerError &&
  error.errorCode === "invalid_grant" &&
  // error_codes arrive as numbers although msal types errorNo as a string.
  String(error.errorNo) === "500133";

/**
 * AADSTS65001: nobody consented to the API's Graph permissions. msal-node counts its suberror
 * `consent_required` as "interaction required", but no sign-in of the helpdesk agent fixes it.
 */
const isConsentRequired = (error: unknown): boolean =>
  error instanceof Error &&
  "errorCode" in error &&
  (String((error as { errorNo?: unknown }).errorNo) === "65001" ||
    (error as { subError?: unknown }).subError === "consent_required");

/** One user's partition, whatever account msal-node finds in the token response. */
const partition = (key: string): IPartitionManager => ({
  getKey: () => Promise.resolve(key),
  extractKey: () => Promise.resolve(key),
});

const memoKeyOf = (user: AuthenticatedUser, assertionHash: string, claims: string | undefined) =>
  `${user.tid}:${user.oid}:${assertionHash}:${claims ?? ""}`;

/** msal-node renews an access token this long before it expires (its default). */
const RENEWAL_OFFSET_SECONDS = 300;

/**
 * Whether the application's in-memory cache has an access token for this assertion that
 * msal-node would still use, so the shared cache need not be read (it costs a Redis round
 * trip, a decryption and a deserialisation). Read from msal-node's key-value view of its
 * cache; a wrong "no" costs one Redis read, a wrong "yes" one token request — never a token
 * of another user, as each application holds one user's tokens only.
 */
const holdsFreshToken = (
  application: ConfidentialClientApplication,
  assertionHash: string,
): boolean => {
  const renewAfter = Date.now() / 1000 + RENEWAL_OFFSET_SECONDS;
  return Object.values(application.getTokenCache().getKVStore()).some((entry) => {
    const credential = entry as {
      credentialType?: unknown;
      userAssertionHash?: unknown;
      expiresOn?: unknown;
    };
    return (
      typeof credential.credentialType === "string" &&
      credential.credentialType.startsWith("AccessToken") &&
      credential.userAssertionHash === assertionHash &&
      Number(credential.expiresOn) > renewAfter
    );
  });
};

/**
 * msal-node's ConfidentialClientApplication doing the on-behalf-of grant, one instance (and so
 * one in-memory token cache) per user, kept in a bounded LRU.
 *
 * Why per user: msal-node's in-memory cache never evicts, so one shared instance grows with
 * every user who ever signs in, and each lookup scans all of them. Microsoft's guidance for
 * web APIs is a partitioned cache with bounded memory
 * (https://learn.microsoft.com/entra/msal/dotnet/how-to/token-cache-serialization,
 * https://learn.microsoft.com/entra/msal/javascript/node/caching). One instance per `oid`
 * is that partition without a serialising cache plugin, and it makes handing one user's token
 * to another structurally impossible.
 *
 * With `sharedCache` (several instances, ADR 0020), each user's application also gets
 * msal-node's DistributedCachePlugin over that cache, partitioned by the same `tid:oid`: the
 * partition is fixed by the application, never read from the cache's content. msal-node's OBO
 * flow reads only its in-memory cache and calls the plugin only when it writes a new token, so
 * before an exchange the user's partition is loaded (`getAllAccounts()` runs the plugin's
 * read) unless this instance holds a fresh token for the assertion: a token another instance
 * obtained is then found, and no token request is made.
 */
export const createMsalOboTokenProvider = ({
  clientId,
  credential,
  authority,
  authorityMetadata,
  logger,
  scopes = [GRAPH_DEFAULT_SCOPE],
  maxUsers = 1_000,
  sharedCache,
}: MsalOboTokenProviderOptions): OboTokenProvider => {
  const msalLogger = logger.child({ component: "msal" });
  const configuration: Configuration = {
    auth: {
      clientId,
      ...credential,
      authority,
      // With the authority's host in knownAuthorities and its metadata given, MSAL builds its
      // cloud discovery and endpoints from configuration and contacts neither instance
      // discovery nor the `.well-known` endpoint (msal-common Authority.ts,
      // getCloudDiscoveryMetadataFromConfig/getEndpointMetadataFromConfig), so
      // `cloudDiscoveryMetadata` is not needed. The simulator's https placeholder authority
      // works because of this; against Entra ID it saves two network calls.
      knownAuthorities: [new URL(authority).host],
      authorityMetadata,
      // We can handle claims challenges, so Entra ID may issue CAE-enabled tokens.
      // https://learn.microsoft.com/entra/identity-platform/app-resilience-continuous-access-evaluation
      clientCapabilities: ["CP1"],
    },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) msalLogger.error(message);
          else msalLogger.warn(message);
        },
      },
    },
  };

  const applications = new Map<string, ConfidentialClientApplication>();
  const applicationFor = (user: AuthenticatedUser) => {
    const key = `${user.tid}:${user.oid}`;
    let application = applications.get(key);
    if (application) {
      applications.delete(key); // re-inserted below: Map order is the LRU order
    } else {
      application = new ConfidentialClientApplication(
        sharedCache === undefined
          ? configuration
          : {
              ...configuration,
              cache: { cachePlugin: new DistributedCachePlugin(sharedCache, partition(key)) },
            },
      );
    }
    applications.set(key, application);
    for (const oldest of applications.keys()) {
      if (applications.size <= maxUsers) break;
      applications.delete(oldest);
    }
    return application;
  };

  // Parallel requests with the same token (a page loading several lists) share one exchange.
  const inFlight = new Map<string, Promise<string>>();

  /**
   * Issue #19: the Graph token msal-node gave for (tenant, user, assertion, claims), until it
   * expires minus msal-node's own renewal offset (or Entra's `refresh_in`, when sooner), so a
   * request with a known assertion does not go through msal-node's cache lookup (a scan and
   * key building per request). Keyed by the assertion's hash as msal-node's cache is, and
   * never shared between users. A request with a claims request is never answered from it
   * (msal-node itself always asks Entra ID then, so Conditional Access is evaluated again); the
   * token it brings is memoized for the requests without one that follow.
   */
  const memo = new ExpiringLru<string>(maxUsers * 4);

  const acquire = async (
    user: AuthenticatedUser,
    claims: string | undefined,
    assertionHash: string,
  ) => {
    try {
      const application = applicationFor(user);
      // Loads the user's partition from the shared cache (a miss leaves the in-memory one),
      // unless this instance already holds a fresh token for this very assertion.
      if (
        sharedCache !== undefined &&
        (claims !== undefined || !holdsFreshToken(application, assertionHash))
      ) {
        await application.getTokenCache().getAllAccounts();
      }
      const result = await application.acquireTokenOnBehalfOf({
        oboAssertion: user.assertion,
        scopes: [...scopes],
        ...(claims === undefined ? {} : { claims }),
      });
      if (!result?.accessToken) throw new TokenAcquisitionError("empty_response");
      const renewAt = Math.min(
        (result.expiresOn?.getTime() ?? 0) - RENEWAL_OFFSET_SECONDS * 1000,
        result.refreshOn?.getTime() ?? Number.POSITIVE_INFINITY,
      );
      // msal-node too answers the next request without claims with this token.
      memo.set(memoKeyOf(user, assertionHash, undefined), result.accessToken, renewAt);
      return result.accessToken;
    } catch (error) {
      if (isConsentRequired(error)) throw new AdminConsentRequiredError(clientId, { cause: error });
      if (error instanceof InteractionRequiredAuthError) {
        throw new ClaimsChallengeError(
          error.claims === "" ? undefined : error.claims,
          "token-service",
          { cause: error },
        );
      }
      if (isExpiredAssertion(error)) {
        // Valid for us within our clock skew, but no longer for Entra ID: a fresh SPA token
        // fixes it, so this is a 401, not a 502.
        throw new AuthenticationError("the token service found the assertion expired", true);
      }
      if (error instanceof TokenAcquisitionError) throw error;
      const code =
        error instanceof Error && "errorCode" in error && typeof error.errorCode === "string"
          ? error.errorCode
          : "unknown_error";
      throw new TokenAcquisitionError(code, { cause: error });
    }
  };

  return {
    getGraphToken: (user, claims) => {
      const { assertionHash } = user;
      const key = memoKeyOf(user, assertionHash, claims);
      const memoized = claims === undefined ? memo.get(key) : undefined;
      if (memoized !== undefined) return Promise.resolve(memoized);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = acquire(user, claims, assertionHash).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
};
