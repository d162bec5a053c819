import {
  useTableFeatures,
  useTableSort,
  type SortDirection,
  type TableColumnDefinition,
  type TableHeaderCellProps,
} from "@fluentui/react-components";

/** A table's sort: a column (none: the order the data came in) and a direction. */
export interface TableSort<C extends string> {
  column: C | undefined;
  direction: SortDirection;
}

export const UNSORTED = { column: undefined, direction: "ascending" } as const;

/**
 * Fluent's table sort (`useTableFeatures` + `useTableSort`, each column's `compare`) over rows
 * the page holds, with the sort held by the caller (state, or the URL). Returns the rows in the
 * order shown, for the table and for its export, and the props of a sortable header: Fluent
 * renders it as a button (Enter and Space) inside a header cell with `aria-sort`.
 */
export function useSortedRows<T, C extends string>(
  items: readonly T[],
  columns: TableColumnDefinition<T>[],
  sort: TableSort<C>,
  onSortChange: (next: TableSort<C>) => void,
): {
  rows: T[];
  headerProps: (column: C) => Pick<TableHeaderCellProps, "sortDirection" | "onClick">;
} {
  const {
    getRows,
    sort: { sort: sortRows, getSortDirection },
  } = useTableFeatures({ columns, items: [...items] }, [
    useTableSort({ sortState: { sortColumn: sort.column, sortDirection: sort.direction } }),
  ]);
  const rows = sortRows(getRows()).map((row) => row.item);
  const headerProps = (column: C) => {
    const direction = getSortDirection(column);
    return {
      ...(direction === undefined ? {} : { sortDirection: direction }),
      onClick: () => {
        // Chosen once here, not in a state updater: a URL-held sort adds one history entry.
        onSortChange({
          column,
          direction: direction === "ascending" ? "descending" : "ascending",
        });
      },
    };
  };
  return { rows, headerProps };
}
