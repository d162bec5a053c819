import {
  assignedLicenseKeyOf,
  isRetireFailedState,
  isRetiringState,
  offboardItemKeyOf,
  offboardRetireKeyOf,
} from "@ihc/contracts";
import { setMaxListeners } from "node:events";
import { randomUUID } from "node:crypto";
import type { BulkItem, GraphOutcome } from "@ihc/contracts";
import type { Logger } from "pino";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { MAX_BATCH_REQUESTS, postBatch, type BatchAnswer } from "../graph/graph-batch.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { appPath, listAllAssignedLicenses } from "../graph/ios-vpp-apps.js";
import { listUserDevices, managedDevicePath } from "../graph/managed-devices.js";
import type { ActionJournal, ActionPatch, StoredAction } from "./action-journal.js";
import { classifyCallFailure, countItems, type CallOutcome } from "./action-pipeline.js";
import type { IdentityPool } from "./identity-pool.js";
import { abortableSleep } from "./abortable-sleep.js";
import type { WorkLease, WorkLeases } from "./work-leases.js";
import type { AppWriteBudget } from "./write-budget.js";

export interface BulkRevokeQueueOptions {
  journal: ActionJournal;
  graph: GraphGateway;
  identities: IdentityPool;
  /** Shared by every bulk action: Intune's write limit is per app (ours) per tenant. */
  budget: AppWriteBudget;
  logger: Logger;
  /** Items per `$batch` (Graph allows 20). */
  batchSize?: number;
  /** How often unknown items are checked against the licenses, and an absent agent looked for. */
  pollMs?: number;
  /** An unknown item whose license is still assigned this long after it was sent did not happen. */
  reconcileWindowMs?: number;
  /**
   * With several instances: a record's items are sent only under its lease, so exactly one
   * instance sends them; a record whose lease another holds is left to it (ADR 0020).
   */
  leases?: WorkLeases | undefined;
  /** Backoff after a 429 without Retry-After: base · 2ⁿ, capped. */
  throttleBackoffMs?: number;
  /** How long after the record was made accepted items are checked for their license to go. */
  confirmTimeoutMs?: number;
}

/** What happened to one item of a batch. */
type ItemOutcome =
  | { state: "succeeded" | "failed" | "unknown"; graph: GraphOutcome }
  /** Provably not applied (429, or never sent): back to the queue. */
  | { state: "queued"; graph: GraphOutcome; retryAfterSeconds?: number | undefined };

/** The kinds whose items this queue sends: an app's licenses, and a leaver's (ADR 0030). */
const QUEUED_KINDS: ReadonlySet<string> = new Set([
  "app.revoke-licenses-bulk",
  "user.offboard",
  "user.revoke-all-licenses",
  // Selected devices of one user, retired together (ADR 0031): retire items only.
  "user.retire-selected-devices",
]);
const SIGN_IN_REQUIRED = "signInRequired";

/**
 * Sends the items of bulk revoke records (`app.revoke-licenses-bulk`) to Graph, one runner per
 * record, all within one `WriteBudget`, as `$batch`es of up to 20 (each sub-request throttled
 * on its own by Graph). Every state change is journaled — `sent` durably before the batch goes,
 * the outcomes after it — and published as an `action` event. No item is sent twice within a
 * record: only an item Graph answered 429 (which it did not apply) goes back to the queue; a
 * 5xx or a lost answer makes it `unknown`, settled from the app's licenses (gone: it happened;
 * still assigned after the reconcile window: it did not, `notApplied`). Writes go as the agent
 * who asked; while they are not signed in (after a restart) the runner waits. See ADR 0008.
 */
export class BulkRevokeQueue {
  private readonly running = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly reconcileWindowMs: number;
  private readonly throttleBackoffMs: number;
  private readonly confirmTimeoutMs: number;
  private consecutive429 = 0;

  constructor(private readonly options: BulkRevokeQueueOptions) {
    // One sleeper per loop waits on this signal: as many as there are targets or runs.
    setMaxListeners(0, this.abort.signal);
    this.batchSize = Math.min(options.batchSize ?? MAX_BATCH_REQUESTS, MAX_BATCH_REQUESTS);
    this.pollMs = options.pollMs ?? 1000;
    this.reconcileWindowMs = options.reconcileWindowMs ?? 120_000;
    this.throttleBackoffMs = options.throttleBackoffMs ?? 1000;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 30 * 60_000;
  }

  /** Starts (or keeps) the runner of this record; after a restart, resumes it. */
  start(record: StoredAction): void {
    if (this.abort.signal.aborted || this.running.has(record.id)) return;
    const run = this.runLeased(record.id)
      .catch((error: unknown) => {
        if (!this.abort.signal.aborted) {
          this.options.logger.error({ err: error, actionId: record.id }, "bulk revoke stopped");
        }
      })
      .finally(() => this.running.delete(record.id));
    this.running.set(record.id, run);
  }

  get activeCount(): number {
    return this.running.size;
  }

  /** Stops every runner and resolves once none can write any more (before the journal closes). */
  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.running.values()]);
  }

  /** Runs the record under its lease, when there are leases; not at all when another holds it. */
  private async runLeased(id: string): Promise<void> {
    const leases = this.options.leases;
    if (leases === undefined) return this.run(id);
    const lease = await leases.acquire(`bulk-revoke:${id}`);
    if (lease === undefined) return;
    try {
      await this.run(id, lease);
    } finally {
      await lease.release();
    }
  }

  /** `lease`: once it is lost (another instance may send now), this runner stops. */
  private async run(id: string, lease?: WorkLease): Promise<void> {
    let leaseGone = false;
    const stopped = () => this.abort.signal.aborted || leaseGone || lease?.lost.aborted === true;
    let record = await this.load(id);
    if (record === undefined) return;
    if (itemsOf(record).some(isInFlight)) {
      // In flight when the last process ended: Graph may or may not have acted. Reconciled.
      record = await this.save(
        record,
        itemsOf(record).map((item) =>
          isInFlight(item)
            ? {
                ...item,
                state: "unknown" as const,
                graph: {
                  ...(item.graph ?? { clientRequestId: "" }),
                  code: "interrupted",
                  message: "The console restarted while this was sent; checking the licenses.",
                },
              }
            : item,
        ),
      );
    }
    let lastReconcile = 0;
    // How long since the last reading before the next, while items are still to be sent: the
    // poll interval per 1,000 licenses listed (one Graph page), so settling a 20,000-license
    // app's items costs about one read a second, not twenty (issue #19). Once everything is
    // sent, the poll interval again, so the record ends soon after Intune has acted.
    let reconcileEveryMs = this.pollMs;
    while (!stopped()) {
      const items = itemsOf(record);
      const queued = items.filter((item) => item.state === "queued");
      // Unknown items, and items Graph accepted whose license Intune still lists, are settled
      // by reading the licenses: an item is revoked once Intune shows it gone (issue #12, 4).
      const unknown = items.some((item) => item.state === "unknown" || isAwaitingIntune(item));
      if (queued.length === 0 && !unknown) break;
      if (
        queued.length === 0 &&
        Date.now() - Date.parse(record.createdAt) > this.confirmTimeoutMs
      ) {
        break;
      }
      const every = queued.length > 0 ? reconcileEveryMs : this.pollMs;
      if (unknown && Date.now() - lastReconcile >= every) {
        lastReconcile = Date.now();
        const reading = await this.reconcile(record);
        record = reading.record;
        reconcileEveryMs = this.pollMs * Math.max(1, Math.ceil(reading.listed / 1000));
        continue;
      }
      if (queued.length === 0) {
        await this.sleep(this.pollMs - (Date.now() - lastReconcile));
        continue;
      }
      const user = this.options.identities.get(record.actor.oid);
      if (user === undefined) {
        await this.sleep(this.pollMs);
        continue;
      }
      const step = await this.sendBatch(record, user, queued.length, lease);
      record = step.record;
      leaseGone = step.leaseGone;
      if (itemsOf(record).some((item) => item.graph?.code === SIGN_IN_REQUIRED)) {
        // The agent's token no longer gets a Graph token: wait for them to sign in afresh.
        await this.sleep(this.pollMs * 10);
      }
    }
    if (!stopped()) await this.finish(record);
  }

  /** Takes writes from the budget, journals the batch `sent`, sends it, journals the outcomes. */
  private async sendBatch(
    record: StoredAction,
    user: AuthenticatedUser,
    queuedCount: number,
    lease: WorkLease | undefined,
  ): Promise<{ record: StoredAction; leaseGone: boolean }> {
    const wanted = Math.min(queuedCount, this.batchSize);
    const wait = await this.options.budget.nextTurn(wanted);
    if (wait !== undefined) {
      // Throttled, or the write budget is spent: the record says why and until about when.
      record = await this.options.journal.update(record.id, {
        waiting: { reason: wait.reason, until: new Date(wait.at).toISOString() },
      });
    }
    const reservation = await this.options.budget.take(wanted, this.abort.signal);
    // The wait for the budget may have outlasted the lease: another instance may hold the
    // record now, and read these items as queued. Only the holder journals a batch `sent`.
    if (lease !== undefined && !(await lease.confirm())) {
      reservation.settle(reservation.count);
      return { record, leaseGone: true };
    }
    let outcomes = new Map<string, ItemOutcome>();
    let sent: StoredAction;
    let notSent = false;
    try {
      const sentAt = new Date().toISOString();
      const keys = new Set(
        itemsOf(record)
          .filter((item) => item.state === "queued")
          .slice(0, reservation.count)
          .map((item) => item.key),
      );
      sent = await this.save(
        await this.clearWaiting(record),
        itemsOf(record).map((item) =>
          keys.has(item.key)
            ? { ...item, state: "sent" as const, sentAt, graph: { clientRequestId: randomUUID() } }
            : item,
        ),
        { state: "sent", sentAt: record.sentAt ?? sentAt },
      );
      if (lease !== undefined && !(await lease.confirm())) {
        // The write outlasted the lease (a stalled process): another instance may have taken
        // the record and read these items before it, as queued. Not sent from here; the next
        // holder finds them `sent` and settles them from the licenses (ADR 0020).
        notSent = true;
        return { record: sent, leaseGone: true };
      }
      outcomes = await this.send(
        sent,
        user,
        itemsOf(sent).filter((item) => keys.has(item.key)),
      );
    } finally {
      // Writes Graph refused with 429, or that never left, were not counted by Graph either.
      reservation.settle(
        notSent
          ? reservation.count
          : [...outcomes.values()].filter((o) => o.state === "queued").length,
      );
    }
    const retryAfter = [...outcomes.values()].flatMap((o) =>
      o.state === "queued" && o.graph.status === 429 ? [o.retryAfterSeconds] : [],
    );
    if (retryAfter.length > 0) {
      this.consecutive429++;
      const seconds = retryAfter.filter((s): s is number => s !== undefined);
      const waitMs =
        seconds.length > 0
          ? Math.max(...seconds) * 1000
          : Math.min(30_000, this.throttleBackoffMs * 2 ** (this.consecutive429 - 1));
      this.options.logger.info(
        { actionId: record.id, throttled: retryAfter.length, waitMs },
        "bulk revoke throttled by Graph; waiting",
      );
      this.options.budget.blockFor(waitMs);
    } else {
      this.consecutive429 = 0;
    }
    // Still the holder: `sent` is the latest version. Otherwise another instance may have
    // written since; only this batch's items take their outcomes, onto the journal's version.
    const stillHeld = lease === undefined || (await lease.confirm());
    const base = stillHeld ? sent : ((await this.load(record.id)) ?? sent);
    const saved = await this.save(
      base,
      itemsOf(base).map((item) => {
        if (!stillHeld && !isOfBatch(item, sent)) return item;
        const outcome = outcomes.get(item.key);
        if (outcome === undefined) return item;
        const { sentAt: _sentAt, ...unsent } = item;
        if (outcome.state === "queued") {
          return { ...unsent, state: "queued" as const, graph: outcome.graph };
        }
        // Graph accepted it: `sent` (with its answer) until Intune no longer lists the license.
        const state = outcome.state === "succeeded" ? ("sent" as const) : outcome.state;
        return { ...item, state, graph: outcome.graph };
      }),
    );
    return { record: saved, leaseGone: !stillHeld };
  }

  /** One `$batch`; each item's outcome, keyed by item key. */
  private async send(
    record: StoredAction,
    user: AuthenticatedUser,
    items: readonly BulkItem[],
  ): Promise<Map<string, ItemOutcome>> {
    const notifyManagedDevices = record.parameters.notifyManagedDevices === true;
    const posts = items.map((item, index) => ({
      id: String(index + 1),
      ...graphCallOf(record, item, notifyManagedDevices),
      clientRequestId: item.graph?.clientRequestId ?? randomUUID(),
    }));
    const outcomes = new Map<string, ItemOutcome>();
    let answers: Map<string, BatchAnswer>;
    try {
      answers = (await postBatch(this.options.graph, user, "beta", posts)).answers;
    } catch (error) {
      const outcome = fromCallOutcome(classifyCallFailure(error, ""));
      if (outcome.state === "unknown") {
        this.options.logger.warn(
          { actionId: record.id, items: items.length, err: error },
          "bulk revoke batch outcome unknown",
        );
      }
      items.forEach((item, index) => {
        const clientRequestId = posts[index]?.clientRequestId ?? "";
        outcomes.set(item.key, { ...outcome, graph: { ...outcome.graph, clientRequestId } });
      });
      return outcomes;
    }
    items.forEach((item, index) => {
      const post = posts[index];
      if (post === undefined) return;
      outcomes.set(item.key, itemOutcome(answers.get(post.id), post.clientRequestId));
    });
    return outcomes;
  }

  /**
   * Settles `unknown` items, and items Graph accepted, from what Intune lists now, read as anyone
   * signed in: each app's licenses (one read per app with such items), and for offboarding's
   * retires the user's devices (gone: retired; `retireFailed`: failed).
   */
  private async reconcile(record: StoredAction): Promise<{ record: StoredAction; listed: number }> {
    const reader = this.options.identities.pick(record.actor.oid);
    if (reader === undefined) return { record, listed: 0 };
    const pending = itemsOf(record).filter(
      (item) => item.state === "unknown" || isAwaitingIntune(item),
    );
    const appIds = new Set(
      pending.filter((item) => item.operation !== "retire").map((item) => appIdOf(record, item)),
    );
    /** Keys of items still standing (license assigned, device still managed), per app/device. */
    const standing = new Map<string, string | undefined>();
    let listed = 0;
    try {
      for (const appId of appIds) {
        const licenses = await listAllAssignedLicenses(this.options.graph, reader, appId);
        listed += licenses.length;
        for (const license of licenses) {
          const key = assignedLicenseKeyOf(license);
          if (key !== undefined) standing.set(licenseItemKeyOf(record, appId, key), undefined);
        }
      }
      if (pending.some((item) => item.operation === "retire")) {
        const devices = await listUserDevices(this.options.graph, reader, record.target.id);
        for (const device of devices) {
          standing.set(offboardRetireKeyOf(device.id), device.managementState);
        }
      }
    } catch (error) {
      this.options.logger.warn(
        { err: error, actionId: record.id },
        "bulk revoke could not read licenses",
      );
      return { record, listed };
    }
    const now = Date.now();
    const before = itemsOf(record);
    const items = before.map((item): BulkItem => {
      const managementState = standing.get(item.key);
      if (item.operation === "retire" && isRetireFailedState(managementState)) {
        if (item.state !== "unknown" && !isAwaitingIntune(item)) return item;
        return {
          ...item,
          state: "failed",
          managementState,
          graph: {
            ...(item.graph ?? { clientRequestId: "" }),
            code: managementState ?? "retireFailed",
            message: "Intune could not retire this device.",
          },
        };
      }
      // A device whose retire Intune has started counts as acted on; it is done once gone.
      const acted =
        !standing.has(item.key) ||
        (item.operation === "retire" && isRetiringState(managementState));
      if (isAwaitingIntune(item)) {
        if (standing.has(item.key)) {
          return item.operation === "retire" && managementState !== item.managementState
            ? { ...item, ...(managementState === undefined ? {} : { managementState }) }
            : item;
        }
        const { managementState: _gone, ...rest } = item;
        return { ...rest, state: "succeeded" };
      }
      if (item.state !== "unknown") return item;
      const graph = item.graph ?? { clientRequestId: "" };
      if (acted && item.operation === "retire" && standing.has(item.key)) {
        // Being retired: Graph did act on the lost call; followed until the device has gone.
        return {
          ...item,
          state: "sent",
          ...(managementState === undefined ? {} : { managementState }),
          graph: { ...graph, status: 204, code: "reconciled" },
        };
      }
      if (acted) {
        return {
          ...item,
          state: "succeeded",
          graph: {
            ...graph,
            code: "reconciled",
            message:
              item.operation === "retire"
                ? "Its answer was lost, but the device has left Intune: it was retired."
                : "Its answer was lost, but the license is no longer assigned: it was revoked.",
          },
        };
      }
      if (now - Date.parse(item.sentAt ?? record.createdAt) > this.reconcileWindowMs) {
        return {
          ...item,
          state: "failed",
          graph: {
            ...graph,
            code: "notApplied",
            message:
              item.operation === "retire"
                ? "The device is still managed well after this was sent: it was not retired. " +
                  "Retry it as a new action."
                : "The license is still assigned well after this was sent: it was not revoked. " +
                  "Revoke it again as a new action.",
          },
        };
      }
      return item;
    });
    return {
      record: items.some((item, index) => item !== before[index])
        ? await this.save(record, items)
        : record,
      listed,
    };
  }

  private async finish(record: StoredAction): Promise<void> {
    const counts = countItems(itemsOf(record));
    const graph = record.graph ?? { clientRequestId: "" };
    let outcome: ActionPatch = {};
    if (counts.failed > 0) {
      outcome = {
        graph: {
          ...graph,
          code: "someNotRevoked",
          message:
            record.kind === "app.revoke-licenses-bulk"
              ? `${counts.failed} of ${counts.total} licenses were not revoked.`
              : record.kind === "user.retire-selected-devices"
                ? `${counts.failed} of ${counts.total} devices were not retired.`
                : `${counts.failed} of ${counts.total} items did not succeed.`,
        },
      };
    } else if (counts.sent > 0) {
      // Accepted by Graph, but Intune still listed them when the watch ended: not claimed done.
      outcome = {
        graph: {
          ...graph,
          code: "notConfirmed",
          message:
            `Graph accepted ${counts.sent} of ${counts.total} calls, but Intune still lists ` +
            "those licenses or devices; check them again.",
        },
      };
    }
    await this.save(record, itemsOf(record), {
      state: counts.failed === 0 && counts.sent === 0 ? "succeeded" : "failed",
      completedAt: new Date().toISOString(),
      ...outcome,
    });
  }

  private async load(id: string): Promise<StoredAction | undefined> {
    const record = await this.options.journal.get(id);
    return record !== undefined && QUEUED_KINDS.has(record.kind) && record.items !== undefined
      ? record
      : undefined;
  }

  /** One journal write (and so one event) for every item change of a step. */
  private async save(
    record: StoredAction,
    items: BulkItem[],
    patch: ActionPatch = {},
  ): Promise<StoredAction> {
    return this.options.journal.update(record.id, {
      ...patch,
      items,
      itemCounts: countItems(items),
    });
  }

  /** Drops `waiting` as the batch goes out (a patch cannot drop a field). */
  private async clearWaiting(record: StoredAction): Promise<StoredAction> {
    if (record.waiting === undefined) return record;
    const { waiting: _waiting, ...rest } = record;
    // The runner is this record's only writer while it sends, so `record` is the latest.
    return this.options.journal.replace(rest);
  }

  private sleep(ms: number): Promise<void> {
    return abortableSleep(ms, this.abort.signal);
  }
}

const itemsOf = (record: StoredAction): BulkItem[] => record.items ?? [];

/** The app a license item is about: its own (offboarding) or the record's target (bulk). */
const appIdOf = (record: StoredAction, item: BulkItem): string => item.appId ?? record.target.id;

/** A license's item key in this record: offboarding keys carry the app (offboard-plan.ts). */
const licenseItemKeyOf = (record: StoredAction, appId: string, licenseKey: string): string =>
  record.kind === "app.revoke-licenses-bulk" ? licenseKey : offboardItemKeyOf(appId, licenseKey);

/** The one Graph call an item makes: a device's retire, or a user or device license's revoke. */
const graphCallOf = (
  record: StoredAction,
  item: BulkItem,
  notifyManagedDevices: boolean,
): { path: string; body: unknown } => {
  if (item.operation === "retire") {
    // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-retire?view=graph-rest-beta
    return { path: `${managedDevicePath(item.id)}/retire`, body: undefined };
  }
  // https://learn.microsoft.com/graph/api/intune-apps-iosvppapp-revokeuserlicense?view=graph-rest-beta
  const app = appPath(appIdOf(record, item));
  return item.kind === "user"
    ? { path: `${app}/revokeUserLicense`, body: { userId: item.id, notifyManagedDevices } }
    : {
        path: `${app}/revokeDeviceLicense`,
        body: { managedDeviceId: item.id, notifyManagedDevices },
      };
};

/** Journaled `sent` and its batch not answered (yet, or ever: the process ended). */
const isInFlight = (item: BulkItem): boolean =>
  item.state === "sent" && item.graph?.status === undefined;

/** Whether the journal's `item` is still the one this batch journaled `sent` (same request id). */
const isOfBatch = (item: BulkItem, sent: StoredAction): boolean => {
  const mine = itemsOf(sent).find((other) => other.key === item.key);
  return (
    mine?.state === "sent" &&
    (item.state === "sent" || item.state === "unknown") &&
    item.graph?.clientRequestId === mine.graph?.clientRequestId
  );
};

/** Graph accepted its revoke; Intune still has to show the license gone. */
const isAwaitingIntune = (item: BulkItem): boolean =>
  item.state === "sent" && item.graph?.status !== undefined;

/**
 * A sub-request's answer (or the whole batch's failure) for one item, by the pipeline's
 * classification: provably not applied (429, or refused before acting) goes back to the queue.
 */
const itemOutcome = (answer: BatchAnswer | undefined, clientRequestId: string): ItemOutcome => {
  if (answer === undefined) {
    return {
      state: "unknown",
      graph: {
        clientRequestId,
        code: "noAnswer",
        message: "Graph's batch answer did not include this request.",
      },
    };
  }
  if (answer.ok) return { state: "succeeded", graph: { clientRequestId, status: answer.status } };
  return fromCallOutcome(classifyCallFailure(answer.error, clientRequestId));
};

const fromCallOutcome = (outcome: CallOutcome): ItemOutcome => {
  if (outcome.state !== "not-sent") return outcome;
  if (outcome.cause === "signInRequired") {
    // Refused before Graph acted: sent again once the agent has signed in afresh.
    return { state: "queued", graph: { ...outcome.graph, code: SIGN_IN_REQUIRED } };
  }
  return { state: "queued", graph: outcome.graph, retryAfterSeconds: outcome.retryAfterSeconds };
};
