import {
  BrowserCacheLocation,
  CacheLookupPolicy,
  ClientAuthErrorCodes,
  AuthError,
  EventType,
  InteractionRequiredAuthError,
  LogLevel,
  createStandardPublicClientApplication,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { ClientConfig } from "@ihc/contracts";
import { createContext, useContext } from "react";
import type { AccessTokenSource } from "./api-client";
import { ApiError } from "./api-error";

/**
 * MSAL settings built from the BFF's `/api/client-config`: the bundle carries no tenant settings.
 * With `knownAuthorities` + `authorityMetadata`, MSAL never fetches discovery documents, which is
 * how the simulator's https placeholder authority works; against Entra ID both may be omitted.
 * https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-browser/docs/configuration.md
 */
export function buildMsalConfiguration(config: ClientConfig, origin: string): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      ...(config.authorityMetadata === undefined
        ? {}
        : { authorityMetadata: config.authorityMetadata }),
      redirectUri: `${origin}/`,
      postLogoutRedirectUri: `${origin}/`,
    },
    // Shared by the agent's tabs (a second tab follows a revoke without signing in again), yet
    // unreadable once the browser session ends: MSAL 4+ encrypts its localStorage cache with a
    // key held in a session cookie (msal.cache.encryption). ADR 0001.
    // https://learn.microsoft.com/entra/msal/javascript/browser/caching
    cache: { cacheLocation: BrowserCacheLocation.LocalStorage },
    system: {
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) console.error(`[msal] ${message}`);
          else console.warn(`[msal] ${message}`);
        },
      },
    },
  };
}

export interface MsalSession {
  instance: IPublicClientApplication;
  apiScopes: readonly string[];
  tenant: ClientConfig["tenant"];
  /** Why the redirect back from sign-in failed, when it did (shown on the sign-in page). */
  signInError: AuthError | undefined;
}

/**
 * Creates and initializes the PublicClientApplication and processes a redirect response before
 * anything renders (msal-react's MsalProvider then receives the same, memoized, result).
 */
export async function createMsalSession(config: ClientConfig): Promise<MsalSession> {
  const instance = await createStandardPublicClientApplication(
    buildMsalConfiguration(config, window.location.origin),
  );
  let signInError: AuthError | undefined;
  try {
    // In v5 this option moved from `auth` to handleRedirectPromise: return to the page the
    // agent was on when sign-in started (a deep link such as /users keeps working).
    const result = await instance.handleRedirectPromise({ navigateToLoginRequestUrl: true });
    if (result?.account) instance.setActiveAccount(result.account);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    signInError = error;
  }
  if (!instance.getActiveAccount()) {
    const [first] = instance.getAllAccounts();
    if (first) instance.setActiveAccount(first);
  }
  instance.addEventCallback((message) => {
    if (message.eventType !== EventType.LOGIN_SUCCESS) return;
    const payload = message.payload as AuthenticationResult | null;
    if (payload?.account) instance.setActiveAccount(payload.account);
  });
  return { instance, apiScopes: config.apiScopes, tenant: config.tenant, signInError };
}

let redirecting: Promise<void> | undefined;

/** The API client's token source over MSAL (see `AccessTokenSource`). */
export function createMsalTokenSource(session: MsalSession): AccessTokenSource {
  const { instance } = session;
  const scopes = [...session.apiScopes];

  const signInInteractively = async (options: { claims?: string } = {}): Promise<never> => {
    const account = instance.getActiveAccount() ?? undefined;
    // Many queries can fail at once: start one redirect, not one per query.
    redirecting ??= instance
      .acquireTokenRedirect({
        scopes,
        ...(account ? { account } : {}),
        ...(options.claims === undefined ? {} : { claims: options.claims }),
      })
      .catch((error: unknown) => {
        redirecting = undefined;
        throw new ApiError({
          status: 0,
          code: "token_unavailable",
          title: "Could not start sign-in",
          detail: error instanceof AuthError ? error.errorCode : undefined,
        });
      });
    await redirecting;
    // The page is navigating away; this only shows if the navigation is blocked.
    throw new ApiError({ status: 401, code: "sign_in_required", title: "Sign-in required" });
  };

  const getAccessToken = async (options: { claims?: string } = {}): Promise<string> => {
    // Suspense queries start during render, and MSAL emits its events (which msal-react turns
    // into state updates) synchronously: begin after the render that asked, not inside it.
    await Promise.resolve();
    const account = instance.getActiveAccount();
    if (!account) return signInInteractively(options);
    try {
      const result = await instance.acquireTokenSilent({
        scopes,
        account,
        // Claims make MSAL skip its cache by themselves (msal-common SilentFlowClient).
        ...(options.claims === undefined ? {} : { claims: options.claims }),
        // Cache, then refresh token; never the hidden iframe. When the refresh token is gone
        // this fails with "interaction required" and we redirect: no third-party-cookie
        // iframe and no extra redirect-bridge page to register.
        cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
      });
      return result.accessToken;
    } catch (error) {
      if (needsInteraction(error)) return signInInteractively(options);
      throw new ApiError({
        status: 0,
        code: "token_unavailable",
        title: "Could not get a token",
        detail: error instanceof AuthError ? error.errorCode : undefined,
      });
    }
  };

  return { getAccessToken, signInInteractively };
}

function needsInteraction(error: unknown): boolean {
  return (
    error instanceof InteractionRequiredAuthError ||
    (error instanceof AuthError && error.errorCode === ClientAuthErrorCodes.tokenRefreshRequired)
  );
}

export const MsalSessionContext = createContext<MsalSession | undefined>(undefined);

export function useMsalSession(): MsalSession {
  const session = useContext(MsalSessionContext);
  if (!session) throw new Error("useMsalSession must be used inside AppProviders");
  return session;
}
