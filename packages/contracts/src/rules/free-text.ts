import { z } from "zod";

/**
 * What no one types into a text box and what can disguise text: C0 and C1 control characters
 * (NUL, escape sequences for terminals that render logs), DEL, and the bidirectional embeddings,
 * overrides and isolates that reorder what surrounds them ("Trojan Source", CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Whether `text` holds a character no free-text field accepts (issue #17, 7). */
export const hasForbiddenCharacters = (text: string): boolean => FORBIDDEN.test(text);

/** Removes those characters: what a person could have typed of a name that holds them. */
export const withoutForbiddenCharacters = (text: string): string =>
  text.replace(new RegExp(FORBIDDEN.source, "gu"), "");

/** A free-text field of our own API: refused (400 naming the field) when it holds them. */
export const freeText = (schema: z.ZodString): z.ZodString =>
  schema.refine((text) => !hasForbiddenCharacters(text), {
    message: "must not contain control characters or bidirectional overrides",
  });
