import { isTerminalGraphActionState, type BulkItem } from "@ihc/contracts";
import { StoredActionSchema, type StoredAction } from "../action-journal.js";

/**
 * How a record maps onto rows, the same for every store: one `actions` row (indexed columns
 * plus the record's JSON without its items) and one `action_items` row per item, so that a
 * change to one item of a 1,000-item bulk run writes that item, not the whole record.
 */
export interface ActionRow {
  id: string;
  actorOid: string;
  idempotencyKey: string;
  kind: string;
  targetType: string;
  targetId: string;
  state: string;
  /** Not final yet: watchers resume it after a restart (`listOpen`). */
  open: boolean;
  createdAt: string;
  updatedAt: string;
  /** `items: []` and no `items` are different records. */
  hasItems: boolean;
  /** JSON of the record without `items`. */
  record: string;
  /** Lower-case UPN of the actor: Activity filters by it. Written once, at insert. */
  actorUpn: string;
  /** Lower-case subjects (UPNs, device names, serials, item labels), one per line. */
  subjectText: string;
  /** Lower-case target name and id, subjects and reason: Activity's free-text search. */
  searchText: string;
}

export interface ItemRow {
  key: string;
  position: number;
  state: string;
  /** JSON of the item. */
  item: string;
}

/** Records whose outcome or progress is not final (the file journal's rule, kept). */
export const isOpenRecord = (r: StoredAction): boolean =>
  r.state === "accepted" ||
  r.state === "sent" ||
  r.state === "unknown" ||
  (r.progress !== undefined &&
    !isTerminalGraphActionState(r.progress.actionState) &&
    r.progress.watchTimedOut !== true);

/** What every write of a record sets: the row without Activity's search columns. */
export type ActionUpdateRow = Omit<ActionRow, "actorUpn" | "subjectText" | "searchText">;

/** The row an insert writes: the record's columns and Activity's search columns. */
export const toActionRow = (record: StoredAction): ActionRow => ({
  ...toActionUpdateRow(record),
  ...searchColumnsOf(record),
});

/**
 * The row an update writes. Never the search columns: what they are made of does not change
 * after the insert, and making them went through every item of a bulk record on every step of
 * its run (issue #19's profile: a tenth of the BFF's time in a 1,000-license bulk run).
 */
export const toActionUpdateRow = (record: StoredAction): ActionUpdateRow => {
  const { items, ...header } = record;
  return {
    id: record.id,
    actorOid: record.actor.oid,
    idempotencyKey: record.idempotencyKey,
    kind: record.kind,
    targetType: record.target.type,
    targetId: record.target.id,
    state: record.state,
    open: isOpenRecord(record),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    hasItems: items !== undefined,
    record: JSON.stringify(header),
  };
};

/**
 * The columns Activity searches (issue #18, 1), derived from what a record says about whom
 * it is: none of it changes after the insert (an update never rewrites them).
 */
export const searchColumnsOf = (
  record: StoredAction,
): Pick<ActionRow, "actorUpn" | "subjectText" | "searchText"> => {
  const subjects = [
    ...(record.subjects ?? []).flatMap((s) => [
      s.userPrincipalName,
      s.displayName,
      s.deviceName,
      s.serialNumber,
      s.id,
    ]),
    ...(record.items ?? []).flatMap((item) => [item.label, item.id]),
  ].filter((text): text is string => text !== undefined && text !== "");
  const subjectText = [...new Set(subjects.map((text) => text.toLowerCase()))].join("\n");
  const searchText = [record.target.displayName, record.target.id, record.reason ?? "", subjectText]
    .join("\n")
    .toLowerCase();
  return { actorUpn: record.actor.userPrincipalName.toLowerCase(), subjectText, searchText };
};

export const toItemRows = (items: readonly BulkItem[] | undefined): ItemRow[] =>
  (items ?? []).map((item, position) => ({
    key: item.key,
    position,
    state: item.state,
    item: JSON.stringify(item),
  }));

/** What an item write must do to turn the stored items into `next`. */
export interface ItemChanges {
  upserts: ItemRow[];
  deletes: string[];
}

/**
 * The item rows that differ between what is stored and `next`: the rows to write (new,
 * changed, or moved) and the keys to delete. Compared as canonical JSON, so that a store
 * that reorders an object's keys does not make every item look changed.
 */
export const itemChanges = (
  stored: readonly ItemRow[],
  next: readonly BulkItem[] | undefined,
): ItemChanges => {
  const before = new Map(stored.map((row) => [row.key, row]));
  const upserts: ItemRow[] = [];
  const kept = new Set<string>();
  for (const row of toItemRows(next)) {
    kept.add(row.key);
    const old = before.get(row.key);
    const same =
      old?.position === row.position &&
      (old.item === row.item || canonicalJson(old.item) === canonicalJson(row.item));
    if (!same) upserts.push(row);
  }
  const deletes = stored.filter((row) => !kept.has(row.key)).map((row) => row.key);
  return { upserts, deletes };
};

/** The items each stored version's write changed, kept beside that version (see below). */
const changedByWrite = new WeakMap<StoredAction, readonly BulkItem[]>();

/**
 * The item rows a write of `next` must make, given the rows stored (`undefined`: the write
 * leaves the items as they are). It also notes, beside `next`, the items the write changes, so
 * that the event for this version carries them without reading the record again or comparing
 * every item (`itemsChangedBy`, ADR 0038). Removed items are not a change it can describe.
 */
export const itemWrite = (
  next: StoredAction,
  storedItems: readonly ItemRow[] | undefined,
): ItemChanges => {
  const changes =
    storedItems === undefined ? { upserts: [], deletes: [] } : itemChanges(storedItems, next.items);
  if (next.items !== undefined && changes.deletes.length === 0) {
    const keys = new Set(changes.upserts.map((row) => row.key));
    changedByWrite.set(
      next,
      next.items.filter((item) => keys.has(item.key)),
    );
  }
  return changes;
};

/**
 * The items changed by the store write that returned `record`; undefined when it was not
 * returned by one, or the write changed what a list of items cannot say (a removal).
 */
export const itemsChangedBy = (record: StoredAction): readonly BulkItem[] | undefined =>
  changedByWrite.get(record);

/**
 * Reassembles a record from its rows and checks it: a store never serves what it cannot vouch
 * for. `items` undefined reads the record without them (an update that replaces them anyway).
 */
export const fromRows = (
  record: string,
  hasItems: boolean,
  items: readonly Pick<ItemRow, "item">[] | undefined,
): StoredAction | string => {
  let json: unknown;
  try {
    const header: unknown = JSON.parse(record);
    json =
      hasItems && items !== undefined
        ? { ...(header as object), items: items.map((row) => JSON.parse(row.item) as unknown) }
        : header;
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = StoredActionSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `not a record (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`;
};

/**
 * The next version of a record after a patch; id, kind and parameters never change. Parsed
 * like a read, so the version a write returns and the one a later read returns have the same
 * shape, key order included (action-events.ts compares the items of two versions as JSON).
 */
export const patched = (
  current: StoredAction,
  patch: Partial<StoredAction>,
  updatedAt: string,
): StoredAction =>
  StoredActionSchema.parse({
    ...current,
    ...patch,
    id: current.id,
    kind: current.kind,
    parameters: current.parameters,
    updatedAt,
  });

/** JSON with object keys sorted, for comparing values whatever order their keys came in. */
const canonicalJson = (text: string): string => JSON.stringify(sortKeys(JSON.parse(text)));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
};
