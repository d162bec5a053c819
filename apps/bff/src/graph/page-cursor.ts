/**
 * The cursor handed to the SPA for a Graph collection's next page: base64url of the nextLink's
 * path (relative to the version root), so the BFF keeps no state. On the way back it is only
 * accepted if it is exactly the collection it came from with the query options that collection
 * pages with, so a forged cursor cannot point the BFF anywhere else in Graph.
 */
export const pageCursorOf = (next: string | undefined): string | undefined =>
  next === undefined ? undefined : Buffer.from(next, "utf8").toString("base64url");

/**
 * The next page's query options, or undefined when the cursor is not a next page of
 * `collectionPath` (another path, an option outside `allowedOptions`, a repeated option, or no
 * `$skiptoken` / `$skip`).
 */
export const pageFromCursor = (
  cursor: string,
  collectionPath: string,
  allowedOptions: ReadonlySet<string>,
): { query: Record<string, string> } | undefined => {
  const path = Buffer.from(cursor, "base64url").toString("utf8");
  const expected = `${collectionPath}?`;
  if (path.slice(0, expected.length).toLowerCase() !== expected.toLowerCase()) return undefined;
  const query: Record<string, string> = {};
  for (const pair of path.slice(expected.length).split("&")) {
    const at = pair.indexOf("=");
    if (at <= 0) return undefined;
    let name: string;
    let value: string;
    try {
      // decodeURIComponent, not URLSearchParams: a `+` in a skiptoken is not a space.
      name = decodeURIComponent(pair.slice(0, at));
      value = decodeURIComponent(pair.slice(at + 1));
    } catch {
      return undefined;
    }
    if (!allowedOptions.has(name) || name in query) return undefined;
    query[name] = value;
  }
  return query.$skiptoken === undefined && query.$skip === undefined ? undefined : { query };
};
