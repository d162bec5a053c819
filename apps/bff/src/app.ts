import type { ExpiryNoticeScheduler } from "./notices/expiry-notice-scheduler.js";
import { DEFAULT_EXPIRY_WARNING_DAYS } from "@ihc/contracts";
import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import { authenticate } from "./auth/authenticate.js";
import type { OidcMetadata } from "./auth/oidc-metadata.js";
import type { BearerTokenValidator } from "./auth/validate-bearer-token.js";
import type { Config } from "./config.js";
import type { GraphGateway } from "./graph/graph-gateway.js";
import { jsonBody } from "./http/body-parsing.js";
import { corsPolicy } from "./http/cors-policy.js";
import { graphCostBudget, type GraphCostBudgetOptions } from "./http/graph-cost-budget.js";
import { notFoundHandler, problemHandler } from "./http/problem-handler.js";
import { refuseUnknownQuery } from "./http/query-guard.js";
import { requestId } from "./http/request-id.js";
import { requestLogging } from "./http/request-logging.js";
import { securityHeaders } from "./http/security-headers.js";
import { spaStatic } from "./http/spa-static.js";
import {
  defaultUserRateLimit,
  userRateLimit,
  type UserRateLimitOptions,
} from "./http/user-rate-limit.js";
import type { ActionServices } from "./actions/action-services.js";
import { userOf } from "./auth/authenticate.js";
import { permissionsFor } from "./auth/roles.js";
import { actionsRouter } from "./routes/actions.js";
import { clientConfigRouter } from "./routes/client-config.js";
import { BULK_REVOKE_PATH } from "./actions/kinds/app-revoke-licenses-bulk.js";
import { actionRoutes } from "./routes/action-routes.js";
import { appsRouter } from "./routes/apps.js";
import { enrollmentProfilesRouter } from "./routes/enrollment-profiles.js";
import { eventsRouter } from "./routes/events.js";
import { vppTokensRouter } from "./routes/vpp-tokens.js";
import { healthRouter } from "./routes/health.js";
import { meRouter } from "./routes/me.js";
import { metricsRouter } from "./routes/metrics.js";
import { openApiRouter } from "./routes/openapi.js";
import { readyRouter } from "./routes/ready.js";
import type { Metrics } from "./observability/metrics.js";
import type { ReadinessProbe } from "./observability/readiness-probes.js";
import { requestMetrics } from "./observability/request-metrics.js";
import { devicesRouter } from "./routes/devices.js";
import { usersRouter } from "./routes/users.js";
import { vppLicensesRouter } from "./routes/vpp-licenses.js";
import type { PerUserViewCache } from "./routes/per-user-view-cache.js";

export interface AppDeps {
  config: Pick<
    Config,
    | "spaClientId"
    | "apiClientId"
    | "authority"
    | "authorityHost"
    | "tenantKind"
    | "webOrigin"
    | "spaDistDir"
    | "isDevelopment"
    | "trustProxy"
    | "metricsAccess"
  > &
    Partial<Pick<Config, "expiryWarningDays">>;
  metadata: OidcMetadata;
  logger: Logger;
  validateToken: BearerTokenValidator;
  graph: GraphGateway;
  version: string;
  startedAt: number;
  rateLimit?: UserRateLimitOptions;
  /** Each user's Graph budget, charged by route cost (ADR 0024); absent: not limited by cost. */
  graphCost?: GraphCostBudgetOptions;
  /** Expensive views kept per user for a short time (ADR 0024). */
  viewCache?: PerUserViewCache;
  actions: ActionServices;
  /** The daily expiry notice to a webhook (EXPIRY_WEBHOOK_URL, ADR 0033); absent when unset. */
  expiryNotices?: ExpiryNoticeScheduler | undefined;
  /** Prometheus metrics, served at /metrics as `config.metricsAccess` allows. */
  metrics: Metrics;
  /** What `GET /api/ready` checks (store, OIDC metadata, Redis when configured). */
  readiness: readonly ReadinessProbe[];
}

/** API answers are per user and change: never cached by browsers or proxies. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
};

/** Builds the Express app (no listen): the BFF's whole HTTP surface, given its dependencies. */
export const createApp = (deps: AppDeps): Express => {
  const { config } = deps;
  const app = express();
  app.disable("x-powered-by");
  // No ETag on answers: API answers are no-store (never revalidated), and computing one hashed
  // every JSON body (issue #19's profile). The SPA's files keep theirs (serve-static's own).
  app.set("etag", false);
  // Behind a TLS-terminating proxy, req.secure (and so HSTS) follows its X-Forwarded-Proto.
  if (config.trustProxy !== undefined) app.set("trust proxy", config.trustProxy);

  app.use(
    requestMetrics(deps.metrics),
    requestId(),
    requestLogging(deps.logger),
    ...securityHeaders(deps.metadata),
  );

  const api = express.Router();
  api.use(
    corsPolicy(config.webOrigin),
    noStore,
    refuseUnknownQuery(["health", "ready", "openApi", "clientConfig"]),
    jsonBody([BULK_REVOKE_PATH]),
  );
  api.use(
    healthRouter({
      version: deps.version,
      tenantKind: config.tenantKind,
      startedAt: deps.startedAt,
    }),
  );
  api.use(readyRouter(deps.readiness));
  api.use(openApiRouter(deps.version));
  api.use(clientConfigRouter({ ...config, metadata: deps.metadata }));
  // Everything below needs a valid token: deny by default, so a new route cannot forget it.
  api.use(
    authenticate(deps.validateToken),
    ...userRateLimit(deps.rateLimit ?? defaultUserRateLimit),
    refuseUnknownQuery(),
    ...(deps.graphCost === undefined ? [] : [graphCostBudget(deps.graphCost)]),
  );
  // Background watchers read Graph on behalf of whoever is signed in (see identity-pool.ts).
  api.use((req, _res, next) => {
    const user = userOf(req);
    if (permissionsFor(user.roles).includes("console:read")) deps.actions.identities.offer(user);
    next();
  });
  api.use(meRouter(deps.graph, config.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS));
  api.use(vppTokensRouter(deps.graph));
  api.use(enrollmentProfilesRouter(deps.graph));
  api.use(appsRouter(deps.graph));
  api.use(usersRouter(deps.graph, deps.viewCache));
  api.use(vppLicensesRouter(deps.graph, deps.viewCache));
  api.use(devicesRouter(deps.graph));
  api.use(actionRoutes({ graph: deps.graph, services: deps.actions }));
  api.use(actionsRouter(deps.actions.journal));
  api.use(eventsRouter(deps.actions.streams));
  app.use("/api", api);
  app.use(metricsRouter(deps.metrics, config.metricsAccess));

  if (config.spaDistDir !== undefined) app.use(...spaStatic(config.spaDistDir));

  app.use(notFoundHandler());
  app.use(problemHandler({ exposeStack: config.isDevelopment, logger: deps.logger }));
  return app;
};
