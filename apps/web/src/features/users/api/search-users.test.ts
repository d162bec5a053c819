import type { UserSearchResult } from "@ihc/contracts";
import { InfiniteQueryObserver, QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { configureApiClient } from "../../../lib/api-client";
import { userKeys } from "../../../lib/query-keys";
import { userSearchQueryOptions } from "./search-users";

interface Pending {
  url: string;
  signal: AbortSignal;
  answer: (body: UserSearchResult) => void;
}

/** A fetch that answers only when the test says so, and rejects like fetch when aborted. */
function controlledFetch() {
  const pending: Pending[] = [];
  const fetchMock = vi.fn((url: string, init: RequestInit) => {
    const signal = init.signal as AbortSignal;
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener("abort", () => {
        reject(new DOMException("The operation was aborted.", "AbortError"));
      });
      pending.push({
        url,
        signal,
        answer: (body) => {
          resolve(
            new Response(JSON.stringify(body), {
              status: 200,
              headers: { "Content-Type": "application/json" },
            }),
          );
        },
      });
    });
  });
  return { pending, fetchMock };
}

const user = (name: string) => ({
  id: `id-${name}`,
  displayName: name,
  userPrincipalName: `${name}@contoso.test`,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("user search queries", () => {
  it("aborts the older search when a newer one starts, and its late answer fills nothing", async () => {
    configureApiClient({
      getAccessToken: () => Promise.resolve("token"),
      signInInteractively: () => Promise.reject(new Error("no")),
    });
    const { pending, fetchMock } = controlledFetch();
    vi.stubGlobal("fetch", fetchMock);
    const client = new QueryClient();
    const observer = new InfiniteQueryObserver(client, userSearchQueryOptions("ad"));
    const unsubscribe = observer.subscribe(() => undefined);
    await settle();
    expect(pending).toHaveLength(1);
    expect(pending[0]?.url).toBe("/api/users?search=ad");

    observer.setOptions(userSearchQueryOptions("adele"));
    await settle();
    expect(pending).toHaveLength(2);
    expect(pending[0]?.signal.aborted).toBe(true);
    expect(pending[1]?.signal.aborted).toBe(false);

    pending[1]?.answer({ items: [user("Adele Vance")], count: 1 });
    await settle();
    // The older answer, had it come at all, only concerns its own (cancelled) entry.
    pending[0]?.answer({ items: [user("Adam Smith")], count: 2 });
    await settle();
    expect(observer.getCurrentResult().data?.pages[0]?.items.map((u) => u.displayName)).toEqual([
      "Adele Vance",
    ]);
    expect(client.getQueryData(userKeys.search("ad"))).toBeUndefined();
    unsubscribe();
  });

  it("asks for the next page with the cursor of the last one", async () => {
    configureApiClient({
      getAccessToken: () => Promise.resolve("token"),
      signInInteractively: () => Promise.reject(new Error("no")),
    });
    const { pending, fetchMock } = controlledFetch();
    vi.stubGlobal("fetch", fetchMock);
    const observer = new InfiniteQueryObserver(new QueryClient(), userSearchQueryOptions("o'b&#"));
    const unsubscribe = observer.subscribe(() => undefined);
    await settle();
    expect(pending[0]?.url).toBe("/api/users?search=o%27b%26%23");
    pending[0]?.answer({ items: [user("A")], count: 2, cursor: "next_1" });
    await settle();
    expect(observer.getCurrentResult().hasNextPage).toBe(true);
    void observer.fetchNextPage();
    await settle();
    expect(pending[1]?.url).toBe("/api/users?search=o%27b%26%23&cursor=next_1");
    pending[1]?.answer({ items: [user("B")] });
    await settle();
    expect(observer.getCurrentResult().hasNextPage).toBe(false);
    expect(observer.getCurrentResult().data?.pages.flatMap((p) => p.items)).toHaveLength(2);
    unsubscribe();
  });
});
