import express, { type Express, type RequestHandler } from "express";
import type { Logger } from "pino";
import { authenticate } from "./auth/authenticate.js";
import type { OidcMetadata } from "./auth/oidc-metadata.js";
import type { BearerTokenValidator } from "./auth/validate-bearer-token.js";
import type { Config } from "./config.js";
import type { GraphGateway } from "./graph/graph-gateway.js";
import { jsonBody } from "./http/body-parsing.js";
import { corsPolicy } from "./http/cors-policy.js";
import { notFoundHandler, problemHandler } from "./http/problem-handler.js";
import { requestId } from "./http/request-id.js";
import { requestLogging } from "./http/request-logging.js";
import { securityHeaders } from "./http/security-headers.js";
import { spaStatic } from "./http/spa-static.js";
import {
  defaultUserRateLimit,
  userRateLimit,
  type UserRateLimitOptions,
} from "./http/user-rate-limit.js";
import { clientConfigRouter } from "./routes/client-config.js";
import { healthRouter } from "./routes/health.js";
import { meRouter } from "./routes/me.js";

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
  >;
  metadata: OidcMetadata;
  logger: Logger;
  validateToken: BearerTokenValidator;
  graph: GraphGateway;
  version: string;
  startedAt: number;
  rateLimit?: UserRateLimitOptions;
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

  app.use(requestId(), requestLogging(deps.logger), ...securityHeaders(deps.metadata));

  const api = express.Router();
  api.use(corsPolicy(config.webOrigin), noStore, ...jsonBody());
  api.use(
    healthRouter({
      version: deps.version,
      tenantKind: config.tenantKind,
      startedAt: deps.startedAt,
    }),
  );
  api.use(clientConfigRouter({ ...config, metadata: deps.metadata }));
  // Everything below needs a valid token: deny by default, so a new route cannot forget it.
  api.use(authenticate(deps.validateToken), userRateLimit(deps.rateLimit ?? defaultUserRateLimit));
  api.use(meRouter(deps.graph));
  app.use("/api", api);

  if (config.spaDistDir !== undefined) app.use(...spaStatic(config.spaDistDir));

  app.use(notFoundHandler());
  app.use(problemHandler({ exposeStack: config.isDevelopment, logger: deps.logger }));
  return app;
};
