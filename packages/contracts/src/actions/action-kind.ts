import type { z } from "zod";
import type { ActionKind, ActionTarget } from "../actions.js";

/** How a kind's route is called: a POST with `Idempotency-Key`, or an audited read. */
export interface ActionKindRoute {
  method: "GET" | "POST";
  path: string;
  params: z.ZodType;
  body?: z.ZodType;
  /** Every POST needs one (a UUID made when the dialog opens); an audited read has none. */
  idempotencyKey: "required" | "none";
}

/**
 * One action kind, as both sides need it (ADR 0017): its typed parameters (what the journal
 * keeps), its request, its route, what its target is and how its subjects are named, and the
 * i18n keys of its outcome words. The BFF's ActionDefinition and the SPA build on this.
 */
export interface ActionKindContract<
  K extends ActionKind = ActionKind,
  P extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>,
> {
  kind: K;
  targetType: ActionTarget["type"];
  parameters: P;
  route: ActionKindRoute;
  /**
   * Which records are about the same thing: at most one is open per key (issue #12, 3). The
   * target, and for a single license the license's holder.
   */
  openKeyOf: (record: { target: Pick<ActionTarget, "id">; parameters: z.output<P> }) => string;
  /** What `subjects` lists, for readers of the record (not parsed: documentation as data). */
  subjects: "none" | "user" | "device" | "licenses" | "devices";
  /** i18n keys of its outcome words, per state the agent sees. */
  outcomeKeys: {
    running: string;
    succeeded: string;
    failed: string;
    unknown: string;
  };
}

/** Keeps the route's literal types (its path, params and body schemas) for the `api` table. */
export const defineActionKind = <
  const K extends ActionKind,
  P extends z.ZodType<Record<string, unknown>>,
  const R extends ActionKindRoute,
>(
  contract: ActionKindContract<K, P> & { route: R },
): ActionKindContract<K, P> & { route: R } => contract;

/** `actionKinds.<kind>.outcome.<state>`, one catalogue entry per kind and state. */
export const outcomeKeysOf = (kind: ActionKind): ActionKindContract["outcomeKeys"] => ({
  running: `actionKinds.${kind}.outcome.running`,
  succeeded: `actionKinds.${kind}.outcome.succeeded`,
  failed: `actionKinds.${kind}.outcome.failed`,
  unknown: `actionKinds.${kind}.outcome.unknown`,
});

/** The open key of a kind whose records are about their whole target. */
export const targetKey = ({ target }: { target: Pick<ActionTarget, "id"> }): string =>
  target.id.toLowerCase();
