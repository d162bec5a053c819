/**
 * Where a listbox's active option goes for a key (WAI-ARIA listbox pattern): arrows by one,
 * Page Up/Down by a page, Home and End to the ends; undefined for keys the list leaves alone.
 */
export function nextActiveIndex(
  key: string,
  active: number,
  count: number,
  pageStep: number,
): number | undefined {
  if (count === 0) return undefined;
  const moves: Record<string, number> = {
    ArrowDown: active + 1,
    ArrowUp: active - 1,
    PageDown: active + pageStep,
    PageUp: active - pageStep,
    Home: 0,
    End: count - 1,
  };
  const next = moves[key];
  return next === undefined ? undefined : Math.max(0, Math.min(next, count - 1));
}
