/**
 * The lexer and token cursor that both `$filter` parsers share: Intune's OData subset
 * (odata-filter.ts) and Entra ID's user filter (directory/user-filter.ts). They differ in what
 * they accept (rules below) and in their grammars and errors, not in how text becomes tokens.
 */
export type FilterToken =
  | { kind: "word"; value: string; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "number"; value: number; at: number }
  | { kind: "date"; value: Date; at: number }
  | { kind: "punct"; value: "(" | ")" | ","; at: number };

export interface FilterLexerRules {
  /** A date-time literal, anchored at the start. */
  dateTime: RegExp;
  /** A property, function or keyword, anchored at the start. */
  word: RegExp;
  /** Unquoted numbers become number tokens (else they are a syntax error). */
  numbers: boolean;
  /** Unquoted GUIDs become string tokens, as Intune takes them. */
  guids: boolean;
}

const guidLiteral = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Graph's wording for a filter it cannot read; each parser wraps it in its own error type. */
export const filterSyntaxMessage = (text: string, at: number): string =>
  `Invalid filter clause: Syntax error at position ${at} in '${text}'.`;

export function tokenizeFilter(
  text: string,
  rules: FilterLexerRules,
  syntaxError: (at: number) => Error,
): FilterToken[] {
  const tokens: FilterToken[] = [];
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
      // An OData string literal: a quote inside is written twice.
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(i);
        if (text.charAt(j) === "'") {
          if (text.charAt(j + 1) !== "'") break;
          value += "'";
          j += 2;
        } else {
          value += text.charAt(j);
          j += 1;
        }
      }
      tokens.push({ kind: "string", value, at: i });
      i = j + 1;
      continue;
    }
    const rest = text.slice(i);
    const date = rules.dateTime.exec(rest);
    if (date !== null) {
      tokens.push({ kind: "date", value: new Date(date[0]), at: i });
      i += date[0].length;
      continue;
    }
    const guid = rules.guids ? guidLiteral.exec(rest) : null;
    if (guid !== null) {
      tokens.push({ kind: "string", value: guid[0], at: i });
      i += guid[0].length;
      continue;
    }
    const number = rules.numbers ? /^-?\d+(\.\d+)?/.exec(rest) : null;
    if (number !== null) {
      tokens.push({ kind: "number", value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const word = rules.word.exec(rest);
    if (word === null) throw syntaxError(i);
    tokens.push({ kind: "word", value: word[0], at: i });
    i += word[0].length;
  }
  return tokens;
}

/** Walks the tokens for a recursive-descent parser. */
export class FilterTokenCursor {
  private position = 0;

  constructor(
    private readonly tokens: readonly FilterToken[],
    private readonly text: string,
    private readonly syntaxError: (at: number) => Error,
  ) {}

  /** The next token without taking it. */
  peek(): FilterToken | undefined {
    return this.tokens[this.position];
  }

  /** Takes the next token; the end of the text is a syntax error. */
  next(): FilterToken {
    const token = this.tokens[this.position];
    if (token === undefined) throw this.syntaxError(this.text.length);
    this.position += 1;
    return token;
  }

  /** Takes the next token if it is this keyword (any case). */
  keyword(word: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === "word" && token.value.toLowerCase() === word) {
      this.position += 1;
      return true;
    }
    return false;
  }

  peekPunct(value: "(" | ")" | ","): boolean {
    const token = this.tokens[this.position];
    return token?.kind === "punct" && token.value === value;
  }

  expect(value: "(" | ")" | ","): void {
    const token = this.tokens[this.position];
    if (token?.kind !== "punct" || token.value !== value) {
      throw this.syntaxError(token?.at ?? this.text.length);
    }
    this.position += 1;
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token !== undefined) throw this.syntaxError(token.at);
  }
}
