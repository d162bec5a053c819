/**
 * Entra ID's `$search` tokenization of displayName, as Graph documents it: a value splits into
 * words at spaces, at a change from lower to upper case (`HelloWorld` → hello, world; but
 * `HELLOworld` stays one word), between letters, digits and symbols (`hello123world` → hello,
 * 123, world); words joined only by symbols also count joined (`hello.world` → helloworld).
 * Words match case-insensitively, by prefix, in any order.
 * https://learn.microsoft.com/graph/search-query-parameter#using-search-on-directory-object-collections
 */
type CharClass = "letter" | "digit" | "symbol" | "space";

function classOf(ch: string): CharClass {
  if (/\s/u.test(ch)) return "space";
  if (/[\p{L}\p{M}]/u.test(ch)) return "letter";
  if (/\p{N}/u.test(ch)) return "digit";
  return "symbol";
}

const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** The words of each space-separated chunk of `text`, lower-cased. */
function chunks(text: string): string[][] {
  const result: string[][] = [];
  let words: string[] = [];
  let word = "";
  let previous: { cls: CharClass; ch: string } | undefined;
  const endWord = (): void => {
    if (word !== "") words.push(word.toLowerCase());
    word = "";
  };
  const endChunk = (): void => {
    endWord();
    if (words.length > 0) result.push(words);
    words = [];
  };
  for (const ch of text) {
    const cls = classOf(ch);
    if (cls === "space") {
      endChunk();
      previous = undefined;
      continue;
    }
    if (cls === "symbol") {
      endWord();
      previous = { cls, ch };
      continue;
    }
    const caseChange =
      cls === "letter" && previous?.cls === "letter" && !isUpper(previous.ch) && isUpper(ch);
    const combiningMark = /\p{M}/u.test(ch);
    if (previous !== undefined && (previous.cls !== cls || caseChange) && !combiningMark) endWord();
    word += ch;
    previous = { cls, ch };
  }
  endChunk();
  return result;
}

/** What a displayName is found by: its words and, where a chunk has several, the chunk's joined words. */
export function indexTokens(value: string): string[] {
  const tokens = new Set<string>();
  for (const words of chunks(value)) {
    for (const word of words) tokens.add(word);
    if (words.length > 1) tokens.add(words.join(""));
  }
  return [...tokens];
}

/** The words of a search text; each must prefix-match a token of the value. Symbols are ignored. */
export function searchWords(text: string): string[] {
  return [...new Set(chunks(text).flat())];
}
