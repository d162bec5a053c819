import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { AppWriteBudget, NextTurn, WriteReservation } from "../actions/write-budget.js";
import type { RedisConnection } from "./redis-connection.js";

export interface RedisWriteBudgetOptions {
  writes: number;
  windowMs: number;
  /** Added to each token's return time, for clock granularity. */
  marginMs?: number;
  /**
   * A token taken but never settled (its instance died mid-call) comes back after this: Graph
   * answers or the call times out well before.
   */
  inFlightMs?: number;
  /** Longest single wait before asking Redis again (another instance may have settled). */
  pollMs?: number;
  /** Which budget (one per Graph service limit); the key under the prefix. */
  name?: string;
}

/** Milliseconds on Redis's clock: one clock for every instance. */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
`;

/**
 * Returns {granted, waitMs, throttled}. Tokens are members of a sorted set scored by when they
 * come back: in flight, `now + inFlightMs`; settled, a window after Graph answered.
 * ARGV: count, writes, inFlightMs, take (1 or 0), token ids...
 */
const TAKE = `${NOW}
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if blocked > now then return {0, blocked - now, 1} end
local count = tonumber(ARGV[1])
local missing = count - (tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1]))
if missing > 0 then
  local back = redis.call('ZRANGE', KEYS[1], missing - 1, missing - 1, 'WITHSCORES')
  return {0, math.max(1, tonumber(back[2]) - now), 0}
end
if ARGV[4] == '1' then
  for i = 1, count do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4 + i]) end
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
end
return {1, 0, 0}
`;

/** ARGV: backMs, used, token ids... — the first `used` count from now, the rest come back. */
const SETTLE = `${NOW}
local used = tonumber(ARGV[2])
for i = 3, #ARGV do
  if i - 2 <= used then
    redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[i])
  else
    redis.call('ZREM', KEYS[1], ARGV[i])
  end
end
return used
`;

/** ARGV: ms — nobody writes for `ms` from now (a longer block already set stays). */
const BLOCK = `${NOW}
local until_ = now + tonumber(ARGV[1])
local blocked = tonumber(redis.call('GET', KEYS[2]) or '0')
if until_ > blocked then redis.call('SET', KEYS[2], until_, 'PX', tonumber(ARGV[1])) end
return until_
`;

/**
 * Graph's write limit shared by every BFF instance (ADR 0020): the same token bucket as
 * `WriteBudget` — a token comes back one window after the write it paid for was answered —
 * kept in Redis and changed only by Lua scripts, on Redis's clock. Takers of one instance are
 * served in order; across instances, whoever asks when tokens are free gets them.
 */
export class RedisWriteBudget implements AppWriteBudget {
  readonly writes: number;
  readonly windowMs: number;
  private readonly marginMs: number;
  private readonly inFlightMs: number;
  private readonly pollMs: number;
  private readonly keys: [tokens: string, blocked: string];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Pick<Logger, "warn">,
    options: RedisWriteBudgetOptions,
  ) {
    this.writes = options.writes;
    this.windowMs = options.windowMs;
    this.marginMs = options.marginMs ?? 100;
    this.inFlightMs = options.inFlightMs ?? 120_000;
    this.pollMs = options.pollMs ?? 1_000;
    const name = options.name ?? "app";
    this.keys = [redis.key(`budget:${name}:tokens`), redis.key(`budget:${name}:blocked`)];
  }

  take(count: number, signal?: AbortSignal): Promise<WriteReservation> {
    const wanted = Math.max(1, Math.min(count, this.writes));
    const turn = this.queue.then(() => this.waitFor(wanted, signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  blockFor(ms: number): void {
    this.redis.commands
      .eval(BLOCK, 2, ...this.keys, String(Math.ceil(ms)))
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, "A Graph throttle could not be shared through Redis");
      });
  }

  async nextTurn(count: number): Promise<NextTurn | undefined> {
    const wanted = Math.max(1, Math.min(count, this.writes));
    const [granted, waitMs, throttled] = await this.ask(wanted, []);
    if (granted === 1) return undefined;
    return {
      reason: throttled === 1 ? "throttled" : "writeBudget",
      // Tokens in flight come back a window after they settle, at the latest.
      at: Date.now() + Math.min(waitMs, this.windowMs + this.marginMs),
    };
  }

  private async waitFor(count: number, signal: AbortSignal | undefined): Promise<WriteReservation> {
    for (;;) {
      signal?.throwIfAborted();
      const ids = Array.from({ length: count }, () => randomUUID());
      const [granted, waitMs] = await this.ask(count, ids);
      if (granted === 1) return this.reservation(ids);
      await sleep(Math.min(waitMs, this.pollMs), signal);
    }
  }

  private async ask(count: number, ids: string[]): Promise<[number, number, number]> {
    const answer = (await this.redis.commands.eval(
      TAKE,
      2,
      ...this.keys,
      String(count),
      String(this.writes),
      String(this.inFlightMs),
      ids.length > 0 ? "1" : "0",
      ...ids,
    )) as [number, number, number];
    return answer;
  }

  private reservation(ids: string[]): WriteReservation {
    let settled = false;
    return {
      count: ids.length,
      settle: (unused = 0) => {
        if (settled) return;
        settled = true;
        const used = ids.length - Math.min(ids.length, Math.max(0, unused));
        this.redis.commands
          .eval(
            SETTLE,
            2,
            ...this.keys,
            String(this.windowMs + this.marginMs),
            String(used),
            ...ids,
          )
          .catch((error: unknown) => {
            // Unsettled tokens come back after inFlightMs: slower, never over the limit.
            this.logger.warn({ err: error }, "Graph writes could not be settled in Redis");
          });
      },
    };
  }
}

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", aborted);
        resolve();
      },
      Math.max(1, ms),
    );
    signal?.addEventListener("abort", aborted, { once: true });
  });
