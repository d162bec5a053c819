import { randomUUID } from "node:crypto";
import {
  expiryOverviewOf,
  type EnrollmentTokenExpiry,
  type ExpiryOverviewItem,
  type VppTokenExpiry,
} from "@ihc/contracts";
import type { Logger } from "pino";
import type { DailyNoticeLedger } from "../actions/stores/daily-notice-ledger.js";
import { teamsExpiryMessage, type TeamsMessage } from "./teams-expiry-message.js";

export interface ExpiryNoticeSchedulerOptions {
  ledger: DailyNoticeLedger;
  /** The two lists the console's banner reads, as one signed-in reader sees them. */
  readTokens: () => Promise<{
    vppTokens: readonly VppTokenExpiry[];
    enrollmentProfiles: readonly EnrollmentTokenExpiry[];
  }>;
  /** True for an error that only means "nobody to read Graph as yet": wait, do not warn. */
  isWaiting: (error: unknown) => boolean;
  /** Sends one message; rejects when the webhook did not take it. */
  post: (message: TeamsMessage) => Promise<void>;
  logger: Pick<Logger, "info" | "warn" | "debug">;
  /** EXPIRY_WARNING_DAYS: the banner's window. */
  days: number;
  /** The console's origin, for the message's link. */
  consoleOrigin: string;
  /** Injectable for tests: a day passes without sleeping one. */
  clock?: () => Date;
  /** Between cycles (default an hour): a notice goes out in the first cycle of its UTC day. */
  intervalMs?: number;
  /** Before the next try when nobody is signed in to read Graph as (default 5 minutes). */
  waitingRetryMs?: number;
  /** Before the first cycle after start (default a minute). */
  firstDelayMs?: number;
  /** A claim never marked sent is taken over after this (its instance died mid-send). */
  staleClaimMs?: number;
  /** Rows of days older than this are forgotten. */
  keepDays?: number;
}

export type ExpiryNoticeCycle =
  | { outcome: "waiting" }
  | { outcome: "unreadable" }
  | { outcome: "done"; sent: string[]; alreadyClaimed: string[] }
  | { outcome: "postFailed"; sent: string[]; alreadyClaimed: string[]; failed: string };

const dayMs = 86_400_000;

/** `2026-12-05`: the UTC day a notice counts against. */
export const utcDayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** The ledger's key of a token: stable across renames. */
export const noticeKeyOf = (item: ExpiryOverviewItem): string =>
  item.kind === "vpp" ? `expiry:vpp:${item.id}` : `expiry:enrollment:${item.id}`;

/**
 * Once a day per token, a Teams message for each token of the expiry overview (EXPIRY_WEBHOOK_URL,
 * ADR 0033). Every instance runs the cycle; the ledger's row decides which one sends. A failed post
 * is logged and its claim released, the cycle stops there (no hammering a webhook that refuses),
 * and the next cycle tries again.
 */
export class ExpiryNoticeScheduler {
  private readonly holder = randomUUID();
  private readonly clock: () => Date;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly options: ExpiryNoticeSchedulerOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  start(): void {
    this.schedule(this.options.firstDelayMs ?? 60_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One cycle now (the timer calls this; so may a test, with its own clock). */
  runOnce(): Promise<ExpiryNoticeCycle> {
    const run = this.cycle();
    this.running = run;
    return run;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runOnce().then(
        (cycle) => {
          this.schedule(
            cycle.outcome === "waiting"
              ? (this.options.waitingRetryMs ?? 5 * 60_000)
              : (this.options.intervalMs ?? 60 * 60_000),
          );
        },
        (error: unknown) => {
          this.options.logger.warn({ err: error }, "Expiry notices: the cycle failed");
          this.schedule(this.options.intervalMs ?? 60 * 60_000);
        },
      );
    }, ms);
    this.timer.unref();
  }

  private async cycle(): Promise<ExpiryNoticeCycle> {
    const { ledger, logger } = this.options;
    let lists: Awaited<ReturnType<ExpiryNoticeSchedulerOptions["readTokens"]>>;
    try {
      lists = await this.options.readTokens();
    } catch (error) {
      if (this.options.isWaiting(error)) {
        logger.debug("Expiry notices: waiting for a signed-in user to read Graph as");
        return { outcome: "waiting" };
      }
      logger.warn(
        { err: error },
        "Expiry notices: could not read the tokens; next cycle tries again",
      );
      return { outcome: "unreadable" };
    }
    const now = this.clock();
    const day = utcDayOf(now);
    const items = expiryOverviewOf(
      lists.vppTokens,
      lists.enrollmentProfiles,
      now.getTime(),
      this.options.days,
    );
    const sent: string[] = [];
    const alreadyClaimed: string[] = [];
    for (const item of items) {
      if (this.stopped) break;
      const key = noticeKeyOf(item);
      const staleBefore = new Date(now.getTime() - (this.options.staleClaimMs ?? 10 * 60_000));
      if (!(await ledger.claimNotice(key, day, this.holder, now, staleBefore))) {
        alreadyClaimed.push(key);
        continue;
      }
      try {
        await this.options.post(
          teamsExpiryMessage(item, now.getTime(), this.options.consoleOrigin),
        );
      } catch (error) {
        await ledger.releaseNotice(key, day, this.holder);
        logger.warn(
          { err: error, notice: key, day },
          "Expiry notices: the webhook did not take the message; the next cycle tries again",
        );
        return { outcome: "postFailed", sent, alreadyClaimed, failed: key };
      }
      await ledger.markNoticeSent(key, day, this.holder, this.clock());
      sent.push(key);
    }
    if (sent.length > 0) logger.info({ sent: sent.length, day }, "Expiry notices sent");
    const keepDays = this.options.keepDays ?? 7;
    await ledger.forgetNoticesBefore(utcDayOf(new Date(now.getTime() - keepDays * dayMs)));
    return { outcome: "done", sent, alreadyClaimed };
  }
}

export class WebhookRefusedError extends Error {
  override readonly name = "WebhookRefusedError";
  constructor(readonly status: number) {
    super(`The webhook answered ${String(status)}`);
  }
}

/**
 * POSTs JSON to the webhook: a timeout, no redirect followed (the URL is the administrator's, not
 * wherever it points), no retry here. The URL carries the webhook's secret: it is never logged.
 */
export const webhookPoster =
  (url: string, timeoutMs = 10_000) =>
  async (message: TeamsMessage): Promise<void> => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(message),
      redirect: "error",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read (and drop) the body so the connection is reused.
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new WebhookRefusedError(response.status);
  };
