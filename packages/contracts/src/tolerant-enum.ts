import { z } from "zod";

/**
 * Graph's enums are evolvable: a tenant may answer with members newer than the schema the
 * console was built against (Intune's beta adds them without notice). A read model must keep
 * loading and keep what Graph said, while our own inputs stay strict `z.enum`s.
 * https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations
 */

/** A Graph enum value this console does not know (yet), exactly as Graph sent it. */
export interface UnrecognizedEnumValue {
  readonly unrecognized: string;
}

/** Either a member of `values` or, for anything else Graph sends, the value kept as sent. */
export type Tolerant<T extends string> = T | UnrecognizedEnumValue;

/**
 * Parses a Graph enum at the gateway: a known member as itself, any other string as
 * `{ unrecognized }` (never a parse failure, so one new member cannot turn a page into a 502).
 */
export const tolerantEnum = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((value): Tolerant<T> =>
      (values as readonly string[]).includes(value) ? (value as T) : { unrecognized: value },
    );

export const isUnrecognized = (value: unknown): value is UnrecognizedEnumValue =>
  typeof value === "object" && value !== null && "unrecognized" in value;

/** The known member, else `fallback` (the enum's own `unknown`, or absent where it has none). */
export const knownOr = <T extends string, F extends T | undefined>(
  value: Tolerant<T> | undefined,
  fallback: F,
): T | F => (value === undefined ? fallback : isUnrecognized(value) ? fallback : value);

/**
 * Beside a read model's properties: which of them Graph sent with a value this console does not
 * know, and that value (`{ state: "revokedByApple" }`). The property itself then holds its
 * fallback, so the SPA can say "Unknown (revokedByApple)" and every typed screen keeps working.
 */
export const UnrecognizedValuesSchema = z.record(z.string(), z.string());
export type UnrecognizedValues = z.infer<typeof UnrecognizedValuesSchema>;

/** The unrecognized values among `fields` (by property name), or undefined when there are none. */
export const unrecognizedValuesOf = (
  fields: Readonly<Record<string, unknown>>,
): UnrecognizedValues | undefined => {
  const found = Object.entries(fields).flatMap(([name, value]) =>
    isUnrecognized(value) ? [[name, value.unrecognized] as const] : [],
  );
  return found.length === 0 ? undefined : Object.fromEntries(found);
};
