import { Redis } from "ioredis";
import type { Logger } from "pino";

export interface RedisSettings {
  url: string;
  /** Every key this BFF writes starts with it (one namespace per deployment, or per test). */
  keyPrefix: string;
}

/**
 * The BFF's connections to Redis (ADR 0020): one for commands, and one per blocking reader
 * (`XREAD BLOCK` holds its connection). Keys are built with `key()` rather than ioredis's
 * `keyPrefix` option, because Lua scripts and rate-limit-redis get keys as arguments too.
 */
export class RedisConnection {
  readonly commands: Redis;
  private readonly readers: Redis[] = [];

  private constructor(
    private readonly settings: RedisSettings,
    private readonly logger: Pick<Logger, "warn">,
  ) {
    this.commands = this.open("commands");
  }

  /** Connects, and fails the start with a clear message when Redis does not answer. */
  static async connect(
    settings: RedisSettings,
    logger: Pick<Logger, "warn">,
  ): Promise<RedisConnection> {
    const connection = new RedisConnection(settings, logger);
    try {
      await connection.commands.connect();
      await connection.commands.ping();
    } catch (error) {
      connection.commands.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Redis is not reachable at ${redactUrl(settings.url)}: ${reason}`);
    }
    return connection;
  }

  key(name: string): string {
    return `${this.settings.keyPrefix}${name}`;
  }

  /** A connection of its own for a blocking reader; closed with the rest. */
  reader(name: string): Redis {
    const reader = this.open(name);
    this.readers.push(reader);
    return reader;
  }

  async close(): Promise<void> {
    for (const reader of this.readers) reader.disconnect();
    await this.commands.quit().catch(() => undefined);
  }

  private open(name: string): Redis {
    const redis = new Redis(this.settings.url, {
      lazyConnect: true,
      connectionName: `ihc-bff-${name}`,
      // A command waits for a reconnect rather than failing at once; a start fails fast.
      maxRetriesPerRequest: 3,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    redis.on("error", (error: Error) => {
      this.logger.warn({ reason: error.message, connection: name }, "Redis connection error");
    });
    return redis;
  }
}

/** The URL without its password, for messages. */
const redactUrl = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password !== "") parsed.password = "***";
  return parsed.toString();
};
