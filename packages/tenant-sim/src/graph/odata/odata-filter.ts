import type { GraphVersion } from "../graph-request-context.js";
import { derivesFrom, existsIn, findType, type ODataType } from "./odata-model.js";
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
  const parser = new FilterParser(tokenize(text), text, collectionType, version);
  const expression = parser.expression();
  parser.expectEnd();
  return (subject) => expression(subject) === true;
}

type Literal = string | number | boolean | null | Date;
type Evaluate = (subject: FilterSubject) => Literal;

type Token =
  | { kind: "word"; value: string; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "number"; value: number; at: number }
  | { kind: "date"; value: Date; at: number }
  | { kind: "punct"; value: "(" | ")" | ","; at: number };

const dateTimeLiteral = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/;
const guidLiteral = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: "punct", value: ch, at: i });
      i += 1;
      continue;
    }
    if (ch === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(text, i);
        if (text.charAt(j) === "'") {
          if (text.charAt(j + 1) === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text.charAt(j);
        j += 1;
      }
      tokens.push({ kind: "string", value, at: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const date = dateTimeLiteral.exec(rest);
    if (date !== null) {
      tokens.push({ kind: "date", value: new Date(date[0]), at: i });
      i += date[0].length;
      continue;
    }
    const guid = guidLiteral.exec(rest);
    if (guid !== null) {
      tokens.push({ kind: "string", value: guid[0], at: i });
      i += guid[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    if (number !== null) {
      tokens.push({ kind: "number", value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*(\/[A-Za-z_][A-Za-z0-9_.]*)*/.exec(rest);
    if (word === null) throw syntaxError(text, i);
    tokens.push({ kind: "word", value: word[0], at: i });
    i += word[0].length;
  }
  return tokens;
}

function syntaxError(text: string, at: number): ODataQueryError {
  return new ODataQueryError(`Invalid filter clause: Syntax error at position ${at} in '${text}'.`);
}

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
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
    private readonly collectionType: ODataType,
    private readonly version: GraphVersion,
  ) {}

  expression(): Evaluate {
    let left = this.conjunction();
    while (this.keyword("or")) {
      const right = this.conjunction();
      const l = left;
      left = (s) => l(s) === true || right(s) === true;
    }
    return left;
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token !== undefined) throw syntaxError(this.text, token.at);
  }

  private conjunction(): Evaluate {
    let left = this.unary();
    while (this.keyword("and")) {
      const right = this.unary();
      const l = left;
      left = (s) => l(s) === true && right(s) === true;
    }
    return left;
  }

  private unary(): Evaluate {
    if (this.keyword("not")) {
      const operand = this.unary();
      return (s) => operand(s) !== true;
    }
    return this.comparison();
  }

  private comparison(): Evaluate {
    const left = this.primary();
    const next = this.tokens[this.position];
    if (next?.kind !== "word" || !comparisons.has(next.value.toLowerCase())) return left;
    this.position += 1;
    const right = this.primary();
    const op = next.value.toLowerCase();
    return (s) => compare(op, left(s), right(s));
  }

  private primary(): Evaluate {
    const token = this.tokens[this.position];
    if (token === undefined) throw syntaxError(this.text, this.text.length);
    this.position += 1;
    switch (token.kind) {
      case "punct": {
        if (token.value !== "(") throw syntaxError(this.text, token.at);
        const inner = this.expression();
        this.expect(")");
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

  private word(token: Extract<Token, { kind: "word" }>): Evaluate {
    const lower = token.value.toLowerCase();
    if (lower === "true" || lower === "false") {
      const value = lower === "true";
      return () => value;
    }
    if (lower === "null") return () => null;
    if (this.peekPunct("(")) return this.call(token);
    const path = resolvePropertyPath(token.value, this.collectionType, this.version);
    return (s) => valueOf(path, s);
  }

  private call(token: Extract<Token, { kind: "word" }>): Evaluate {
    const name = token.value.toLowerCase();
    this.expect("(");
    if (name === "isof") {
      const argument = this.tokens[this.position];
      if (argument?.kind !== "string") throw syntaxError(this.text, argument?.at ?? token.at);
      this.position += 1;
      this.expect(")");
      const target = findType(argument.value);
      if (target === undefined || !existsIn(target, this.version)) {
        throw new ODataQueryError(`The type '${argument.value}' is not defined in the model.`);
      }
      return (s) => derivesFrom(s.type, target);
    }
    if (name === "startswith") {
      const subject = this.expression();
      this.expect(",");
      const prefix = this.expression();
      this.expect(")");
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

  private keyword(word: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === "word" && token.value.toLowerCase() === word) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private peekPunct(value: "(" | ")" | ","): boolean {
    const token = this.tokens[this.position];
    return token?.kind === "punct" && token.value === value;
  }

  private expect(value: "(" | ")" | ","): void {
    const token = this.tokens[this.position];
    if (token?.kind !== "punct" || token.value !== value) {
      throw syntaxError(this.text, token?.at ?? this.text.length);
    }
    this.position += 1;
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
