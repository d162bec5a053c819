import type { BulkItem } from "@ihc/contracts";
import type { StoredAction } from "./action-journal.js";
import { countItems } from "./action-pipeline.js";
import { actionDefinitions } from "./action-registry.js";
import type { ActionServices } from "./action-services.js";
import { pipelineRunLease } from "./work-leases.js";

/**
 * After a restart: a record still `accepted` never reached Graph (the `sent` write comes first),
 * so it is failed as interrupted and may run again under its key; one `sent` may have reached
 * Graph, so it becomes `unknown`; revokes still running are watched again.
 */
export const recoverActions = async (services: ActionServices): Promise<number> => {
  const open = await services.journal.listOpen();
  for (const record of open) {
    const definition = actionDefinitions[record.kind];
    if (definition.recovery === "self") {
      definition.follow(record, services);
      continue;
    }
    if (record.state === "accepted" || record.state === "sent") {
      // With several instances, another one may be running this very call: only a run whose
      // lease is free (its instance died) is recovered (ADR 0020).
      await recoverUnleasedRun(record, services);
      continue;
    }
    definition.follow(record, services);
  }
  return open.length;
};

/**
 * A single action's pipeline run (`accepted` or `sent`) whose instance died: taken over under
 * the run's lease, as a restart would (ADR 0020). Nothing when its instance still holds it.
 */
export const recoverUnleasedRun = async (
  record: StoredAction,
  services: ActionServices,
): Promise<void> => {
  const lease = await services.leases?.acquire(pipelineRunLease(record.id));
  if (services.leases !== undefined && lease === undefined) return;
  try {
    // Read again under the lease: the run may have ended since the list was read.
    const current = services.leases === undefined ? record : await services.journal.get(record.id);
    if (current?.state === "accepted" || current?.state === "sent") {
      await recoverRun(current, services);
    }
  } finally {
    await lease?.release();
  }
};

/** A run cut off by the end of its process: see recoverActions. */
const recoverRun = async (record: StoredAction, services: ActionServices): Promise<void> => {
  const definition = actionDefinitions[record.kind];
  let current = record;
  if (record.state === "accepted") {
    const items = record.items?.map((item) => ({ ...item, state: "failed" as const }));
    await services.journal.update(record.id, {
      ...(items === undefined ? {} : { items, itemCounts: countItems(items) }),
      state: "failed",
      completedAt: new Date().toISOString(),
      graph: {
        clientRequestId: record.graph?.clientRequestId ?? "",
        code: "interrupted",
        message: "The console restarted before sending this to Graph; nothing was sent.",
      },
    });
    return;
  }
  if (record.state === "sent") {
    current = await services.journal.update(record.id, {
      state: "unknown",
      graph: {
        clientRequestId: record.graph?.clientRequestId ?? "",
        code: "interrupted",
        message: "The console restarted while Graph was being called; checking what happened.",
      },
      // The items of a single call (a retire's devices) share its unknown outcome.
      ...(record.items === undefined ? {} : unknownItems(record.items)),
      // A multi-step action: the step that was in flight is the one whose outcome is unknown.
      ...(record.steps === undefined
        ? {}
        : {
            steps: record.steps.map((step) =>
              step.state === "sent" ? { ...step, state: "unknown" as const } : step,
            ),
          }),
    });
  }
  definition.follow(current, services);
};

/** The devices of a retire whose one call may or may not have reached Graph. */
const unknownItems = (items: readonly BulkItem[]): Pick<StoredAction, "items" | "itemCounts"> => {
  const unknown = items.map((item) => ({ ...item, state: "unknown" as const }));
  return { items: unknown, itemCounts: countItems(unknown) };
};
