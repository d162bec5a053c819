/**
 * The one CSV writer of the console (RFC 4180), used by the BFF's streamed exports and the
 * SPA's small in-browser ones alike, so both escape the same way.
 *
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`,
 * `+`, `-` or `@`, and some also one that starts with a tab or a carriage return. Such a cell
 * is written with a leading `'`, which Excel and LibreOffice show as text. A UPN or a reason is
 * typed by people outside the helpdesk's control, so every cell goes through this.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;
const NEEDS_QUOTES = /[",\r\n]/u;

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** One cell: text as a spreadsheet shows it, never as a formula. */
export const csvCell = (value: string | number | boolean | undefined): string => {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** One line, CRLF-terminated as RFC 4180 says. */
export const csvLine = (cells: readonly (string | number | boolean | undefined)[]): string =>
  `${cells.map(csvCell).join(",")}\r\n`;

/**
 * A whole small document with a header line; the BOM makes Excel read it as UTF-8 (Cyrillic
 * names, accents) instead of the system's code page.
 */
export const csvDocument = (
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | undefined)[])[],
): string => `\uFEFF${csvLine(header)}${rows.map(csvLine).join("")}`;

export const CSV_BOM = "\uFEFF";
