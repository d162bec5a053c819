import { createHash, randomUUID } from "node:crypto";
import {
  INTUNE_ROLE_MISSING,
  intunePermissionLabels,
  isTerminalGraphActionState,
  openActionKeyOf,
  type ActionKind,
  type ActionSubject,
  type BulkItem,
  type BulkItemCounts,
  type ActionProgress,
  type ActionStep,
  type ActionTarget,
  type GraphOutcome,
  type IntunePermission,
} from "@ihc/contracts";
import type { Logger } from "pino";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { ClaimsChallengeError } from "../auth/claims-challenge-error.js";
import { TokenAcquisitionError } from "../auth/obo-token-provider.js";
import { GraphError, GraphOutcomeUnknownError } from "../graph/graph-error.js";
import type { RetryWaitListener } from "../graph/graph-call.js";
import type { GraphGateway, GraphVersion } from "../graph/graph-gateway.js";
import { ActionRunningError, IdempotencyKeyReusedError } from "../errors.js";
import type { AppWriteBudget, WriteReservation } from "./write-budget.js";
import { pipelineRunLease, type WorkLease, type WorkLeases } from "./work-leases.js";
import {
  StoredActionSchema,
  type ActionJournal,
  type ActionPatch,
  type StoredAction,
} from "./action-journal.js";

export interface GraphCallSpec {
  version: GraphVersion;
  path: string;
  body?: unknown;
}

export interface ActionRequestBase {
  kind: ActionKind;
  idempotencyKey: string;
  user: AuthenticatedUser;
  target: ActionTarget;
  /** What the agent chose (recorded as asked, and hashed for the idempotency check). */
  parameters: Record<string, unknown>;
  reason?: string | undefined;
  /** Known before the call, e.g. licenses in use before a revoke. */
  progress?: ActionProgress;
  /** See StoredAction.watchAfter. */
  watchAfter?: string | undefined;
  /** See StoredAction.baseline. */
  baseline?: Record<string, string> | undefined;
  /** Who or what within the target, as Graph showed them now (kept in the journal). */
  subjects?: ActionSubject[] | undefined;
  /**
   * Graph's write limit this action shares with others (an app's revokes, single and bulk):
   * each call takes one write from it before it goes, the record saying it waits meanwhile.
   */
  writeBudget?: AppWriteBudget | undefined;
}

export interface SingleCallActionRequest extends ActionRequestBase {
  /** The one Graph call this action makes. */
  graph: GraphCallSpec;
  /**
   * What the one call acts on, when it acts on several things (retire all of a user's devices):
   * journaled `queued` with the record; after the call each takes its outcome (`sent` when
   * Graph accepted it, until a watcher settles each item; `failed`; `unknown`).
   */
  items?: BulkItem[];
}

/** An action made of several Graph calls, sent in order (e.g. revoke then create a token). */
export interface MultiStepActionRequest extends ActionRequestBase {
  steps: readonly (GraphCallSpec & { name: string })[];
}

export type ActionRequest = SingleCallActionRequest | MultiStepActionRequest;

/**
 * An action of many items (a bulk revoke): journaled with every item `queued`, then sent by a
 * queue rather than here. Its idempotency hash covers the items' keys.
 */
export interface BulkActionRequest extends ActionRequestBase {
  items: BulkItem[];
}

/** A read that is itself audited (an agent was shown a secret); Graph's outcome of the read. */
export interface AuditedReadRequest {
  kind: ActionKind;
  user: AuthenticatedUser;
  target: ActionTarget;
  parameters: Record<string, unknown>;
  reason?: string | undefined;
  graph: GraphOutcome;
}

export interface ActionPipelineDeps {
  /** Publishes every write (PublishingActionJournal). */
  journal: ActionJournal;
  graph: GraphGateway;
  logger: Logger;
  /**
   * With several instances: each run holds its record's lease from before the record exists to
   * its outcome, so another instance recovers it only once this one has died (ADR 0020).
   */
  leases?: WorkLeases | undefined;
}

/**
 * The one way a destructive action reaches Graph (DESIGN §6):
 * 1. journal the request (actor, target, parameters, reason, key) — durably — as `accepted`;
 * 2. journal `sent` with our client-request-id, then make the ONE Graph call;
 * 3. journal the outcome: `succeeded`, `failed` (Graph refused: it did not act), or `unknown`
 *    (5xx, timeout, dropped connection: it may have acted; reconciled by reading, never resent).
 * The same key again returns the same record and calls Graph no more. A record that never
 * reached Graph (a claims challenge before sending, a restart between 1 and 2) may run again
 * under its key: nothing was sent, so nothing can be doubled.
 *
 * A multi-step action (`steps`) does 2–3 per call, in order, in one record: each step is
 * journaled `sent` before it goes and its outcome after; the first step that does not succeed
 * ends the record with that step's state, and later steps are not sent. `graph` is the last
 * sent step's outcome. No step is ever sent twice: the record may run again only if its first
 * step was never sent.
 */
export class ActionPipeline {
  /** Runs whose Graph calls may still be out: shutdown lets them finish before the journal closes. */
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The tail of each open-action key's insert chain (see insert). */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: ActionPipelineDeps) {}

  run(request: ActionRequest): Promise<{ record: StoredAction; created: boolean }> {
    const run = this.runOnce(request);
    const tracked = run.catch(() => undefined).finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return run;
  }

  /**
   * Resolves when no run is in flight, or after `graceMs`. A run cut off by the process ending
   * stays `sent` in the journal and is settled as `unknown` after the restart.
   */
  async idle(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.all([...this.inFlight]), deadline]);
    clearTimeout(timer);
  }

  private async runOnce(
    request: ActionRequest,
  ): Promise<{ record: StoredAction; created: boolean }> {
    const items = "steps" in request ? undefined : request.items;
    const { leases } = this.deps;
    const id = randomUUID();
    // Taken before the record exists, so no other instance can see it unleased.
    let lease = await leases?.acquire(pipelineRunLease(id));
    try {
      const { record, created } = await this.insert(
        request,
        hashRequest(request),
        items === undefined ? {} : { items, itemCounts: countItems(items) },
        id,
      );
      if (!created && !mayRunAgain(record)) return { record, created: false };
      if (leases !== undefined && record.id !== id) {
        // A record under this key that may run again: under its own lease, or not here.
        await lease?.release();
        lease = await leases.acquire(pipelineRunLease(record.id));
        if (lease === undefined) return { record, created: false };
      }
      return { record: await this.send(record, request, lease), created: true };
    } finally {
      await lease?.release();
    }
  }

  /**
   * Journals a bulk action (every item `queued`) without sending anything: its queue sends the
   * items. The same key and items again return the same record; other items are a 422.
   */
  async accept(request: BulkActionRequest): Promise<{ record: StoredAction; created: boolean }> {
    const hash = hashRequest({
      ...request,
      parameters: { ...request.parameters, itemKeys: request.items.map((item) => item.key) },
    });
    return this.insert(request, hash, {
      items: request.items,
      itemCounts: countItems(request.items),
    });
  }

  /**
   * Inserts the `accepted` record, or finds this caller's record under the key (same body). A
   * new key is refused (409, nothing journaled or sent) while another action of the same kind
   * on the same thing is open: the check and the insert hold that thing's lock, so two tabs
   * racing make one record.
   */
  private async insert(
    request: ActionRequestBase,
    requestHash: string,
    extra: ActionPatch = {},
    id: string = randomUUID(),
  ): Promise<{ record: StoredAction; created: boolean }> {
    const now = new Date().toISOString();
    // Each kind's parameters are checked by its schema before they are journaled.
    const candidate = StoredActionSchema.parse({
      id,
      kind: request.kind,
      idempotencyKey: request.idempotencyKey,
      actor: actorOf(request.user),
      target: request.target,
      parameters: request.parameters,
      ...(request.subjects === undefined ? {} : { subjects: request.subjects }),
      ...(request.reason === undefined ? {} : { reason: request.reason }),
      state: "accepted",
      graph: { clientRequestId: randomUUID() },
      ...(request.progress === undefined ? {} : { progress: request.progress }),
      ...(request.watchAfter === undefined ? {} : { watchAfter: request.watchAfter }),
      ...(request.baseline === undefined ? {} : { baseline: request.baseline }),
      ...extra,
      createdAt: now,
      updatedAt: now,
      requestHash,
    });
    const { record, created } = await this.exclusive(openActionKeyOf(candidate), async () => {
      const { journal } = this.deps;
      if ((await journal.findByKey(candidate.actor.oid, candidate.idempotencyKey)) === undefined) {
        const running = await this.openActionLike(candidate);
        // Another instance may have journaled this very key since findByKey: insert returns it.
        const sameKey =
          running?.actor.oid === candidate.actor.oid &&
          running.idempotencyKey === candidate.idempotencyKey;
        if (running !== undefined && !sameKey) {
          throw new ActionRunningError({
            id: running.id,
            kind: running.kind,
            actor: running.actor,
            createdAt: running.createdAt,
          });
        }
      }
      return journal.insert(candidate);
    });
    if (!created && record.requestHash !== requestHash) {
      throw new IdempotencyKeyReusedError(
        "This Idempotency-Key was already used for a different request. Open the dialog " +
          "again to start a new action.",
      );
    }
    return { record, created };
  }

  /** An open record of the same kind about the same thing as `record` (issue #12, 3). */
  private async openActionLike(record: StoredAction): Promise<StoredAction | undefined> {
    const key = openActionKeyOf(record);
    return (await this.deps.journal.listOpen()).find(
      (other) => other.id !== record.id && isStillOpen(other) && openActionKeyOf(other) === key,
    );
  }

  /** Runs `work` alone for this key within this process. */
  private async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.locks.get(key) ?? Promise.resolve();
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    this.locks.set(key, tail);
    try {
      return await mine;
    } finally {
      if (this.locks.get(key) === tail) this.locks.delete(key);
    }
  }

  /**
   * The record this caller already made under this key, unless it may run again. Lets a route
   * answer a replay with its record before checking preconditions the action itself changed
   * (a revoked token is gone, so the replay of its revoke must not become a 409).
   */
  async replayOf(
    user: AuthenticatedUser,
    idempotencyKey: string,
    route: { kind: ActionKind; targetId: string },
  ): Promise<StoredAction | undefined> {
    const record = await this.deps.journal.findByKey(user.oid, idempotencyKey);
    if (record === undefined || mayRunAgain(record)) return undefined;
    // A replay answers only on the route that made the record (issue #17, 4): the same key on
    // another app's or profile's route is another request, never that record.
    if (
      record.kind !== route.kind ||
      record.target.id.toLowerCase() !== route.targetId.toLowerCase()
    ) {
      throw new IdempotencyKeyReusedError(
        "This Idempotency-Key was already used for another action or target. Open the dialog " +
          "again to start a new action.",
      );
    }
    return record;
  }

  /**
   * Journals a read that must be audited, as a record that is already `succeeded` (nothing is
   * written to Graph), durably, before the caller answers with what it read.
   */
  async recordRead(request: AuditedReadRequest): Promise<StoredAction> {
    const now = new Date().toISOString();
    const { record } = await this.deps.journal.insert(
      StoredActionSchema.parse({
        id: randomUUID(),
        kind: request.kind,
        idempotencyKey: randomUUID(),
        actor: actorOf(request.user),
        target: request.target,
        parameters: request.parameters,
        ...(request.reason === undefined ? {} : { reason: request.reason }),
        state: "succeeded",
        graph: request.graph,
        createdAt: now,
        updatedAt: now,
        completedAt: now,
        requestHash: hashRequest(request),
      }),
    );
    return record;
  }

  /**
   * Sends the action's Graph calls in order — one for most kinds, several for a multi-step
   * action — each journaled `sent` before it goes and its outcome after. The first call that
   * does not succeed ends the record with its state; later calls are not sent.
   */
  private async send(
    record: StoredAction,
    request: ActionRequest,
    lease: WorkLease | undefined,
  ): Promise<StoredAction> {
    const { journal } = this.deps;
    const multiStep = "steps" in request;
    const calls = multiStep ? request.steps : [{ name: request.kind, ...request.graph }];
    // A record that runs again (it never reached Graph) lists the items as they are now.
    const items = multiStep ? undefined : request.items;
    let current = record;
    /** While Graph's 429 holds the call back, the record says so, and until when. */
    const onRetryWait = async (until: Date | undefined): Promise<void> => {
      try {
        current =
          until === undefined
            ? await this.updateClearingWaiting(current, {})
            : await journal.update(record.id, {
                waiting: { reason: "throttled", until: until.toISOString() },
              });
      } catch (error) {
        // Only the explanation is lost; the call itself must go on.
        this.deps.logger.warn({ err: error, actionId: record.id }, "could not journal a wait");
      }
    };
    const steps: ActionStep[] = [];
    for (const [index, call] of calls.entries()) {
      const clientRequestId =
        index === 0 ? (record.graph?.clientRequestId ?? randomUUID()) : randomUUID();
      const write = await this.takeWrite(current, request.writeBudget);
      current = write.current;
      // The wait for a write may have outlasted the run's lease: another instance may have
      // recovered the record since. Only the holder journals `sent`; the journal tells the rest.
      if (lease !== undefined && !(await lease.confirm())) {
        write.reservation?.settle(1);
        return (await journal.get(record.id)) ?? current;
      }
      let outcome: CallOutcome;
      let error: unknown;
      let sentAt: string;
      try {
        sentAt = current.sentAt ?? new Date().toISOString();
        steps.push({ name: call.name, state: "sent", graph: { clientRequestId } });
        current = await this.updateClearingWaiting(current, {
          state: "sent",
          sentAt,
          graph: { clientRequestId },
          ...(multiStep ? { steps: [...steps] } : {}),
          ...(items === undefined || index > 0 ? {} : { items, itemCounts: countItems(items) }),
        });
        // The write outlasted the lease (a stalled process): another instance may be
        // recovering the record. Not sent from here; the recovery settles it by reading Graph.
        if (lease !== undefined && !(await lease.confirm())) return current;
        ({ outcome, error } = await this.call(
          request.user,
          call,
          clientRequestId,
          record.id,
          onRetryWait,
        ));
      } finally {
        write.reservation?.settle();
      }
      const state = outcome.state === "not-sent" ? "failed" : outcome.state;
      steps[index] = { name: call.name, state, graph: outcome.graph };
      const nothingSent = outcome.state === "not-sent" && outcome.cause === "signInRequired";
      // Intune refused for a missing Intune role: the record fails with that reason, and the
      // caller gets the intuneRoleMissing problem (403), not a 202 for an action that failed.
      const refusedByRole = isIntuneRoleRefusal(error);
      const completedAt = new Date().toISOString();
      if (nothingSent && index === 0) {
        // Nothing at all reached Graph: journaled as never sent, so the key may run again.
        const { sentAt: _sentAt, steps: _steps, waiting: _waiting, ...unsent } = current;
        await journal.replace({
          ...unsent,
          state,
          graph: outcome.graph,
          ...itemsAfter(current.items, state, outcome.graph, undefined),
          completedAt,
        });
        throw error;
      }
      if (state !== "succeeded" || index === calls.length - 1) {
        current = await this.updateClearingWaiting(current, {
          state,
          graph: outcome.graph,
          ...(multiStep ? { steps: [...steps] } : {}),
          ...itemsAfter(current.items, state, outcome.graph, sentAt),
          ...(state === "failed" ? { completedAt } : {}),
        });
        if (nothingSent || refusedByRole) throw error;
        return current;
      }
      current = await journal.update(record.id, { steps: [...steps] });
    }
    return current;
  }

  /**
   * Takes one write from the action's budget, if it has one. While it waits for its turn the
   * record says why and until about when (issue #12, 5); the `sent` write clears that.
   */
  private async takeWrite(
    current: StoredAction,
    budget: AppWriteBudget | undefined,
  ): Promise<{ current: StoredAction; reservation?: WriteReservation }> {
    if (budget === undefined) return { current };
    const wait = await budget.nextTurn(1);
    const waiting =
      wait === undefined
        ? current
        : await this.deps.journal.update(current.id, {
            waiting: { reason: wait.reason, until: new Date(wait.at).toISOString() },
          });
    return { current: waiting, reservation: await budget.take(1) };
  }

  /** Journals `patch`, and drops `waiting` (which a patch cannot) when the record has one. */
  private async updateClearingWaiting(
    current: StoredAction,
    patch: ActionPatch,
  ): Promise<StoredAction> {
    if (current.waiting === undefined) return this.deps.journal.update(current.id, patch);
    const { waiting: _waiting, ...rest } = current;
    // The pipeline is this record's only writer while it sends, so `current` is the latest.
    return this.deps.journal.replace(StoredActionSchema.parse({ ...rest, ...patch }));
  }

  /** One Graph call and what its answer (or its absence) means. */
  private async call(
    user: AuthenticatedUser,
    call: GraphCallSpec & { name: string },
    clientRequestId: string,
    actionId: string,
    onRetryWait: RetryWaitListener,
  ): Promise<{ outcome: CallOutcome; error?: unknown }> {
    try {
      const response = await this.deps.graph.post(user, call.path, {
        version: call.version,
        body: call.body,
        clientRequestId,
        onRetryWait,
      });
      return {
        outcome: {
          state: "succeeded",
          graph: outcomeOf(clientRequestId, {
            status: response.status,
            requestId: response.requestId,
          }),
        },
      };
    } catch (error) {
      const outcome = classifyCallFailure(error, clientRequestId);
      if (outcome.state === "unknown") {
        this.deps.logger.warn(
          { actionId, clientRequestId, step: call.name },
          "action outcome unknown",
        );
      }
      return { outcome, error };
    }
  }
}

/** The items of a single call after its outcome (see SingleCallActionRequest.items). */
const itemsAfter = (
  items: readonly BulkItem[] | undefined,
  outcome: "succeeded" | "failed" | "unknown",
  graph: GraphOutcome,
  sentAt: string | undefined,
): Pick<StoredAction, "items" | "itemCounts"> => {
  if (items === undefined) return {};
  const state = outcome === "succeeded" ? "sent" : outcome;
  const next = items.map((item): BulkItem => ({
    ...item,
    state,
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(state === "failed" ? { graph } : {}),
  }));
  return { items: next, itemCounts: countItems(next) };
};

/** How many of a bulk action's items are in each state. */
export const countItems = (items: readonly BulkItem[]): BulkItemCounts => {
  const counts: BulkItemCounts = {
    total: items.length,
    queued: 0,
    sent: 0,
    succeeded: 0,
    failed: 0,
    unknown: 0,
  };
  for (const item of items) counts[item.state]++;
  return counts;
};

/** Kinds nothing follows: an `unknown` outcome of theirs stays so and holds nothing. */
const UNFOLLOWED_KINDS: ReadonlySet<string> = new Set([
  "vpp-token.sync-licenses",
  "device.sync",
  "device.wipe",
]);

/**
 * Whether a record still holds its target (at most one open per kind and target): not yet
 * answered, or answered and still followed — Graph's progress not final, or an `unknown`
 * outcome a watcher is settling. A watch that timed out no longer holds it.
 */
export const isStillOpen = (record: StoredAction): boolean => {
  if (record.state === "accepted" || record.state === "sent") return true;
  if (record.progress?.watchTimedOut === true) return false;
  if (record.state === "unknown") return !UNFOLLOWED_KINDS.has(record.kind);
  return (
    record.state === "succeeded" &&
    record.progress !== undefined &&
    !isTerminalGraphActionState(record.progress.actionState)
  );
};

const mayRunAgain = (record: StoredAction): boolean =>
  record.state === "failed" && record.sentAt === undefined;

const actorOf = (user: AuthenticatedUser): StoredAction["actor"] => ({
  oid: user.oid,
  userPrincipalName: user.username ?? user.oid,
  displayName: user.name ?? user.username ?? user.oid,
});

const hashRequest = (
  request: Pick<ActionRequestBase, "kind" | "target" | "parameters" | "reason">,
): string =>
  createHash("sha256")
    .update(
      JSON.stringify([
        request.kind,
        request.target.type,
        request.target.id,
        sortKeys(request.parameters),
        request.reason ?? "",
      ]),
    )
    .digest("hex");

const sortKeys = (value: Record<string, unknown>): [string, unknown][] =>
  Object.entries(value).sort(([a], [b]) => a.localeCompare(b));

const outcomeOf = (
  clientRequestId: string,
  fields: {
    status?: number | undefined;
    requestId?: string | undefined;
    code?: string;
    message?: string;
  },
): GraphOutcome => ({
  clientRequestId,
  ...(fields.status === undefined ? {} : { status: fields.status }),
  ...(fields.requestId === undefined ? {} : { requestId: fields.requestId }),
  ...(fields.code === undefined ? {} : { code: fields.code }),
  ...(fields.message === undefined ? {} : { message: fields.message }),
});

/**
 * What a Graph call's answer, or its absence, means — the one classification every sender uses
 * (the pipeline, the bulk queue's `$batch` and its sub-requests):
 * - `failed`: Graph refused (4xx): it did not act;
 * - `not-sent`: provably not applied — a 429 (`throttled`, may be sent again after Retry-After),
 *   or no Graph token / a claims challenge (`signInRequired`, refused before acting);
 * - `unknown`: 5xx, a timeout or a dropped connection: it may have acted; settled by reading.
 */
export type CallOutcome =
  | { state: "succeeded" | "failed" | "unknown"; graph: GraphOutcome }
  | {
      state: "not-sent";
      cause: "throttled" | "signInRequired";
      graph: GraphOutcome;
      retryAfterSeconds?: number | undefined;
    };

/** A 403 Intune gave because the person has no Intune role for the call (intune-permission-of.ts). */
const isIntuneRoleRefusal = (
  error: unknown,
): error is GraphError & { intunePermission: IntunePermission } =>
  error instanceof GraphError && error.status === 403 && error.intunePermission !== undefined;

export const classifyCallFailure = (error: unknown, clientRequestId: string): CallOutcome => {
  if (error instanceof GraphError) {
    const graph = outcomeOf(clientRequestId, {
      status: error.status,
      requestId: error.requestId,
      code: error.code,
      message: error.message,
    });
    if (isIntuneRoleRefusal(error)) {
      return {
        state: "failed",
        graph: {
          ...graph,
          code: INTUNE_ROLE_MISSING,
          message: `Intune refused: no Intune role with "${intunePermissionLabels[error.intunePermission]}".`,
        },
      };
    }
    if (error.status === 429) {
      return {
        state: "not-sent",
        cause: "throttled",
        graph,
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
    return { state: error.status >= 500 ? "unknown" : "failed", graph };
  }
  if (error instanceof ClaimsChallengeError) {
    return {
      state: "not-sent",
      cause: "signInRequired",
      graph: outcomeOf(clientRequestId, {
        code: "claims_challenge",
        message: "Microsoft Graph asked for a fresh sign-in before acting; nothing was done.",
      }),
    };
  }
  if (error instanceof TokenAcquisitionError) {
    return {
      state: "not-sent",
      cause: "signInRequired",
      graph: outcomeOf(clientRequestId, { code: error.errorCode, message: error.message }),
    };
  }
  if (error instanceof GraphOutcomeUnknownError) {
    return {
      state: "unknown",
      graph: outcomeOf(clientRequestId, {
        code: error.timedOut ? "timeout" : "connectionLost",
        message: error.message,
      }),
    };
  }
  return {
    state: "unknown",
    graph: outcomeOf(clientRequestId, {
      code: "internal",
      message: error instanceof Error ? error.message : String(error),
    }),
  };
};
