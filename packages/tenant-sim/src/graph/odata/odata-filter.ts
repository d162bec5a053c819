import type { GraphVersion } from "../graph-request-context.js";
import { derivesFrom, existsIn, findType, type ODataType } from "./odata-model.js";
import {
  filterSyntaxMessage,
  FilterTokenCursor,
  tokenizeFilter,
  type FilterLexerRules,
  type FilterToken,
} from "./filter-tokens.js";
import { ODataQueryError } from "./odata-query-error.js";
import { resolvePropertyPath, type PropertyPath } from "./property-path.js";

/** One entity as the filter sees it: its Graph JSON and its runtime type. */
export interface FilterSubject {
  entity: Readonly<Record<string, unknown>>;
  type: ODataType;
}

export type FilterPredicate = (subject: FilterSubject) => boolean;

/**
 * `$filter` with the subset of OData that Intune collections are known to take: `and`, `or`,
 * `not`, parentheses, `eq ne gt ge lt le` against string, number, boolean, null and date-time
 * literals, `isof('microsoft.graph.type')` and `startswith(property,'text')`. Anything else is
 * refused with a 400 that says so, rather than answered in a way Graph might not.
 */
export function parseFilter(
  text: string,
  collectionType: ODataType,
  version: GraphVersion,
): FilterPredicate {
  const syntaxError = syntaxErrorIn(text);
  const tokens = new FilterTokenCursor(
    tokenizeFilter(text, lexerRules, syntaxError),
    text,
    syntaxError,
  );
  const parser = new FilterParser(tokens, text, collectionType, version);
  const expression = parser.expression();
  parser.expectEnd();
  return (subject) => expression(subject) === true;
}

type Literal = string | number | boolean | null | Date;
type Evaluate = (subject: FilterSubject) => Literal;

const dateTimeLiteral = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;

/** Intune's lexer: unquoted numbers and GUIDs; words may be type-cast paths (`a.b/c`). */
const lexerRules: FilterLexerRules = {
  dateTime: dateTimeLiteral,
  word: /^[A-Za-z_][A-Za-z0-9_.]*(\/[A-Za-z_][A-Za-z0-9_.]*)*/,
  numbers: true,
  guids: true,
};

const syntaxErrorIn = (text: string) => (at: number) =>
  new ODataQueryError(filterSyntaxMessage(text, at));

const comparisons = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const unsupportedFunctions = new Set([
  "contains",
  "endswith",
  "substringof",
  "tolower",
  "toupper",
  "any",
  "all",
]);

class FilterParser {
  constructor(
    private readonly tokens: FilterTokenCursor,
    private readonly text: string,
    private readonly collectionType: ODataType,
    private readonly version: GraphVersion,
  ) {}

  expression(): Evaluate {
    let left = this.conjunction();
    while (this.tokens.keyword("or")) {
      const right = this.conjunction();
      const l = left;
      left = (s) => l(s) === true || right(s) === true;
    }
    return left;
  }

  expectEnd(): void {
    this.tokens.expectEnd();
  }

  private conjunction(): Evaluate {
    let left = this.unary();
    while (this.tokens.keyword("and")) {
      const right = this.unary();
      const l = left;
      left = (s) => l(s) === true && right(s) === true;
    }
    return left;
  }

  private unary(): Evaluate {
    if (this.tokens.keyword("not")) {
      const operand = this.unary();
      return (s) => operand(s) !== true;
    }
    return this.comparison();
  }

  private comparison(): Evaluate {
    const left = this.primary();
    const next = this.tokens.peek();
    if (next?.kind !== "word" || !comparisons.has(next.value.toLowerCase())) return left;
    this.tokens.next();
    const right = this.primary();
    const op = next.value.toLowerCase();
    return (s) => compare(op, left(s), right(s));
  }

  private primary(): Evaluate {
    const token = this.tokens.next();
    switch (token.kind) {
      case "punct": {
        if (token.value !== "(") throw syntaxErrorIn(this.text)(token.at);
        const inner = this.expression();
        this.tokens.expect(")");
        return inner;
      }
      case "string":
      case "number":
      case "date": {
        const value = token.value;
        return () => value;
      }
      case "word":
        return this.word(token);
    }
  }

  private word(token: Extract<FilterToken, { kind: "word" }>): Evaluate {
    const lower = token.value.toLowerCase();
    if (lower === "true" || lower === "false") {
      const value = lower === "true";
      return () => value;
    }
    if (lower === "null") return () => null;
    if (this.tokens.peekPunct("(")) return this.call(token);
    const path = resolvePropertyPath(token.value, this.collectionType, this.version);
    return (s) => valueOf(path, s);
  }

  private call(token: Extract<FilterToken, { kind: "word" }>): Evaluate {
    const name = token.value.toLowerCase();
    this.tokens.expect("(");
    if (name === "isof") {
      const argument = this.tokens.peek();
      if (argument?.kind !== "string") throw syntaxErrorIn(this.text)(argument?.at ?? token.at);
      this.tokens.next();
      this.tokens.expect(")");
      const target = findType(argument.value);
      if (target === undefined || !existsIn(target, this.version)) {
        throw new ODataQueryError(`The type '${argument.value}' is not defined in the model.`);
      }
      return (s) => derivesFrom(s.type, target);
    }
    if (name === "startswith") {
      const subject = this.expression();
      this.tokens.expect(",");
      const prefix = this.expression();
      this.tokens.expect(")");
      return (s) => {
        const value = subject(s);
        const start = prefix(s);
        return typeof value === "string" && typeof start === "string"
          ? value.toLowerCase().startsWith(start.toLowerCase())
          : false;
      };
    }
    if (unsupportedFunctions.has(name)) {
      throw new ODataQueryError(
        `Invalid filter clause: the tenant simulator does not support '${token.value}' here.`,
      );
    }
    throw new ODataQueryError(
      `An unknown function with name '${token.value}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
    );
  }
}

/** A property's value on the entity; null when the entity is not of the cast's type. */
export function valueOf(path: PropertyPath, subject: FilterSubject): Literal {
  if (path.cast !== undefined && !derivesFrom(subject.type, path.cast)) return null;
  const value = subject.entity[path.name];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  throw new ODataQueryError(
    `The tenant simulator cannot compare the structured property '${path.name}' in $filter.`,
  );
}

function compare(op: string, left: Literal, right: Literal): boolean {
  if (left === null || right === null) {
    if (op === "eq") return left === right;
    if (op === "ne") return left !== right;
    return false;
  }
  const [a, b] = comparable(left, right);
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "gt":
      return a > b;
    case "ge":
      return a >= b;
    case "lt":
      return a < b;
    default:
      return a <= b;
  }
}

/** Dates compare as instants; strings (GUIDs, enum members) case-insensitively, as Intune does. */
function comparable(
  left: Literal,
  right: Literal,
): [string | number | boolean, string | number | boolean] {
  const asTime = (v: Literal): number | undefined =>
    v instanceof Date
      ? v.getTime()
      : typeof v === "string" && dateTimeLiteral.test(v)
        ? Date.parse(v)
        : undefined;
  if (left instanceof Date || right instanceof Date) {
    return [asTime(left) ?? Number.NaN, asTime(right) ?? Number.NaN];
  }
  const norm = (v: Exclude<Literal, Date | null>): string | number | boolean =>
    typeof v === "string" ? v.toLowerCase() : v;
  return [
    norm(left as Exclude<Literal, Date | null>),
    norm(right as Exclude<Literal, Date | null>),
  ];
}
