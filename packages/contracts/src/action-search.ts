import { z } from "zod";
import { ActionKindSchema, ActionStateSchema } from "./actions.js";
import { freeText } from "./rules/free-text.js";

const needle = freeText(z.string().trim().min(1).max(200)).optional();
/** A day (`2026-12-05`, whole days in UTC) or an instant with its offset. */
const DayOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional();

/**
 * What Activity and its exports filter on (issue #18, 1). Every field narrows; the store does
 * the filtering (SQL), never the BFF over all records. The same fields live in the SPA's URL.
 */
export const ActionFilterSchema = z
  .object({
    /** The actor's object id or UPN (case-insensitive, exact). */
    actor: needle,
    kind: ActionKindSchema.optional(),
    /** The target's id (a token, app, profile or user), exact. */
    targetId: z.string().trim().min(1).max(100).optional(),
    /** Part of a UPN, device name or serial the action was about (its subjects and items). */
    subject: needle,
    state: ActionStateSchema.optional(),
    /** Created at or after: a day's start, or an instant. */
    from: DayOrInstantSchema,
    /** Created at or before: a day's end (the whole day counts), or an instant. */
    to: DayOrInstantSchema,
    /** Part of the target's name or id, a subject, or the reason. */
    q: needle,
    /** By creation time: newest first (the default) or oldest first. */
    order: z.enum(["newest", "oldest"]).optional(),
  })
  .strict();
export type ActionFilter = z.infer<typeof ActionFilterSchema>;

export const ACTION_FILTER_FIELDS = [
  "actor",
  "kind",
  "targetId",
  "subject",
  "state",
  "from",
  "to",
  "q",
  "order",
] as const satisfies readonly (keyof ActionFilter)[];

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * The filter's times as instants (ISO, UTC, milliseconds) to compare with `createdAt`: a day
 * in `from` starts at its midnight UTC, a day in `to` ends before the next midnight.
 */
export const actionTimeRange = (
  filter: Pick<ActionFilter, "from" | "to">,
): { from?: string; toExclusive?: string } => {
  const range: { from?: string; toExclusive?: string } = {};
  if (filter.from !== undefined) {
    range.from = new Date(
      DAY.test(filter.from) ? `${filter.from}T00:00:00Z` : filter.from,
    ).toISOString();
  }
  if (filter.to !== undefined) {
    const end = DAY.test(filter.to)
      ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + 24 * 60 * 60 * 1000)
      : new Date(Date.parse(filter.to) + 1);
    range.toExclusive = end.toISOString();
  }
  return range;
};

/** The columns of `export.csv`: one row per record, or per item of a bulk run. */
export const ACTION_EXPORT_COLUMNS = [
  "actionId",
  "createdAt",
  "completedAt",
  "kind",
  "state",
  "actorUpn",
  "actorName",
  "targetType",
  "targetId",
  "targetName",
  "reason",
  "subject",
  "itemKind",
  "itemId",
  "itemState",
  "graphRequestId",
  "graphStatus",
  "graphCode",
] as const;
