import { demoTenant } from "../seed/demo-tenant.js";
import { EntraError } from "./entra-error.js";

export type ScopeResource = "api" | "graph";
export type ScopeClient = "spa" | "api";

export interface ResolvedScopes {
  resource: ScopeResource;
  /** The OpenID Connect scopes asked for, lower-cased: openid, profile, email, offline_access. */
  oidc: ReadonlySet<string>;
  /** What the access token's `scp` claim carries. */
  granted: readonly string[];
  /** The `scope` value of the token response. */
  responseScope: string;
}

const oidcScopes = new Set(["openid", "profile", "email", "offline_access"]);
const graphPrefixes = [`${demoTenant.graph.audience}/`, `${demoTenant.graph.appId}/`];
const apiPrefixes = [`${demoTenant.api.identifierUri}/`, `${demoTenant.api.clientId}/`];

/** Graph permissions the SPA's registration holds: only sign-in and profile. */
const spaGraphScopes = ["openid", "profile", "User.Read", "email"];

/**
 * Resolves a v2 `scope` parameter into one resource and the scopes granted on it, as Entra does:
 * bare names mean Microsoft Graph, one resource per request, nothing beyond what was consented.
 */
export function resolveScopes(
  scopeParam: string,
  client: ScopeClient,
  /**
   * Other identifier URIs Graph answers to, as `https://graph.microsoft.us` does in a national
   * cloud: the simulator's own URL, which the BFF derives its Graph scope from.
   */
  graphHosts: readonly string[] = [],
): ResolvedScopes {
  const prefixes = [...graphPrefixes, ...graphHosts.map((host) => `${host.replace(/\/+$/, "")}/`)];
  const requested = scopeParam.split(/\s+/).filter((s) => s.length > 0);
  const oidc = new Set<string>();
  const resources = new Set<ScopeResource>();
  const graphNames: string[] = [];
  for (const scope of requested) {
    const lower = scope.toLowerCase();
    if (oidcScopes.has(lower)) {
      oidc.add(lower);
      continue;
    }
    const apiName = stripPrefix(lower, apiPrefixes);
    if (apiName !== undefined) {
      if (apiName !== demoTenant.api.scope.toLowerCase() && apiName !== ".default") {
        throw invalidScope(scope);
      }
      resources.add("api");
      continue;
    }
    const graphName = stripPrefix(scope, prefixes) ?? (isBareName(scope) ? scope : undefined);
    if (graphName === undefined) {
      throw new EntraError(
        "invalid_resource",
        500011,
        `The resource principal named ${resourceOf(scope)} was not found in the tenant named ${demoTenant.tenantDomain}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    resources.add("graph");
    graphNames.push(graphName);
  }
  if (resources.size > 1) {
    throw new EntraError(
      "invalid_scope",
      28000,
      "Provided value for the input parameter scope is not valid because it contains more than one resource.",
    );
  }
  const resource: ScopeResource = resources.has("api") ? "api" : "graph";
  if (client === "spa") return resolveForSpa(resource, oidc, graphNames);
  return resolveForApi(resource, oidc, graphNames, requested);
}

function resolveForSpa(
  resource: ScopeResource,
  oidc: ReadonlySet<string>,
  graphNames: readonly string[],
): ResolvedScopes {
  if (resource === "api") {
    return {
      resource,
      oidc,
      granted: [demoTenant.api.scope],
      responseScope: `${demoTenant.api.identifierUri}/${demoTenant.api.scope}`,
    };
  }
  const allowed = new Set(["user.read", ".default"]);
  const missing = graphNames.filter((name) => !allowed.has(name.toLowerCase()));
  if (missing.length > 0) throw consentRequired(demoTenant.spa.displayName, missing);
  // Entra issues a Graph token with these scopes even when only OIDC scopes were requested.
  return { resource, oidc, granted: spaGraphScopes, responseScope: spaGraphScopes.join(" ") };
}

function resolveForApi(
  resource: ScopeResource,
  oidc: ReadonlySet<string>,
  graphNames: readonly string[],
  requested: readonly string[],
): ResolvedScopes {
  if (resource !== "graph" || graphNames.length === 0) {
    throw new EntraError(
      "invalid_scope",
      70011,
      "The provided value for the input parameter 'scope' is not valid. The on-behalf-of flow needs a scope on another resource, e.g. 'https://graph.microsoft.com/.default'.",
    );
  }
  const consented = new Set(demoTenant.api.graphScopes.map((s) => s.toLowerCase()));
  const missing = graphNames.filter(
    (name) => name !== ".default" && !consented.has(name.toLowerCase()),
  );
  if (missing.length > 0) throw consentRequired(demoTenant.api.displayName, missing);
  // Graph puts every consented permission in `scp`, whatever subset was asked for. Echoing a
  // requested `.default` in `scope` lets MSAL's cache match the next identical request.
  const defaultRequested = requested.filter((s) => s.toLowerCase().endsWith("/.default"));
  const responseScope = [
    ...demoTenant.api.graphScopes.map((s) => `${demoTenant.graph.audience}/${s}`),
    ...defaultRequested,
  ].join(" ");
  return { resource, oidc, granted: demoTenant.api.graphScopes, responseScope };
}

function stripPrefix(scope: string, prefixes: readonly string[]): string | undefined {
  const lower = scope.toLowerCase();
  const prefix = prefixes.find((p) => lower.startsWith(p.toLowerCase()));
  return prefix === undefined ? undefined : scope.slice(prefix.length);
}

function isBareName(scope: string): boolean {
  return !scope.includes("/") && !scope.includes(":");
}

function resourceOf(scope: string): string {
  const slash = scope.lastIndexOf("/");
  return slash > 0 ? scope.slice(0, slash) : scope;
}

function invalidScope(scope: string): EntraError {
  return new EntraError(
    "invalid_scope",
    70011,
    `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' does not exist.`,
  );
}

function consentRequired(appName: string, scopes: readonly string[]): EntraError {
  return new EntraError(
    "invalid_grant",
    65001,
    `The user or administrator has not consented to use the application '${appName}'. Send an interactive authorization request for this user and resource. Missing: ${scopes.join(", ")}.`,
    400,
    { suberror: "consent_required" },
  );
}
