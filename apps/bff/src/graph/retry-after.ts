/**
 * Reads `Retry-After` (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) as whole seconds from
 * `now`. Graph sends seconds when it throttles, but the header allows both forms.
 * https://learn.microsoft.com/graph/throttling#best-practices-to-handle-throttling
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined => {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
};
