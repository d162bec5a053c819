import { describe, expect, it } from "vitest";
import { appListParamsOf, appListViewOf } from "./app-list-view";

describe("the apps page's view in its URL", () => {
  it("round-trips search, token and sort, leaving defaults out", () => {
    const view = {
      search: "teams",
      tokenId: "7b3c5d1e-0000-4000-8000-000000000001",
      sort: { column: "usage" as const, direction: "descending" as const },
    };
    expect(appListViewOf(appListParamsOf(view))).toEqual(view);
    expect(
      appListParamsOf({
        search: "",
        tokenId: undefined,
        sort: { column: "name", direction: "ascending" },
      }).toString(),
    ).toBe("");
  });

  it("falls back to the defaults for a hand-edited link", () => {
    expect(appListViewOf(new URLSearchParams("sort=evil&dir=sideways&token="))).toEqual({
      search: "",
      tokenId: undefined,
      sort: { column: "name", direction: "ascending" },
    });
  });
});
