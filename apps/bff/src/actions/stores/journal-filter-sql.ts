import type { ActionListQuery } from "../action-journal.js";

/**
 * The WHERE and ORDER BY of a journal list, the same SQL for SQLite and Postgres (issue #18, 1):
 * the store filters, never the BFF over every record. `bind` adds a parameter and returns its
 * placeholder (`?` or `$n`). Exact filters use the indexes of migration 1 and 2; the
 * substring ones (subject, text) scan the rows the other filters leave (ADR 0028).
 */
export const listSql = (
  query: ActionListQuery,
  bind: (value: string | number) => string,
): { where: string; orderBy: string } => {
  const where: string[] = [];
  if (query.actorOid !== undefined) where.push(`actor_oid = ${bind(query.actorOid)}`);
  if (query.actor !== undefined) {
    where.push(
      `(actor_oid = ${bind(query.actor)} OR actor_upn = ${bind(query.actor.toLowerCase())})`,
    );
  }
  if (query.targetId !== undefined) where.push(`target_id = ${bind(query.targetId)}`);
  if (query.kind !== undefined) where.push(`kind = ${bind(query.kind)}`);
  if (query.state !== undefined) where.push(`state = ${bind(query.state)}`);
  if (query.createdFrom !== undefined) where.push(`created_at >= ${bind(query.createdFrom)}`);
  if (query.createdBefore !== undefined) where.push(`created_at < ${bind(query.createdBefore)}`);
  if (query.subject !== undefined) {
    where.push(`subject_text LIKE ${bind(containing(query.subject))} ESCAPE '\\'`);
  }
  if (query.text !== undefined) {
    where.push(`search_text LIKE ${bind(containing(query.text))} ESCAPE '\\'`);
  }
  if (query.before !== undefined) {
    // An unknown cursor matches nothing (NULL), as the file journal did.
    const cmp = query.oldestFirst === true ? ">" : "<";
    where.push(`seq ${cmp} (SELECT seq FROM actions WHERE id = ${bind(query.before)})`);
  }
  return {
    where: where.length > 0 ? `WHERE ${where.join(" AND ")}` : "",
    orderBy: `ORDER BY seq ${query.oldestFirst === true ? "ASC" : "DESC"}`,
  };
};

/** A LIKE pattern for "contains", lower-case (the columns are), `%` `_` `\` taken literally. */
const containing = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
