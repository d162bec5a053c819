import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { WorkLease, WorkLeases } from "../actions/work-leases.js";
import type { RedisConnection } from "./redis-connection.js";

/** Renews the lease only while this owner still holds it. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Deletes the lease only if this owner still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Leases in Redis (ADR 0020): `SET key owner NX PX leaseMs` takes one; the holder renews it
 * every third of the lease time with a script that checks it is still the owner, and deletes it
 * the same way when done. A killed holder stops renewing, and the lease expires after at most
 * `leaseMs`, when the next scan of another instance takes it over.
 */
export class RedisLeases implements WorkLeases {
  readonly leaseMs: number;
  private readonly owner = randomUUID();

  constructor(
    private readonly redis: RedisConnection,
    private readonly logger: Pick<Logger, "warn">,
    options: { leaseMs?: number } = {},
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  async acquire(name: string): Promise<WorkLease | undefined> {
    const key = this.redis.key(`lease:${name}`);
    const token = `${this.owner}:${randomUUID()}`;
    const taken = await this.redis.commands.set(key, token, "PX", this.leaseMs, "NX");
    if (taken !== "OK") return undefined;
    const lost = new AbortController();
    const renew = async (): Promise<boolean> => {
      const renewed = await this.redis.commands.eval(RENEW, 1, key, token, String(this.leaseMs));
      if (renewed === 1) return true;
      if (!lost.signal.aborted) {
        this.logger.warn({ lease: name }, "A lease was lost; its work stops here");
        clearInterval(timer);
        lost.abort(new Error(`lease ${name} lost`));
      }
      return false;
    };
    const timer = setInterval(
      () => {
        renew().catch((error: unknown) => {
          // Redis unreachable: the lease may expire; keep trying until it is clearly lost.
          this.logger.warn({ err: error, lease: name }, "A lease could not be renewed");
        });
      },
      Math.max(100, Math.floor(this.leaseMs / 3)),
    );
    timer.unref();
    return {
      lost: lost.signal,
      confirm: async () => {
        if (lost.signal.aborted) return false;
        try {
          return await renew();
        } catch (error) {
          this.logger.warn({ err: error, lease: name }, "A lease could not be confirmed");
          return false;
        }
      },
      release: async () => {
        clearInterval(timer);
        await this.redis.commands.eval(RELEASE, 1, key, token).catch((error: unknown) => {
          this.logger.warn({ err: error, lease: name }, "A lease could not be released");
        });
      },
    };
  }
}
