import { searchWords } from "../../store/search-tokens.js";
import {
  intersect,
  prefixProperties,
  union,
  type PrefixProperty,
  type UserDirectory,
} from "../../store/user-directory.js";
import { GraphError } from "../graph-error.js";

/**
 * `$search` on users: `"property:text"` clauses joined by upper-case AND / OR, with parentheses.
 * A clause's quotes are part of the syntax; `\"` and `\\` escape inside one. displayName is
 * matched by tokens (store/search-tokens.ts); other string properties by prefix, as Graph
 * falls back to startsWith for properties it does not tokenize.
 * https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 */
export type UserSearch =
  | { kind: "and" | "or"; left: UserSearch; right: UserSearch }
  | { kind: "clause"; property: PrefixProperty; text: string };

type Token =
  | { kind: "clause"; value: string; at: number }
  | { kind: "op"; value: "AND" | "OR"; at: number }
  | { kind: "paren"; value: "(" | ")"; at: number };

function syntaxError(text: string, at: number): GraphError {
  const ch = text.charAt(at);
  return new GraphError(
    400,
    "BadRequest",
    at >= text.length
      ? `Syntax error: unexpected end of the $search expression '${text}'.`
      : `Syntax error: character '${ch}' is not valid at position ${at} in '${text}'.`,
  );
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "(" || ch === ")") {
      tokens.push({ kind: "paren", value: ch, at: i });
      i += 1;
    } else if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw syntaxError(text, text.length);
        const c = text.charAt(j);
        if (c === '"') break;
        if (c === "\\") {
          const escaped = text.charAt(j + 1);
          if (escaped !== '"' && escaped !== "\\") throw syntaxError(text, j);
          value += escaped;
          j += 2;
        } else {
          value += c;
          j += 1;
        }
      }
      tokens.push({ kind: "clause", value, at: i });
      i = j + 1;
    } else if (text.startsWith("AND", i) || text.startsWith("OR", i)) {
      const value = text.startsWith("AND", i) ? "AND" : "OR";
      tokens.push({ kind: "op", value, at: i });
      i += value.length;
    } else {
      throw syntaxError(text, i);
    }
  }
  return tokens;
}

export function parseUserSearch(text: string): UserSearch {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const expression = (): UserSearch => {
    let left = conjunction();
    for (let t = peek(); t?.kind === "op" && t.value === "OR"; t = peek()) {
      position += 1;
      left = { kind: "or", left, right: conjunction() };
    }
    return left;
  };
  const conjunction = (): UserSearch => {
    let left = primary();
    for (let t = peek(); t?.kind === "op" && t.value === "AND"; t = peek()) {
      position += 1;
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const primary = (): UserSearch => {
    const token = peek();
    if (token === undefined) throw syntaxError(text, text.length);
    position += 1;
    if (token.kind === "paren" && token.value === "(") {
      const inner = expression();
      const close = peek();
      if (close?.kind !== "paren" || close.value !== ")") {
        throw syntaxError(text, close?.at ?? text.length);
      }
      position += 1;
      return inner;
    }
    if (token.kind !== "clause") throw syntaxError(text, token.at);
    return clause(token.value);
  };
  const result = expression();
  const rest = peek();
  if (rest !== undefined) throw syntaxError(text, rest.at);
  return result;
}

function clause(value: string): UserSearch {
  const colon = value.indexOf(":");
  if (colon <= 0) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Unsupported search clause '"${value}"': a clause names a property, as in "displayName:${value}".`,
    );
  }
  const name = value.slice(0, colon).trim().toLowerCase();
  const property = prefixProperties.find((p) => p.toLowerCase() === name);
  if (property === undefined) {
    throw new GraphError(
      400,
      "Request_UnsupportedQuery",
      `Unsupported or invalid query filter clause specified for property '${value.slice(0, colon).trim()}' of resource 'User'.`,
    );
  }
  return { kind: "clause", property, text: value.slice(colon + 1) };
}

/** The positions of the users the search finds, ascending. */
export function searchUsers(search: UserSearch, directory: UserDirectory): number[] {
  switch (search.kind) {
    case "and":
      return intersect(searchUsers(search.left, directory), searchUsers(search.right, directory));
    case "or":
      return union(searchUsers(search.left, directory), searchUsers(search.right, directory));
    case "clause":
      if (search.property === "displayName") {
        return directory.searchDisplayName(searchWords(search.text));
      }
      return search.text === "" ? [] : directory.startingWith(search.property, search.text);
  }
}
