import { createHash } from "node:crypto";
import type { Logger } from "pino";
import {
  InMemoryGraphBudgetStore,
  type BudgetDecision,
  type GraphBudgetLimits,
  type GraphBudgetStore,
} from "../graph/budget/graph-budget-store.js";
import type { RedisConnection } from "./redis-connection.js";

/**
 * The token bucket of `InMemoryGraphBudgetStore`, in one Redis hash per user, changed only by
 * this script on Redis's clock (`TIME`), so every instance takes from one bucket and their
 * clocks do not matter. A bucket left alone for a window is full again, and expires.
 * ARGV: budget, windowMs, cost. Returns {granted, remaining, retryAfterMs}.
 */
const TAKE = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local budget = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local perMs = budget / windowMs
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or budget
local at = tonumber(state[2]) or now
tokens = math.min(budget, tokens + math.max(0, now - at) * perMs)
local charge = math.min(tonumber(ARGV[3]), budget)
local granted = 0
if tokens >= charge then
  tokens = tokens - charge
  granted = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(windowMs))
if granted == 1 then return {1, math.floor(tokens), 0} end
return {0, math.floor(tokens), math.ceil((charge - tokens) / perMs)}
`;

/**
 * Per-user Graph budgets shared by every BFF instance (ADR 0024, with REDIS_URL): N instances
 * give one user one budget. Keys are `graph-budget:<sha256(oid)>` (no user id spelled out in
 * Redis). While Redis does not answer, this instance counts alone (a warning is logged): the
 * limit holds per instance rather than failing the user's reads.
 */
export class RedisGraphBudgetStore implements GraphBudgetStore {
  private readonly fallback: InMemoryGraphBudgetStore;

  constructor(
    private readonly redis: RedisConnection,
    private readonly limits: GraphBudgetLimits,
    private readonly logger: Pick<Logger, "warn">,
  ) {
    this.fallback = new InMemoryGraphBudgetStore(limits);
  }

  async take(key: string, cost: number): Promise<BudgetDecision> {
    const redisKey = this.redis.key(
      `graph-budget:${createHash("sha256").update(key).digest("hex")}`,
    );
    let answer: [number, number, number];
    try {
      answer = (await this.redis.commands.eval(
        TAKE,
        1,
        redisKey,
        String(this.limits.budget),
        String(this.limits.windowMs),
        String(cost),
      )) as [number, number, number];
    } catch (error) {
      this.logger.warn({ err: error }, "The Graph budget is counted per instance: Redis failed");
      return this.fallback.take(key, cost);
    }
    const [granted, remaining, retryAfterMs] = answer;
    return granted === 1
      ? { granted: true, remaining }
      : { granted: false, remaining, retryAfterMs };
  }
}
