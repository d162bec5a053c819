import type { Logger } from "pino";
import {
  createActionServices,
  NoIdentityError,
  type ActionServices,
  type WatcherTuning,
} from "./actions/action-services.js";
import { listEnrollmentProfiles } from "./graph/enrollment-profiles.js";
import { listVppTokens } from "./graph/vpp-tokens.js";
import {
  ExpiryNoticeScheduler,
  webhookPoster,
  type ExpiryNoticeSchedulerOptions,
} from "./notices/expiry-notice-scheduler.js";
import { openJournalStore } from "./actions/stores/open-journal-store.js";
import type { AppDeps } from "./app.js";
import { msalCredentialOf } from "./auth/api-credential.js";
import { createMsalOboTokenProvider } from "./auth/obo-token-provider.js";
import { fetchOidcMetadata, type FetchOidcMetadataOptions } from "./auth/oidc-metadata.js";
import { createBearerTokenValidator } from "./auth/validate-bearer-token.js";
import type { Config } from "./config.js";
import { createGraphGateway } from "./graph/graph-gateway.js";
import { FairReadScheduler } from "./graph/budget/fair-read-scheduler.js";
import { InMemoryGraphBudgetStore } from "./graph/budget/graph-budget-store.js";
import { RedisGraphBudgetStore } from "./cluster/redis-graph-budget-store.js";
import { PerUserViewCache } from "./routes/per-user-view-cache.js";
import { graphCostOf } from "./routes/route-graph-costs.js";
import type { RetryPolicyOptions } from "./graph/middleware/retry-policy.js";
import { openClusterServices } from "./cluster/cluster-services.js";
import { defaultUserRateLimit, type UserRateLimitOptions } from "./http/user-rate-limit.js";
import { measuredJournal } from "./observability/measured-journal.js";
import { Metrics } from "./observability/metrics.js";
import {
  oidcMetadataProbe,
  redisProbe,
  storeProbe,
  type ReadinessProbe,
} from "./observability/readiness-probes.js";

export interface CreateAppDepsOptions {
  logger: Logger;
  version: string;
  metadataFetch?: FetchOidcMetadataOptions;
  graphRetry?: Partial<RetryPolicyOptions>;
  rateLimit?: UserRateLimitOptions;
  watcherTuning?: WatcherTuning;
  /** The expiry notice's clock and timings (tests); `autoStart: false` leaves its timer off. */
  expiryNotices?: Pick<
    ExpiryNoticeSchedulerOptions,
    "clock" | "intervalMs" | "waitingRetryMs" | "firstDelayMs"
  > & { autoStart?: boolean };
}

/**
 * The real dependencies, the same for the simulator and Entra ID: the tenant's OIDC metadata
 * (fetched once, with retries) feeds token validation (issuer, jwks_uri), MSAL (as
 * authorityMetadata) and the CSP. Used by server.ts and by the test stack.
 */
export const createAppDeps = async (
  config: Config,
  {
    logger,
    version,
    metadataFetch,
    graphRetry,
    rateLimit,
    watcherTuning,
    expiryNotices: noticeOptions,
  }: CreateAppDepsOptions,
): Promise<AppDeps> => {
  // First: a journal another process holds stops the start before anything else is tried.
  const journal = await openJournalStore(config, logger);
  // Then Redis, when several instances share the work (ADR 0020).
  const shared = await openClusterServices(config, logger).catch(async (error: unknown) => {
    await journal.close();
    throw error;
  });
  const metrics = new Metrics();
  const metadata = await fetchOidcMetadata(config.oidcMetadataUrl, {
    onRetry: (attempt, error) => {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn(
        { attempt, reason, url: config.oidcMetadataUrl },
        "OIDC metadata not reachable yet; retrying",
      );
    },
    ...metadataFetch,
  }).catch(async (error: unknown) => {
    await shared?.close();
    await journal.close();
    throw error;
  });

  const validateToken = createBearerTokenValidator({
    issuer: metadata.issuer,
    keys: new URL(metadata.jwks_uri),
    audiences: config.apiAudiences,
    tenantId: config.tenantId,
    spaClientId: config.spaClientId,
  });

  const credential = await msalCredentialOf(config.apiCredential).catch(async (error: unknown) => {
    await shared?.close();
    await journal.close();
    throw error;
  });
  const tokenProvider = createMsalOboTokenProvider({
    clientId: config.apiClientId,
    credential,
    scopes: [config.graphScope],
    authority: config.authority,
    authorityMetadata: JSON.stringify(metadata),
    logger,
    ...(shared === undefined ? {} : { sharedCache: shared.tokenCache }),
  });

  const { graphBudget } = config;
  const graphBudgetLimits = {
    budget: graphBudget.perUser,
    windowMs: graphBudget.windowSeconds * 1000,
  };
  const graph = createGraphGateway({
    baseUrl: config.graphBaseUrl,
    tokenProvider,
    logger,
    readScheduler: new FairReadScheduler({
      readsPerSecond: graphBudget.tenantReadsPerSecond,
      // One second's worth, and never less than a whole $batch of reads.
      burst: Math.max(20, graphBudget.tenantReadsPerSecond),
      maxWaitMs: graphBudget.readMaxWaitSeconds * 1000,
    }),
    metrics,
    ...(graphRetry === undefined ? {} : { retry: graphRetry }),
  });

  const services = createActionServices({
    journal: measuredJournal(journal, metrics),
    graph,
    logger,
    appWriteBudget: config.appWriteBudget,
    eventStreams: { maxStreamsPerUser: config.eventStreamsPerUser },
    watcherTuning: { reconcileWindowMs: config.reconcileWindowMs, ...watcherTuning },
    ...(shared === undefined ? {} : { shared }),
  });
  const expiryNotices =
    config.expiryWebhook === undefined
      ? undefined
      : new ExpiryNoticeScheduler({
          // The journal's database: one row per token and day, seen by every instance (ADR 0033).
          ledger: journal,
          readTokens: async () => {
            // Read as anyone who may read the console, as the watchers do (DESIGN §6.4).
            const reader = services.identities.pick();
            if (reader === undefined) throw new NoIdentityError();
            const [vppTokens, enrollmentProfiles] = await Promise.all([
              listVppTokens(graph, reader),
              listEnrollmentProfiles(graph, reader),
            ]);
            return { vppTokens, enrollmentProfiles };
          },
          isWaiting: (error) => error instanceof NoIdentityError,
          post: webhookPoster(config.expiryWebhook.url),
          logger,
          days: config.expiryWarningDays,
          consoleOrigin: config.expiryWebhook.consoleOrigin,
          ...noticeOptions,
        });
  // Stopped with the other background work, before the journal (its ledger) closes.
  const actions: ActionServices = {
    ...services,
    stop: async () => {
      await expiryNotices?.stop();
      await services.stop();
    },
  };
  if (noticeOptions?.autoStart !== false) expiryNotices?.start();

  const ownLimit = rateLimit ?? {
    ...defaultUserRateLimit,
    limit: config.requestsPerUserPerMinute,
  };
  const limit = shared === undefined ? ownLimit : { ...ownLimit, store: shared.rateLimitStore };

  // A user's own action events drop their cached views: no view read before their revoke.
  const viewCache = new PerUserViewCache(config.viewCacheSeconds * 1000);
  actions.bus.subscribe(({ audience }) => {
    if (audience.actorOid !== undefined) viewCache.invalidateUser(audience.actorOid);
  });

  metrics.gauge("ihc_watchers_open", "Targets followed by a watcher (one poller each)", () =>
    [actions.vppWatchers, actions.appWatchers, actions.retireWatchers, actions.enrollmentWatchers]
      .map((watchers) => watchers.activeCount)
      .reduce((sum, count) => sum + count, 0),
  );
  metrics.gauge(
    "ihc_bulk_revokes_open",
    "Bulk revokes the queue is sending",
    () => actions.bulkRevokes.activeCount,
  );
  metrics.gauge(
    "ihc_event_streams_open",
    "Open GET /api/events streams",
    () => actions.streams.count,
  );
  const readiness: ReadinessProbe[] = [
    storeProbe(journal),
    ...(shared === undefined ? [] : [redisProbe(shared.redis)]),
    oidcMetadataProbe(config.oidcMetadataUrl),
  ];

  return {
    actions,
    viewCache,
    graphCost: {
      // One budget per user across every instance when they share Redis (ADR 0024).
      store:
        shared === undefined
          ? new InMemoryGraphBudgetStore(graphBudgetLimits)
          : new RedisGraphBudgetStore(shared.redis, graphBudgetLimits, logger),
      budget: graphBudget.perUser,
      windowSeconds: graphBudget.windowSeconds,
      costOf: (method, path) => graphCostOf(method, path).cost,
    },
    metrics,
    readiness,
    expiryNotices,
    config,
    metadata,
    logger,
    validateToken,
    graph,
    version,
    startedAt: Date.now(),
    rateLimit: limit,
  };
};
