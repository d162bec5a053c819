/**
 * Which once-a-day notices went out (ADR 0033): one row per (notice, UTC day) in the journal's
 * own database, so a restart, or a second instance on the same Postgres, does not send a notice
 * again the same day. The row is claimed before the notice is sent and marked sent after it:
 * whoever's insert wins sends, the others see the row and send nothing.
 */
export interface DailyNoticeLedger {
  /**
   * Claims `key` on `day` (`YYYY-MM-DD`, UTC) for `holder`: true when this caller now owns it
   * and should send. False when it was sent already, or another holder claimed it after
   * `staleBefore` (a claim older than that, never marked sent, is from a holder that died
   * mid-send and may be taken over).
   */
  claimNotice(
    key: string,
    day: string,
    holder: string,
    now: Date,
    staleBefore: Date,
  ): Promise<boolean>;
  /** The claimed notice went out. */
  markNoticeSent(key: string, day: string, holder: string, now: Date): Promise<void>;
  /** The claimed notice did not go out: the next cycle may claim it again. */
  releaseNotice(key: string, day: string, holder: string): Promise<void>;
  /** Forgets days before `day` (housekeeping); how many rows went. */
  forgetNoticesBefore(day: string): Promise<number>;
}
