import type { ActionKind, actionKindContracts, Permission } from "@ihc/contracts";
import type { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import type { StoredAction } from "./action-journal.js";
import type { ActionServices } from "./action-services.js";

type RouteOf<K extends ActionKind> = (typeof actionKindContracts)[K]["route"];

/** A kind's route params, as its contract's schema parses them. */
export type ActionParamsOf<K extends ActionKind> = z.output<RouteOf<K>["params"]>;

/** A kind's request body, as its contract's schema parses it (an audited read has none). */
export type ActionBodyOf<K extends ActionKind> =
  RouteOf<K> extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;

/** One parsed request of a kind: the route module parses it from the contract's route. */
export interface ActionInput<K extends ActionKind> {
  params: ActionParamsOf<K>;
  body: ActionBodyOf<K>;
  /** The caller's `Idempotency-Key`; an audited read takes none. */
  idempotencyKey: RouteOf<K>["idempotencyKey"] extends "required" ? string : undefined;
  user: AuthenticatedUser;
}

export interface ActionDeps {
  graph: GraphGateway;
  services: ActionServices;
}

/**
 * What a kind's route answers: its record (202), or — for an audited read — what was read,
 * after the read is journaled.
 */
export type ActionAnswer =
  { record: StoredAction } | { audited: { schema: z.ZodType; value: unknown } };

/**
 * Everything the BFF knows of one action kind beside its contract (ADR 0017), in one module
 * (`actions/kinds/<kind>.ts`): what it needs, how it loads and checks its target, what it
 * sends, what follows it, and how it resumes after a restart. The route module mounts it from
 * the contract's route; restart recovery iterates the registry.
 */
export interface ActionDefinition<K extends ActionKind = ActionKind> {
  kind: K;
  /** The permissions its route requires (all of them, checked in this order). */
  permissions: readonly Permission[];
  /** Refuses raw route params before they are parsed (an unknown profile kind is a 404). */
  checkParams?: (params: Readonly<Record<string, unknown>>) => void;
  /**
   * Answers one request: a replay from the journal, else loads and checks the target (typed
   * confirmation, preconditions, impact), runs the pipeline (or queues the items) and starts
   * what follows.
   */
  handle: (input: ActionInput<K>, deps: ActionDeps) => Promise<ActionAnswer>;
  /**
   * How an open record resumes after a restart. `interrupted` kinds first get the shared
   * treatment (accepted → failed, nothing was sent; sent → unknown); a kind with its own queue
   * (`self`) resumes the record as it was journaled.
   */
  recovery: "interrupted" | "self";
  /**
   * Starts what follows a record once its outcome is known: the watcher that reads Graph's
   * progress and settles an `unknown` outcome, or the queue. Called after a new record's call
   * and again after a restart.
   */
  follow: (record: StoredAction, services: ActionServices) => void;
}

/** A definition with its kind's literal type kept (the registry checks every kind is there). */
export const defineAction = <K extends ActionKind>(
  definition: ActionDefinition<K>,
): ActionDefinition<K> => definition;

/** Nothing follows the record: its outcome is final once Graph answered. */
export const nothingFollows: ActionDefinition["follow"] = () => undefined;
