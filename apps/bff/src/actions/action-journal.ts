import { ActionRecordFieldsSchema, actionRecordOptions, type ActionRecord } from "@ihc/contracts";
import { z } from "zod";

/** What a journal record keeps besides the public record, for idempotency and settlement. */
const StoredFieldsSchema = z.object({
  /** sha256 of the request (kind, target, parameters, reason): same key + other body → 422. */
  requestHash: z.string(),
  /**
   * For long-running Graph actions: the newest matching result Graph already showed before
   * this one was sent. Only results started after it can be this action's.
   */
  watchAfter: z.string().optional(),
  /**
   * What the target looked like just before the first send (never a secret), for settling an
   * `unknown` outcome by reading the target again: e.g. an enrollment token's masked value and
   * dates.
   */
  baseline: z.record(z.string(), z.string()).optional(),
  /**
   * A single-license revoke: when its license was first seen gone. The watcher keeps probing
   * the license for a while after, to see Intune give it back (`reassignedAt`).
   */
  licenseGoneAt: z.string().optional(),
});

/** What a stored line must be, per kind: a store never serves a record it cannot vouch for. */
export const StoredActionSchema = z.discriminatedUnion(
  "kind",
  actionRecordOptions(ActionRecordFieldsSchema.extend(StoredFieldsSchema.shape)),
);

/** A journal record as stored: the public record plus what idempotency needs. */
export type StoredAction = z.infer<typeof StoredActionSchema>;

/** A change to a record: any field but its id, kind and parameters, which never change. */
export type ActionPatch = Partial<
  Omit<z.infer<typeof ActionRecordFieldsSchema> & z.infer<typeof StoredFieldsSchema>, "id">
>;

export interface ActionListQuery {
  /** Only this actor's records; undefined = everyone's (the auditor's view). */
  actorOid?: string;
  /** Only records about this target. */
  targetId?: string;
  /** Opaque: records after this one in the list's order (created before it, newest first). */
  before?: string;
  limit: number;
  /** The actor's object id or UPN, case-insensitive (Activity's filter, issue #18). */
  actor?: string;
  kind?: string;
  state?: string;
  /** Part of a subject's UPN, device name or serial, or of a bulk item's label. */
  subject?: string;
  /** Part of the target's name or id, a subject, or the reason. */
  text?: string;
  /** Created at or after this instant (ISO, UTC). */
  createdFrom?: string;
  /** Created before this instant (ISO, UTC). */
  createdBefore?: string;
  /** Oldest first; newest first when absent. */
  oldestFirst?: boolean;
}

/**
 * The action journal (DESIGN §6): a record is written durably before anything leaves for
 * Graph, and every change to it after. Implementations: an embedded file store by default;
 * Postgres when several BFF instances share it.
 */
export interface ActionJournal {
  /**
   * Inserts `record` unless this actor already used its idempotency key; then returns the
   * existing record and `created: false`. Atomic per (actor, key).
   */
  insert(record: StoredAction): Promise<{ record: StoredAction; created: boolean }>;
  update(id: string, patch: ActionPatch): Promise<StoredAction>;
  /** Writes a whole new version of an existing record (to drop a field, which a patch cannot). */
  replace(record: StoredAction): Promise<StoredAction>;
  get(id: string): Promise<StoredAction | undefined>;
  /** The record this actor made with this idempotency key, if any. */
  findByKey(actorOid: string, idempotencyKey: string): Promise<StoredAction | undefined>;
  list(query: ActionListQuery): Promise<StoredAction[]>;
  /** Records whose outcome or progress is not final: watchers resume them after a restart. */
  listOpen(): Promise<StoredAction[]>;
  close(): Promise<void>;
}

/** The record as the API and events show it: without the internal request hash. */
export function toActionRecord(stored: StoredAction): ActionRecord {
  const { requestHash: _requestHash, ...record } = stored;
  return record;
}
