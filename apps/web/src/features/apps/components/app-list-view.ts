import type { AppSort, AppSortColumn } from "./app-table";

/** What the apps page shows, as its URL says it (`?search=&token=&sort=&dir=`). */
export interface AppListView {
  search: string;
  tokenId: string | undefined;
  sort: AppSort;
}

const COLUMNS: readonly AppSortColumn[] = ["name", "publisher", "token", "usage"];
const DEFAULT_SORT: AppSort = { column: "name", direction: "ascending" };

/** Unknown or missing values fall back to the defaults: a hand-edited link never breaks the page. */
export function appListViewOf(params: URLSearchParams): AppListView {
  const column = COLUMNS.find((c) => c === params.get("sort")) ?? DEFAULT_SORT.column;
  const dir = params.get("dir");
  const token = params.get("token") ?? "";
  return {
    search: params.get("search") ?? "",
    tokenId: token === "" ? undefined : token,
    sort: {
      column,
      direction:
        dir === "descending" || dir === "ascending"
          ? dir
          : column === DEFAULT_SORT.column
            ? DEFAULT_SORT.direction
            : "ascending",
    },
  };
}

/** The URL of a view; defaults are left out so the plain page keeps a plain URL. */
export function appListParamsOf(view: AppListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.search !== "") params.set("search", view.search);
  if (view.tokenId !== undefined) params.set("token", view.tokenId);
  if (view.sort.column !== DEFAULT_SORT.column || view.sort.direction !== DEFAULT_SORT.direction) {
    params.set("sort", view.sort.column);
    params.set("dir", view.sort.direction);
  }
  return params;
}
