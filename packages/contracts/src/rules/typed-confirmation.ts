import { withoutForbiddenCharacters } from "./free-text.js";

// Every dash and hyphen a name may hold, and the minus sign, read as "-": enrollment profile
// names hold "—", and a person types "-" (issue #12, point 7).
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D-]/gu;
// Every single and double quotation mark, straight or curly, read as "'".
const QUOTES = /[\u2018-\u201F\u2032\u2033\u0060\u00B4"'«»\u2039\u203A]/gu;

/**
 * The form in which two confirmations are compared: Unicode NFKC (full-width letters, ligatures,
 * non-breaking spaces), every dash alike, every quote alike, whitespace collapsed to one space
 * and trimmed, case ignored.
 */
export function normalizeConfirmation(text: string): string {
  // A name may hold characters no one can type (a bidi override): compare what can be typed.
  // Tabs and line breaks are whitespace first, collapsed below.
  return withoutForbiddenCharacters(text.replace(/\s/gu, " "))
    .normalize("NFKC")
    .replace(DASHES, "-")
    .replace(QUOTES, "'")
    .replace(/\s+/gu, " ")
    .trim()
    .toLocaleLowerCase("en-US");
}

/**
 * Whether what the agent typed names the target, as a person can type it: the rule the SPA
 * enables its button by and the BFF enforces. An empty name is never confirmed.
 */
export function confirmationMatches(typed: string, expected: string): boolean {
  const want = normalizeConfirmation(expected);
  return want !== "" && normalizeConfirmation(typed) === want;
}

/** Whether what was typed so far may still become the name (to warn early, not to decide). */
export function confirmationMayMatch(typed: string, expected: string): boolean {
  return normalizeConfirmation(expected).startsWith(normalizeConfirmation(typed));
}
