/** Dates, numbers and relative times through `Intl`, in the console's current language. */

type DateInput = Date | string | number;

type Formatter =
  Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames;

const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, create: () => T): T {
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const created = create();
  cache.set(key, created);
  return created;
}

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "5 Mar 2026, 14:07" / "5 мар. 2026 г., 14:07". */
export function formatDateTime(
  value: DateInput,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
): string {
  const key = `dt|${locale}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.DateTimeFormat(locale, options)).format(toDate(value));
}

/** "5 Mar 2026" / "5 мар. 2026 г.". */
export function formatDate(value: DateInput, locale: string): string {
  return formatDateTime(value, locale, { dateStyle: "medium" });
}

/** "12,345" / "12 345". */
export function formatNumber(
  value: number,
  locale: string,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}

const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

/** "3 minutes ago", "in 2 days", "now" / "3 минуты назад", "через 2 дня", "сейчас". */
export function formatRelativeTime(
  value: DateInput,
  locale: string,
  now: Date = new Date(),
): string {
  const seconds = Math.round((toDate(value).getTime() - now.getTime()) / 1000);
  const format = cached(
    `rt|${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  );
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "second") {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(0, "second");
}

/** "42 sec", "3 min 5 sec", "2 hr 5 min" / "42 с", "3 мин 5 с", "2 ч 5 мин". */
export function formatDuration(milliseconds: number, locale: string): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const unit = (value: number, name: "second" | "minute" | "hour") =>
    formatNumber(value, locale, { style: "unit", unit: name, unitDisplay: "short" });
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${unit(hours, "hour")} ${unit(minutes, "minute")}`;
  if (minutes > 0) return `${unit(minutes, "minute")} ${unit(seconds, "second")}`;
  return unit(seconds, "second");
}

/** A country or region code as its name: "gb" → "United Kingdom" / "Великобритания". */
export function formatRegion(code: string, locale: string): string {
  try {
    const names = cached(
      `region|${locale}`,
      () => new Intl.DisplayNames(locale, { type: "region" }),
    );
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a region code Intl knows: show what Graph sent.
    return code;
  }
}
