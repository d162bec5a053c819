import { indexTokens } from "./search-tokens.js";
import type { UserRecord } from "./user-record.js";

/** String properties a directory query may match by prefix (startsWith, `$search`). */
export const prefixProperties = [
  "displayName",
  "givenName",
  "surname",
  "userPrincipalName",
  "mail",
  "jobTitle",
  "department",
  "officeLocation",
  "usageLocation",
  "mobilePhone",
  "preferredLanguage",
] as const;
export type PrefixProperty = (typeof prefixProperties)[number];

/** The properties people search by; the rest get their index on first use. */
const warmProperties: readonly PrefixProperty[] = ["displayName", "userPrincipalName", "mail"];

export type OrderProperty = "displayName" | "userPrincipalName" | "createdDateTime";

/** Sorted lower-cased keys and the position of the user each came from. */
interface SortedKeys {
  keys: string[];
  positions: Int32Array;
}

/**
 * The tenant's users with the indexes Entra ID's query engine would have: by id, by UPN, by
 * mail, sorted lower-cased values per property for prefix matches, and displayName's search
 * tokens. Positions (a user's index in `users`) are what queries pass around; a sorted list of
 * positions is a result set in the directory's own order. Indexes are built on first use, or
 * all at once by `warm()`.
 */
export class UserDirectory {
  private readonly byId = new Map<string, number>();
  private readonly byUpn = new Map<string, number>();
  private readonly byMail = new Map<string, number[]>();
  private readonly prefix = new Map<PrefixProperty, SortedKeys>();
  private tokens: SortedKeys | undefined;
  private readonly ranks = new Map<OrderProperty, Int32Array>();

  constructor(readonly users: readonly UserRecord[]) {
    users.forEach((user, position) => {
      this.byId.set(user.id.toLowerCase(), position);
      this.byUpn.set(user.userPrincipalName.toLowerCase(), position);
      if (user.mail !== null) {
        const key = user.mail.toLowerCase();
        const list = this.byMail.get(key);
        if (list === undefined) this.byMail.set(key, [position]);
        else list.push(position);
      }
    });
  }

  /** Builds the indexes searches use, so the first search of a large tenant is as fast as the rest. */
  warm(): void {
    for (const property of warmProperties) this.sortedKeys(property);
    this.tokenIndex();
  }

  get size(): number {
    return this.users.length;
  }

  at(position: number): UserRecord {
    const user = this.users[position];
    if (user === undefined) throw new Error(`No user at position ${position}`);
    return user;
  }

  /** Graph addresses a user by id or by userPrincipalName, case-insensitively. */
  find(idOrUpn: string): UserRecord | undefined {
    const key = idOrUpn.toLowerCase();
    const position = this.byId.get(key) ?? this.byUpn.get(key);
    return position === undefined ? undefined : this.users[position];
  }

  /** Positions whose property equals `value` (case-insensitive), for id, UPN and mail. */
  equalTo(property: "id" | "userPrincipalName" | "mail", value: string): number[] {
    const key = value.toLowerCase();
    if (property === "mail") return [...(this.byMail.get(key) ?? [])].sort((a, b) => a - b);
    const position = (property === "id" ? this.byId : this.byUpn).get(key);
    return position === undefined ? [] : [position];
  }

  /** Positions whose property starts with `prefix` (case-insensitive), ascending. */
  startingWith(property: PrefixProperty, prefix: string): number[] {
    const { keys, positions } = this.sortedKeys(property);
    const p = prefix.toLowerCase();
    const result: number[] = [];
    for (let i = lowerBound(keys, p); i < keys.length && (keys[i] ?? "").startsWith(p); i += 1) {
      result.push(positions[i] ?? 0);
    }
    return result.sort((a, b) => a - b);
  }

  /** Positions whose displayName has a search token starting with every one of `words`. */
  searchDisplayName(words: readonly string[]): number[] {
    if (words.length === 0) return [];
    const { keys, positions } = this.tokenIndex();
    let result: number[] | undefined;
    for (const word of words) {
      const matches: number[] = [];
      for (let i = lowerBound(keys, word); i < keys.length && (keys[i] ?? "").startsWith(word);) {
        matches.push(positions[i] ?? 0);
        i += 1;
      }
      const unique = sortedUnique(matches);
      result = result === undefined ? unique : intersect(result, unique);
      if (result.length === 0) break;
    }
    return result ?? [];
  }

  /** Each user's place in ascending order of `property` (ties keep the directory's order). */
  rank(property: OrderProperty): Int32Array {
    const rank = this.ranks.get(property);
    if (rank !== undefined) return rank;
    const collator = new Intl.Collator("en", { sensitivity: "base", numeric: false });
    const values = this.users.map((u) => u[property]);
    const order = Array.from(values.keys()).sort(
      (a, b) => collator.compare(values[a] ?? "", values[b] ?? "") || a - b,
    );
    const ranked = new Int32Array(values.length);
    order.forEach((position, place) => {
      ranked[position] = place;
    });
    this.ranks.set(property, ranked);
    return ranked;
  }

  private sortedKeys(property: PrefixProperty): SortedKeys {
    let index = this.prefix.get(property);
    if (index !== undefined) return index;
    const keys: string[] = [];
    const owners: number[] = [];
    this.users.forEach((user, position) => {
      const value = user[property];
      if (value === null) return;
      keys.push(value.toLowerCase());
      owners.push(position);
    });
    index = sortKeys(keys, owners);
    this.prefix.set(property, index);
    return index;
  }

  private tokenIndex(): SortedKeys {
    if (this.tokens !== undefined) return this.tokens;
    const keys: string[] = [];
    const owners: number[] = [];
    this.users.forEach((user, position) => {
      for (const token of indexTokens(user.displayName)) {
        keys.push(token);
        owners.push(position);
      }
    });
    this.tokens = sortKeys(keys, owners);
    return this.tokens;
  }
}

function sortKeys(keys: string[], owners: number[]): SortedKeys {
  // Code-unit order, so that every key with a given prefix sits in one contiguous run.
  const order = Int32Array.from(keys.keys()).sort((a, b) => {
    const x = keys[a] ?? "";
    const y = keys[b] ?? "";
    return x < y ? -1 : x > y ? 1 : (owners[a] ?? 0) - (owners[b] ?? 0);
  });
  return {
    keys: Array.from(order, (i) => keys[i] ?? ""),
    positions: Int32Array.from(order, (i) => owners[i] ?? 0),
  };
}

function lowerBound(keys: readonly string[], value: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] ?? "") < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

/** Both inputs ascending and unique; so is the result. */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      result.push(x);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return result;
}

/** Both inputs ascending and unique; so is the result. */
export function union(a: readonly number[], b: readonly number[]): number[] {
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      result.push(x ?? 0);
      i += 1;
    } else if (x === undefined || y < x) {
      result.push(y);
      j += 1;
    } else {
      result.push(x);
      i += 1;
      j += 1;
    }
  }
  return result;
}
