import { createHash, randomUUID } from "node:crypto";
import type {
  ActionKind,
  BulkItem,
  BulkItemCounts,
  ActionProgress,
  ActionStep,
  ActionTarget,
  GraphOutcome,
} from "@ihc/contracts";
import type { Logger } from "pino";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { ClaimsChallengeError } from "../auth/claims-challenge-error.js";
import { TokenAcquisitionError } from "../auth/obo-token-provider.js";
import { GraphError, GraphOutcomeUnknownError } from "../graph/graph-error.js";
import type { GraphGateway, GraphVersion } from "../graph/graph-gateway.js";
import { IdempotencyKeyReusedError } from "../errors.js";
import type { ActionJournal, StoredAction } from "./action-journal.js";
import { publishAction } from "./action-events.js";
import type { EventBus } from "./event-bus.js";

export interface GraphCallSpec {
  version: GraphVersion;
  path: string;
  body?: unknown;
}

interface ActionRequestBase {
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
  journal: ActionJournal;
  bus: EventBus;
  graph: GraphGateway;
  logger: Logger;
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
    const { record, created } = await this.insert(
      request,
      hashRequest(request),
      items === undefined ? {} : { items, itemCounts: countItems(items) },
    );
    if (!created && !mayRunAgain(record)) return { record, created: false };
    const final =
      "steps" in request ? await this.sendSteps(record, request) : await this.send(record, request);
    return { record: final, created: true };
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

  /** Inserts the `accepted` record, or finds this caller's record under the key (same body). */
  private async insert(
    request: ActionRequestBase,
    requestHash: string,
    extra: Partial<StoredAction> = {},
  ): Promise<{ record: StoredAction; created: boolean }> {
    const now = new Date().toISOString();
    const { record, created } = await this.deps.journal.insert({
      id: randomUUID(),
      kind: request.kind,
      idempotencyKey: request.idempotencyKey,
      actor: actorOf(request.user),
      target: request.target,
      parameters: request.parameters,
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
    if (created) {
      this.publish(record);
    } else if (record.requestHash !== requestHash) {
      throw new IdempotencyKeyReusedError(
        "This Idempotency-Key was already used for a different request. Open the dialog " +
          "again to start a new action.",
      );
    }
    return { record, created };
  }

  /**
   * The record this caller already made under this key, unless it may run again. Lets a route
   * answer a replay with its record before checking preconditions the action itself changed
   * (a revoked token is gone, so the replay of its revoke must not become a 409).
   */
  async replayOf(
    user: AuthenticatedUser,
    idempotencyKey: string,
  ): Promise<StoredAction | undefined> {
    const record = await this.deps.journal.findByKey(user.oid, idempotencyKey);
    return record === undefined || mayRunAgain(record) ? undefined : record;
  }

  /**
   * Journals a read that must be audited, as a record that is already `succeeded` (nothing is
   * written to Graph), durably, before the caller answers with what it read.
   */
  async recordRead(request: AuditedReadRequest): Promise<StoredAction> {
    const now = new Date().toISOString();
    const { record } = await this.deps.journal.insert({
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
    });
    this.publish(record);
    return record;
  }

  private async sendSteps(
    record: StoredAction,
    request: MultiStepActionRequest,
  ): Promise<StoredAction> {
    const { journal, graph, logger } = this.deps;
    let current = record;
    const steps: ActionStep[] = [];
    for (const [index, step] of request.steps.entries()) {
      const clientRequestId =
        index === 0 ? (record.graph?.clientRequestId ?? randomUUID()) : randomUUID();
      steps.push({ name: step.name, state: "sent", graph: { clientRequestId } });
      current = await journal.update(record.id, {
        state: "sent",
        sentAt: current.sentAt ?? new Date().toISOString(),
        graph: { clientRequestId },
        steps: [...steps],
      });
      this.publish(current);
      let outcome: Partial<StoredAction> & Pick<ActionStep, "state" | "graph">;
      try {
        const response = await graph.post(request.user, step.path, {
          version: step.version,
          body: step.body,
          clientRequestId,
        });
        outcome = {
          state: "succeeded",
          graph: outcomeOf(clientRequestId, {
            status: response.status,
            requestId: response.requestId,
          }),
        };
      } catch (error) {
        const failure = failureOutcome(error, clientRequestId);
        outcome = {
          ...failure,
          state: failure.state ?? "unknown",
          graph: failure.graph ?? { clientRequestId },
        };
        if (outcome.state === "unknown") {
          logger.warn(
            { actionId: record.id, clientRequestId, step: step.name },
            "action step outcome unknown",
          );
        }
        if (provesNothingWasSent(error)) {
          const completedAt = new Date().toISOString();
          if (index === 0) {
            // Nothing at all reached Graph: journaled as never sent, so the key may run again.
            const { sentAt: _sentAt, steps: _steps, ...unsent } = current;
            this.publish(await journal.replace({ ...unsent, ...outcome, completedAt }));
          } else {
            steps[index] = { name: step.name, state: outcome.state, graph: outcome.graph };
            this.publish(
              await journal.update(record.id, { ...outcome, steps: [...steps], completedAt }),
            );
          }
          throw error;
        }
      }
      steps[index] = { name: step.name, state: outcome.state, graph: outcome.graph };
      const last = index === request.steps.length - 1;
      if (outcome.state !== "succeeded" || last) {
        const final = await journal.update(record.id, {
          state: outcome.state,
          graph: outcome.graph,
          steps: [...steps],
          ...(outcome.state === "failed" ? { completedAt: new Date().toISOString() } : {}),
        });
        this.publish(final);
        return final;
      }
      current = await journal.update(record.id, { steps: [...steps] });
      this.publish(current);
    }
    return current;
  }

  private async send(
    record: StoredAction,
    request: SingleCallActionRequest,
  ): Promise<StoredAction> {
    const { journal, graph, logger } = this.deps;
    const clientRequestId = record.graph?.clientRequestId ?? randomUUID();
    const sentAt = new Date().toISOString();
    const sent = await journal.update(record.id, {
      state: "sent",
      sentAt,
      graph: { clientRequestId },
      // A record that runs again (it never reached Graph) lists the items as they are now.
      ...(request.items === undefined
        ? {}
        : { items: request.items, itemCounts: countItems(request.items) }),
    });
    this.publish(sent);
    let outcome: Partial<StoredAction>;
    try {
      const response = await graph.post(request.user, request.graph.path, {
        version: request.graph.version,
        body: request.graph.body,
        clientRequestId,
      });
      outcome = {
        state: "succeeded",
        graph: outcomeOf(clientRequestId, {
          status: response.status,
          requestId: response.requestId,
        }),
      };
    } catch (error) {
      outcome = failureOutcome(error, clientRequestId);
      if (outcome.state === "unknown") {
        logger.warn({ actionId: record.id, clientRequestId }, "action outcome unknown");
      }
      if (provesNothingWasSent(error)) {
        // Journal it as never sent, so the same key may run it again once the user re-signs in.
        const { sentAt: _sentAt, ...unsent } = sent;
        const failed = await journal.replace({
          ...unsent,
          ...outcome,
          ...itemsAfter(sent.items, outcome, undefined),
          completedAt: new Date().toISOString(),
        });
        this.publish(failed);
        throw error;
      }
    }
    const final = await journal.update(record.id, {
      ...outcome,
      ...itemsAfter(sent.items, outcome, sentAt),
      ...(outcome.state === "failed" ? { completedAt: new Date().toISOString() } : {}),
    });
    this.publish(final);
    return final;
  }

  publish(record: StoredAction): void {
    publishAction(this.deps.bus, record);
  }
}

/** No token for Graph, or Graph's claims challenge (a 401: it refused before acting). */
const provesNothingWasSent = (error: unknown): boolean =>
  error instanceof ClaimsChallengeError || error instanceof TokenAcquisitionError;

/** The items of a single call after its outcome (see SingleCallActionRequest.items). */
const itemsAfter = (
  items: readonly BulkItem[] | undefined,
  outcome: Partial<StoredAction>,
  sentAt: string | undefined,
): Pick<StoredAction, "items" | "itemCounts"> => {
  if (items === undefined) return {};
  const state = outcome.state === "succeeded" ? "sent" : (outcome.state ?? "unknown");
  const next = items.map((item): BulkItem => ({
    ...item,
    state: state === "accepted" ? "queued" : state,
    ...(sentAt === undefined ? {} : { sentAt }),
    ...(state === "failed" && outcome.graph !== undefined ? { graph: outcome.graph } : {}),
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

/** Graph refused (4xx, incl. a 429 that outlived its retries): it did not act. 5xx: it may have. */
const failureOutcome = (error: unknown, clientRequestId: string): Partial<StoredAction> => {
  if (error instanceof GraphError) {
    const fields = {
      status: error.status,
      requestId: error.requestId,
      code: error.code,
      message: error.message,
    };
    return {
      state: error.status >= 500 ? "unknown" : "failed",
      graph: outcomeOf(clientRequestId, fields),
    };
  }
  if (error instanceof ClaimsChallengeError) {
    return {
      state: "failed",
      graph: outcomeOf(clientRequestId, {
        code: "claims_challenge",
        message: "Microsoft Graph asked for a fresh sign-in before acting; nothing was done.",
      }),
    };
  }
  if (error instanceof TokenAcquisitionError) {
    return {
      state: "failed",
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
