import { z } from "zod";

/**
 * The parts of the tenant's OpenID Connect metadata the BFF relies on. The whole document is
 * kept as well, because MSAL (node and browser) takes it verbatim as `authorityMetadata`.
 * https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#fetch-the-openid-configuration-document
 */
export const OidcMetadataSchema = z.looseObject({
  issuer: z.url(),
  jwks_uri: z.url(),
  token_endpoint: z.url(),
  authorization_endpoint: z.url(),
  end_session_endpoint: z.url().optional(),
});
export type OidcMetadata = z.infer<typeof OidcMetadataSchema>;

export interface FetchOidcMetadataOptions {
  attempts?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, error: unknown) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Fetches the metadata with bounded retries and backoff: under `pnpm start` the simulator may
 * come up a second after the BFF, and a real tenant's endpoint can blip.
 */
export const fetchOidcMetadata = async (
  url: string,
  {
    attempts = 10,
    initialDelayMs = 250,
    maxDelayMs = 4_000,
    timeoutMs = 10_000,
    sleep = defaultSleep,
    onRetry,
  }: FetchOidcMetadataOptions = {},
): Promise<OidcMetadata> => {
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(url, {
        headers: { accept: "application/json" },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
      return OidcMetadataSchema.parse(await response.json());
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
      onRetry?.(attempt, error);
      await sleep(Math.min(maxDelayMs, initialDelayMs * 2 ** (attempt - 1)));
    }
  }
  throw new Error(`Could not fetch the OIDC metadata from ${url} after ${attempts} attempts`, {
    cause: lastError,
  });
};
