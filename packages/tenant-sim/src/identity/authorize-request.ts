import { EntraError, missingParameter } from "./entra-error.js";
import { clientKindOf } from "./client-authentication.js";
import { isValidCodeChallenge } from "./pkce.js";
import { isAllowedRedirectUri } from "./redirect-uri.js";
import { parseRequestedClaims, type RequestedClaims } from "./requested-claims.js";
import { resolveScopes, type ResolvedScopes } from "./requested-scopes.js";

export type ResponseMode = "query" | "fragment";

/** Where and how /authorize answers: the response_mode MSAL asked for, state echoed back. */
export interface RedirectTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state: string | undefined;
}

export interface AuthorizeRequest extends RedirectTarget {
  clientId: string;
  codeChallenge: string;
  nonce: string | undefined;
  prompt: string | undefined;
  loginHint: string | undefined;
  scopes: ResolvedScopes;
  scopeParam: string;
  claims: RequestedClaims;
  /** MSAL sends client_info=1 and expects client_info back. */
  wantsClientInfo: boolean;
}

export type AuthorizeValidation =
  | { kind: "ok"; request: AuthorizeRequest }
  /** No trustworthy redirect URI: the error can only be shown as a page. */
  | { kind: "page-error"; error: EntraError }
  | { kind: "redirect-error"; target: RedirectTarget; error: EntraError };

const prompts = new Set(["none", "login", "consent", "select_account", "create"]);

/**
 * Validates an authorization request in Entra's order: the client and its redirect URI first
 * (errors shown on a page, never sent to an unverified URI), then everything else (errors sent
 * back to the redirect URI).
 */
export function validateAuthorizeRequest(
  params: ReadonlyMap<string, string>,
  spaOrigins: readonly string[],
): AuthorizeValidation {
  const clientId = params.get("client_id");
  try {
    if (clientKindOf(clientId) !== "spa") {
      throw new EntraError(
        "invalid_request",
        50011,
        "The application has no redirect URI for browser sign-in; only the SPA signs users in.",
      );
    }
  } catch (error) {
    if (error instanceof EntraError) return { kind: "page-error", error };
    throw error;
  }
  const redirectUri = params.get("redirect_uri");
  if (redirectUri === undefined || !isAllowedRedirectUri(redirectUri, spaOrigins)) {
    return {
      kind: "page-error",
      error: new EntraError(
        "invalid_request",
        50011,
        `The redirect URI '${redirectUri ?? ""}' specified in the request does not match the redirect URIs configured for the application '${clientId ?? ""}'. Allowed origins: ${spaOrigins.join(", ")}.`,
      ),
    };
  }
  const requestedMode = params.get("response_mode");
  const responseMode: ResponseMode = requestedMode === "fragment" ? "fragment" : "query";
  const target: RedirectTarget = { redirectUri, responseMode, state: params.get("state") };
  try {
    return { kind: "ok", request: validateRest(params, clientId ?? "", target, requestedMode) };
  } catch (error) {
    if (error instanceof EntraError) return { kind: "redirect-error", target, error };
    throw error;
  }
}

function validateRest(
  params: ReadonlyMap<string, string>,
  clientId: string,
  target: RedirectTarget,
  requestedMode: string | undefined,
): AuthorizeRequest {
  if (requestedMode !== undefined && requestedMode !== "query" && requestedMode !== "fragment") {
    throw new EntraError(
      "invalid_request",
      90100,
      `The response_mode '${requestedMode}' is not supported by the simulator; use 'query' or 'fragment'.`,
    );
  }
  const responseType = params.get("response_type");
  if (responseType === undefined) throw missingParameter("response_type");
  if (responseType !== "code") {
    throw new EntraError(
      "unsupported_response_type",
      700054,
      `response_type '${responseType}' is not enabled for the application. Single-page apps use the authorization code flow with PKCE.`,
    );
  }
  const scope = params.get("scope");
  if (scope === undefined || scope.trim() === "") throw missingParameter("scope");
  const scopes = resolveScopes(scope, "spa");
  if (!scopes.oidc.has("openid")) {
    throw new EntraError(
      "invalid_scope",
      70011,
      "The provided value for the input parameter 'scope' is not valid. Sign-in requires the 'openid' scope.",
    );
  }
  const codeChallenge = params.get("code_challenge");
  if (codeChallenge === undefined) {
    throw new EntraError(
      "invalid_request",
      9002325,
      "Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
    );
  }
  if (params.get("code_challenge_method") !== "S256") {
    throw new EntraError(
      "invalid_request",
      90100,
      "The code_challenge_method must be 'S256'; the SPA platform does not accept 'plain'.",
    );
  }
  if (!isValidCodeChallenge(codeChallenge)) {
    throw new EntraError("invalid_request", 501491, "Invalid size of Code_Challenge parameter.");
  }
  const prompt = params.get("prompt");
  if (prompt !== undefined && !prompts.has(prompt)) {
    throw new EntraError("invalid_request", 90100, `Invalid prompt value '${prompt}'.`);
  }
  return {
    ...target,
    clientId,
    codeChallenge,
    nonce: params.get("nonce"),
    prompt,
    loginHint: params.get("login_hint"),
    scopes,
    scopeParam: scope,
    claims: parseRequestedClaims(params.get("claims")),
    wantsClientInfo: params.get("client_info") === "1",
  };
}
