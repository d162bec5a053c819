import { createHash } from "node:crypto";
import type { ICacheClient } from "@azure/msal-node";
import type { Logger } from "pino";
import { openTokenCache, sealTokenCache } from "../auth/token-cache-sealing.js";
import type { RedisConnection } from "./redis-connection.js";

/** How long a user's cache outlives its last write: the OBO refresh token's lifetime. */
export const TOKEN_CACHE_TTL_SECONDS = 24 * 60 * 60;

/**
 * msal-node's `ICacheClient` over Redis (ADR 0020): one entry per partition (a user,
 * `tid:oid`), under a hash of it, sealed with TOKEN_CACHE_KEY, expiring
 * TOKEN_CACHE_TTL_SECONDS after its last write. An entry that does not open (tampered, another
 * key, another user's blob) is a miss, logged without its content, and so is Redis not
 * answering: the user's next token then comes from the token service.
 */
export class RedisTokenCache implements ICacheClient {
  constructor(
    private readonly redis: RedisConnection,
    private readonly key: Buffer,
    private readonly logger: Pick<Logger, "warn">,
    private readonly ttlSeconds = TOKEN_CACHE_TTL_SECONDS,
  ) {
    if (key.length !== 32) throw new Error("the token cache key must be 32 bytes");
  }

  /** Where a partition's entry lives (the user's ids are not spelled out in Redis). */
  redisKeyOf(partition: string): string {
    return this.redis.key(
      `token-cache:${createHash("sha256").update(partition).digest("base64url")}`,
    );
  }

  async get(partition: string): Promise<string> {
    let sealed: string | null;
    try {
      sealed = await this.redis.commands.get(this.redisKeyOf(partition));
    } catch (error) {
      this.unavailable("read", error);
      return "";
    }
    if (sealed === null) return "";
    const plaintext = openTokenCache(this.key, partition, sealed);
    if (plaintext === undefined) {
      this.logger.warn(
        { redisKey: this.redisKeyOf(partition), bytes: sealed.length },
        "a token cache entry in Redis does not decrypt; treated as empty",
      );
      return "";
    }
    return plaintext;
  }

  async set(partition: string, value: string): Promise<string> {
    const sealed = sealTokenCache(this.key, partition, value);
    try {
      await this.redis.commands.set(this.redisKeyOf(partition), sealed, "EX", this.ttlSeconds);
    } catch (error) {
      this.unavailable("write", error);
    }
    return value;
  }

  /** Redis not answering costs a token request, not the user's Graph call. */
  private unavailable(what: "read" | "write", error: unknown): undefined {
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      { reason },
      `token cache ${what} in Redis failed; this instance's memory only`,
    );
    return undefined;
  }
}
