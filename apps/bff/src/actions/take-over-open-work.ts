import type { Logger } from "pino";
import { actionDefinitions } from "./action-registry.js";
import type { ActionServices } from "./action-services.js";

/**
 * With several instances (ADR 0020): every lease time, each instance looks for open bulk revokes
 * in the shared journal and starts their runner, which runs only if it gets the record's lease.
 * A record whose instance died is so taken over within about two lease times (the lease
 * expires, then the next scan); items it had `sent` become `unknown` and are settled from the
 * app's licenses, never sent again (bulk-revoke-queue.ts). Returns a stop function.
 */
export const takeOverOpenWork = (
  services: ActionServices,
  everyMs: number,
  logger: Pick<Logger, "warn">,
): (() => void) => {
  let stopped = false;
  const scan = async () => {
    for (const record of await services.journal.listOpen()) {
      if (stopped) return;
      const definition = actionDefinitions[record.kind];
      if (definition.recovery === "self") definition.follow(record, services);
    }
  };
  const timer = setInterval(() => {
    scan().catch((error: unknown) => {
      logger.warn({ err: error }, "Looking for open work to take over failed");
    });
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
};
