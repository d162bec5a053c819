import type { Simulator } from "../simulator.js";
import { createPkcePair, type PkcePair } from "./pkce.js";

/** What MSAL browser would do, driven with fetch: authorize, follow nothing, redeem. */
export const spaOrigin = "http://localhost:5173";
export const redirectUri = `${spaOrigin}/`;

export interface AuthorizeOptions {
  loginHint?: string;
  scope?: string;
  nonce?: string;
  state?: string;
  claims?: string;
  responseMode?: "query" | "fragment";
  pkce?: PkcePair;
  extra?: Record<string, string>;
  omit?: string[];
}

export function authorizeUrl(sim: Simulator, options: AuthorizeOptions = {}): URL {
  const pkce = options.pkce ?? createPkcePair();
  const url = new URL(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize`);
  const params: Record<string, string | undefined> = {
    client_id: sim.apps.spa.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    response_mode: options.responseMode ?? "fragment",
    scope: options.scope ?? `${sim.apps.api.scope} openid profile offline_access`,
    code_challenge: pkce.challenge,
    code_challenge_method: "S256",
    state: options.state ?? "state-123",
    nonce: options.nonce ?? "nonce-456",
    client_info: "1",
    login_hint: options.loginHint,
    claims: options.claims,
    ...options.extra,
  };
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && !(options.omit ?? []).includes(name)) {
      url.searchParams.set(name, value);
    }
  }
  return url;
}

/** The parameters the simulator sent back on its 302, from the fragment or the query. */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get("location");
  if (location === null) throw new Error(`Expected a redirect, got ${response.status}`);
  const url = new URL(location);
  return url.hash === "" ? url.searchParams : new URLSearchParams(url.hash.slice(1));
}

export async function authorize(
  sim: Simulator,
  options: AuthorizeOptions = {},
): Promise<{ response: Response; params: URLSearchParams; pkce: PkcePair }> {
  const pkce = options.pkce ?? createPkcePair();
  const response = await fetch(authorizeUrl(sim, { ...options, pkce }), { redirect: "manual" });
  return { response, params: redirectParams(response), pkce };
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function tokenRequest(
  sim: Simulator,
  params: Record<string, string>,
  headers: Record<string, string> = { origin: spaOrigin },
): Promise<TokenResult> {
  const response = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(params),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** Signs in as a demo account through login_hint and redeems the code, as the SPA does. */
export async function signIn(
  sim: Simulator,
  upn: string,
  options: AuthorizeOptions = {},
): Promise<TokenResult> {
  const { params, pkce } = await authorize(sim, { ...options, loginHint: upn });
  const code = params.get("code");
  if (code === null) throw new Error(`No code: ${params.toString()}`);
  return tokenRequest(sim, {
    client_id: sim.apps.spa.clientId,
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    code_verifier: pkce.verifier,
    client_info: "1",
    scope: options.scope ?? `${sim.apps.api.scope} openid profile offline_access`,
  });
}

/** The BFF's on-behalf-of exchange, as msal-node sends it. */
export function onBehalfOf(
  sim: Simulator,
  assertion: string,
  overrides: Record<string, string> = {},
): Promise<TokenResult> {
  return tokenRequest(
    sim,
    {
      client_id: sim.apps.api.clientId,
      client_secret: sim.apps.api.clientSecret,
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      requested_token_use: "on_behalf_of",
      assertion,
      scope: "https://graph.microsoft.com/.default openid profile offline_access",
      client_info: "1",
      ...overrides,
    },
    {},
  );
}

export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== "string")
    throw new Error(`Expected string ${name} in ${JSON.stringify(body)}`);
  return value;
}
