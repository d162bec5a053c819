/**
 * Intune writes Edm.DateTimeOffset with seven fractional digits ("2024-05-01T10:20:30.1230000Z").
 * Serving the same shape keeps clients honest about parsing more than milliseconds.
 */
export function graphDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$10000Z");
}
