import type { ReadinessCheck } from "@ihc/contracts";
import type { ActionJournal } from "../actions/action-journal.js";
import type { RedisConnection } from "../cluster/redis-connection.js";

/**
 * One dependency `GET /api/ready` checks: `check` resolves when it answers and rejects (with a
 * message naming what failed, never a secret) when it does not. A new dependency (Redis, …)
 * joins the list that create-app-deps.ts builds.
 */
export interface ReadinessProbe {
  name: string;
  check(signal: AbortSignal): Promise<void>;
}

/** No probe may hold a readiness request longer than this. */
export const PROBE_TIMEOUT_MS = 3_000;

const NIL_UUID = "00000000-0000-0000-0000-000000000000";

/** The journal answers a read (SQLite: the file is open; Postgres: a round trip). */
export const storeProbe = (journal: ActionJournal): ReadinessProbe => ({
  name: "store",
  check: async () => {
    await journal.get(NIL_UUID);
  },
});

/** Redis answers a PING (REDIS_URL set): events, leases and shared limits need it (ADR 0020). */
export const redisProbe = (redis: RedisConnection): ReadinessProbe => ({
  name: "redis",
  check: async () => {
    await redis.commands.ping();
  },
});

/** The tenant's OIDC metadata answers: sign-in, token validation and on-behalf-of need it. */
export const oidcMetadataProbe = (url: string): ReadinessProbe => ({
  name: "oidcMetadata",
  check: async (signal) => {
    const response = await fetch(url, { headers: { accept: "application/json" }, signal });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
  },
});

const messageOf = (error: unknown): string =>
  error instanceof Error
    ? error.name === "TimeoutError"
      ? `no answer within ${PROBE_TIMEOUT_MS} ms`
      : error.message
    : String(error);

/** Runs every probe at once, each bounded by PROBE_TIMEOUT_MS. */
export const runProbes = (
  probes: readonly ReadinessProbe[],
  now: () => number = performance.now.bind(performance),
): Promise<ReadinessCheck[]> =>
  Promise.all(
    probes.map(async (probe): Promise<ReadinessCheck> => {
      const started = now();
      const signal = AbortSignal.timeout(PROBE_TIMEOUT_MS);
      const timedOut = new Promise<never>((_resolve, reject) => {
        signal.addEventListener(
          "abort",
          () => {
            reject(signal.reason as Error);
          },
          { once: true },
        );
      });
      try {
        await Promise.race([probe.check(signal), timedOut]);
        return { name: probe.name, ok: true, durationMs: Math.round(now() - started) };
      } catch (error) {
        return {
          name: probe.name,
          ok: false,
          detail: messageOf(error),
          durationMs: Math.round(now() - started),
        };
      }
    }),
  );
