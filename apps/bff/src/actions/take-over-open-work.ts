import type { Logger } from "pino";
import { actionDefinitions } from "./action-registry.js";
import type { ActionServices } from "./action-services.js";
import { recoverUnleasedRun } from "./recover-actions.js";

/**
 * With several instances (ADR 0020): every lease time, each instance looks for open actions in
 * the shared journal and follows them — a bulk revoke's runner, a target's watcher — which runs
 * only if it gets its lease. Work whose instance died is so taken over within about two lease
 * times (the lease expires, then the next scan); bulk items it had `sent` become `unknown` and
 * are settled from the app's licenses, never sent again (bulk-revoke-queue.ts); a single
 * action's run it held is recovered as after a restart (`sent` → `unknown`, settled by its
 * watcher; `accepted` → failed, nothing was sent). Returns a stop function.
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
      if (definition.recovery === "self") {
        // A bulk revoke's runner.
        definition.follow(record, services);
      } else if (record.state === "accepted" || record.state === "sent") {
        // In its pipeline's hands on whichever instance runs it, under the run's lease; a
        // free lease means that instance died: recovered as a restart would.
        await recoverUnleasedRun(record, services);
      } else {
        // The watcher of an action Graph has answered.
        definition.follow(record, services);
      }
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
