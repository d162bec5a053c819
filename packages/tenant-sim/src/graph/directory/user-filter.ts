import type { UserRecord } from "../../store/user-record.js";
import { GraphError } from "../graph-error.js";
import {
  filterSyntaxMessage,
  FilterTokenCursor,
  tokenizeFilter,
  type FilterLexerRules,
  type FilterToken,
} from "../odata/filter-tokens.js";

/**
 * `$filter` on users as Entra ID takes it: `eq`, `ne`, `not`, `ge`, `le`, `in`, `startsWith`,
 * `endsWith`, `and`, `or`, parentheses, with OData string literals ('' for a quote). What each
 * property supports, and which operators need the advanced query parameters
 * (`ConsistencyLevel: eventual` and `$count=true`), follows Graph's table:
 * https://learn.microsoft.com/graph/aad-advanced-queries#user-properties
 * String comparisons ignore case, as the directory's do.
 */
export type FilterOperator =
  "eq" | "ne" | "not" | "ge" | "le" | "in" | "startsWith" | "endsWith" | "null";
type Support = "default" | "advanced";
type PropertyType = "Edm.String" | "Edm.Boolean" | "Edm.DateTimeOffset" | "Collection(Edm.String)";

export type FilterableProperty = Exclude<keyof UserRecord, "appRoles">;

interface PropertyRule {
  type: PropertyType;
  operators: Partial<Record<FilterOperator, Support>>;
}

const D = "default";
const A = "advanced";

/** The advanced-only operators every `eq` property also has. */
const negations = { ne: A, not: A } as const;

const rules: Record<FilterableProperty, PropertyRule> = {
  id: { type: "Edm.String", operators: { eq: D, in: D, ...negations } },
  accountEnabled: {
    type: "Edm.Boolean",
    operators: { eq: D, in: D, ge: A, le: A, ...negations },
  },
  businessPhones: { type: "Collection(Edm.String)", operators: {} },
  createdDateTime: {
    type: "Edm.DateTimeOffset",
    operators: { eq: D, ge: D, le: D, in: A, ...negations },
  },
  department: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, null: A, ...negations },
  },
  displayName: {
    type: "Edm.String",
    operators: { eq: D, in: D, startsWith: D, null: A, ...negations },
  },
  givenName: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, null: A, ...negations },
  },
  jobTitle: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, null: A, ...negations },
  },
  mail: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, endsWith: A, null: A, ...negations },
  },
  mobilePhone: {
    type: "Edm.String",
    operators: { eq: A, ge: A, le: A, in: A, startsWith: A, null: A, ...negations },
  },
  officeLocation: {
    type: "Edm.String",
    operators: { eq: A, ge: A, le: A, in: A, startsWith: A, null: A, ...negations },
  },
  preferredLanguage: {
    type: "Edm.String",
    operators: { eq: A, ge: A, le: A, in: A, startsWith: A, null: A, ...negations },
  },
  surname: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, null: A, ...negations },
  },
  usageLocation: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, ...negations },
  },
  userPrincipalName: {
    type: "Edm.String",
    operators: { eq: D, ge: D, le: D, in: D, startsWith: D, endsWith: A, ...negations },
  },
};

type Literal = string | boolean | null | Date;

export type UserFilter =
  | { kind: "and" | "or"; left: UserFilter; right: UserFilter }
  | { kind: "not"; operand: UserFilter }
  | { kind: "compare"; op: "eq" | "ne" | "ge" | "le"; property: FilterableProperty; value: Literal }
  | { kind: "startsWith" | "endsWith"; property: FilterableProperty; value: string }
  | { kind: "in"; property: FilterableProperty; values: Literal[] };

export interface ParsedUserFilter {
  filter: UserFilter;
  /** The first operator or property that needs `ConsistencyLevel: eventual` and `$count=true`. */
  advancedOperator: string | undefined;
}

/** Entra ID's lexer: no unquoted numbers or GUIDs; a date may stand without its time. */
const lexerRules: FilterLexerRules = {
  dateTime: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?/,
  word: /^[A-Za-z_][A-Za-z0-9_./]*/,
  numbers: false,
  guids: false,
};

const syntaxErrorIn = (text: string) => (at: number) =>
  new GraphError(400, "BadRequest", filterSyntaxMessage(text, at));

export function parseUserFilter(text: string): ParsedUserFilter {
  const syntaxError = syntaxErrorIn(text);
  const parser = new Parser(
    new FilterTokenCursor(tokenizeFilter(text, lexerRules, syntaxError), text, syntaxError),
    text,
  );
  const filter = parser.expression();
  parser.expectEnd();
  return { filter, advancedOperator: parser.advancedOperator };
}

const edmKinds: Record<string, string> = {
  eq: "Equal",
  ne: "NotEqual",
  ge: "GreaterThanOrEqual",
  le: "LessThanOrEqual",
};

class Parser {
  advancedOperator: string | undefined;

  constructor(
    private readonly tokens: FilterTokenCursor,
    private readonly text: string,
  ) {}

  expression(): UserFilter {
    let left = this.conjunction();
    while (this.tokens.keyword("or")) left = { kind: "or", left, right: this.conjunction() };
    return left;
  }

  expectEnd(): void {
    this.tokens.expectEnd();
  }

  private conjunction(): UserFilter {
    let left = this.unary();
    while (this.tokens.keyword("and")) left = { kind: "and", left, right: this.unary() };
    return left;
  }

  private unary(): UserFilter {
    if (this.tokens.keyword("not")) {
      this.advanced("not");
      return { kind: "not", operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): UserFilter {
    const token = this.tokens.next();
    if (token.kind === "punct" && token.value === "(") {
      const inner = this.expression();
      this.tokens.expect(")");
      return inner;
    }
    if (token.kind !== "word") throw syntaxErrorIn(this.text)(token.at);
    if (this.tokens.peekPunct("(")) return this.call(token);
    const property = this.property(token);
    const operator = this.tokens.next();
    if (operator.kind !== "word") throw syntaxErrorIn(this.text)(operator.at);
    const op = operator.value.toLowerCase();
    if (op === "in") return this.inList(property);
    if (op === "eq" || op === "ne" || op === "ge" || op === "le") {
      const value = this.literal(property, op);
      this.permit(property, op);
      if (value === null) this.permit(property, "null");
      return { kind: "compare", op, property, value };
    }
    if (op === "gt" || op === "lt") throw unsupported(property);
    throw syntaxErrorIn(this.text)(operator.at);
  }

  private call(token: Extract<FilterToken, { kind: "word" }>): UserFilter {
    const name = token.value.toLowerCase();
    if (name !== "startswith" && name !== "endswith") {
      if (["contains", "substringof", "tolower", "toupper"].includes(name)) {
        throw new GraphError(
          400,
          "Request_UnsupportedQuery",
          `Unsupported Query. The function '${token.value}' is not supported.`,
        );
      }
      throw new GraphError(
        400,
        "BadRequest",
        `An unknown function with name '${token.value}' was found. This may also be a function import or a key lookup on a navigation property, which is not allowed.`,
      );
    }
    this.tokens.expect("(");
    const subject = this.tokens.next();
    if (subject.kind !== "word") throw syntaxErrorIn(this.text)(subject.at);
    const property = this.property(subject);
    this.tokens.expect(",");
    const argument = this.tokens.next();
    if (argument.kind !== "string") throw syntaxErrorIn(this.text)(argument.at);
    this.tokens.expect(")");
    const kind = name === "startswith" ? "startsWith" : "endsWith";
    this.permit(property, kind);
    return { kind, property, value: argument.value };
  }

  private inList(property: FilterableProperty): UserFilter {
    this.tokens.expect("(");
    const values: Literal[] = [this.literal(property, "eq")];
    while (this.tokens.peekPunct(",")) {
      this.tokens.next();
      values.push(this.literal(property, "eq"));
    }
    this.tokens.expect(")");
    this.permit(property, "in");
    return { kind: "in", property, values };
  }

  private literal(property: FilterableProperty, op: string): Literal {
    const token = this.tokens.next();
    const type = rules[property].type;
    let found: string;
    let value: Literal;
    if (token.kind === "string") [found, value] = ["Edm.String", token.value];
    else if (token.kind === "date") [found, value] = ["Edm.DateTimeOffset", token.value];
    else if (token.kind === "word" && /^(true|false)$/i.test(token.value)) {
      [found, value] = ["Edm.Boolean", token.value.toLowerCase() === "true"];
    } else if (token.kind === "word" && token.value.toLowerCase() === "null") return null;
    else throw syntaxErrorIn(this.text)(token.at);
    if (found !== type) {
      throw new GraphError(
        400,
        "BadRequest",
        `A binary operator with incompatible types was detected. Found operand types '${type}' and '${found}' for operator kind '${edmKinds[op] ?? "Equal"}'.`,
      );
    }
    return value;
  }

  private property(token: Extract<FilterToken, { kind: "word" }>): FilterableProperty {
    const lower = token.value.toLowerCase();
    const name = (Object.keys(rules) as FilterableProperty[]).find(
      (p) => p.toLowerCase() === lower,
    );
    if (name === undefined) {
      throw new GraphError(
        400,
        "BadRequest",
        `Could not find a property named '${token.value}' on type 'microsoft.graph.user'.`,
      );
    }
    if (rules[name].type === "Collection(Edm.String)") {
      throw new GraphError(
        400,
        "BadRequest",
        `The tenant simulator does not support lambda filters on '${name}'.`,
      );
    }
    return name;
  }

  /** Refuses what the property never supports; notes what needs advanced query parameters. */
  private permit(property: FilterableProperty, operator: FilterOperator): void {
    const support = rules[property].operators[operator];
    if (support === undefined) throw unsupported(property);
    if (support === "advanced") this.advanced(operator === "null" ? "eq" : operator);
  }

  private advanced(operator: string): void {
    this.advancedOperator ??= operator;
  }
}

function unsupported(property: string): GraphError {
  return new GraphError(
    400,
    "Request_UnsupportedQuery",
    `Unsupported or invalid query filter clause specified for property '${property}' of resource 'User'.`,
  );
}

/** The filter as a test of one user. */
export function userMatches(filter: UserFilter, user: UserRecord): boolean {
  switch (filter.kind) {
    case "and":
      return userMatches(filter.left, user) && userMatches(filter.right, user);
    case "or":
      return userMatches(filter.left, user) || userMatches(filter.right, user);
    case "not":
      return !userMatches(filter.operand, user);
    case "compare":
      return compare(filter.op, user[filter.property], filter.value);
    case "in":
      return filter.values.some((v) => compare("eq", user[filter.property], v));
    case "startsWith":
    case "endsWith": {
      const value = user[filter.property];
      if (typeof value !== "string") return false;
      const [a, b] = [value.toLowerCase(), filter.value.toLowerCase()];
      return filter.kind === "startsWith" ? a.startsWith(b) : a.endsWith(b);
    }
  }
}

type UserValue = UserRecord[FilterableProperty];

function compare(op: "eq" | "ne" | "ge" | "le", actual: UserValue, expected: Literal): boolean {
  if (expected === null || actual === null) {
    const equal = actual === expected;
    return op === "eq" ? equal : op === "ne" ? !equal : false;
  }
  const [a, b] =
    expected instanceof Date
      ? [Date.parse(typeof actual === "string" ? actual : ""), expected.getTime()]
      : typeof expected === "string"
        ? [typeof actual === "string" ? actual.toLowerCase() : actual, expected.toLowerCase()]
        : [actual, expected];
  switch (op) {
    case "eq":
      return a === b;
    case "ne":
      return a !== b;
    case "ge":
      return (a as number | string) >= (b as number | string);
    case "le":
      return (a as number | string) <= (b as number | string);
  }
}
