import {
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  Spinner,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { UserSummary } from "@ihc/contracts";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { nextActiveIndex } from "../hooks/listbox-keys";

/** Every row is one height, so the scroll bar is right before rows are measured. */
export const RESULT_ROW_HEIGHT = 56;
/** Rows drawn beyond the visible ones, each way: keeps scrolling smooth, the DOM small. */
const OVERSCAN = 6;
/** Ask for the next page this many rows before the end. */
const PREFETCH_ROWS = 15;
const PAGE_STEP = 8;

const useStyles = makeStyles({
  scroller: {
    height: "min(60vh, 560px)",
    minHeight: "240px",
    overflowY: "auto",
    position: "relative",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  stale: { opacity: 0.6 },
  canvas: { position: "relative", width: "100%" },
  row: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    boxSizing: "border-box",
    height: `${String(RESULT_ROW_HEIGHT)}px`,
    display: "grid",
    gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalL,
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected },
  },
  person: { display: "flex", flexDirection: "column", minWidth: 0 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  loader: { justifyContent: "start", cursor: "default" },
});

export interface UserSearchResultsProps {
  users: readonly UserSummary[];
  /** How many match in all (Graph's count), for `aria-setsize`; the loaded count without it. */
  total: number | undefined;
  /** The search these users answer; a new one starts at the top again. */
  search: string;
  /** The results are of an older search while the new one loads. */
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  onOpen: (user: UserSummary) => void;
  label: string;
  /** Set when the search box hands the keyboard over (Arrow Down). */
  listRef?: RefObject<HTMLDivElement | null> | undefined;
}

/**
 * The results as a listbox that draws only the rows in view (a search can match thousands):
 * the list has the focus and points at the active option (`aria-activedescendant`); arrows,
 * Page Up/Down, Home and End move it, Enter opens the person. More pages load as the end nears.
 */
export function UserSearchResults({
  users,
  total,
  search,
  stale,
  hasMore,
  loadingMore,
  loadMore,
  onOpen,
  label,
  listRef,
}: UserSearchResultsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const baseId = useId("user-result");
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [active, setActive] = useState(0);
  const [activeFor, setActiveFor] = useState(search);
  if (activeFor !== search) {
    // A new search: the first row again (adjusting state while rendering, not in an effect).
    setActiveFor(search);
    setActive(0);
  }

  const rowCount = users.length + (hasMore ? 1 : 0);
  // TanStack Virtual returns fresh functions each render by design; we do not use the React
  // Compiler, so its "cannot be memoized" notice does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => RESULT_ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const rows = virtualizer.getVirtualItems();
  const lastDrawn = rows.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastDrawn >= users.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, lastDrawn, users.length, loadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [search]);

  const moveTo = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: "auto" });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter") {
      const user = users[active];
      if (user) onOpen(user);
      event.preventDefault();
      return;
    }
    const next = nextActiveIndex(event.key, active, users.length, PAGE_STEP);
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  const activeUser = users[Math.min(active, users.length - 1)];
  const setRefs = (node: HTMLDivElement | null) => {
    scrollRef.current = node;
    if (listRef) listRef.current = node;
  };

  return (
    <div
      ref={setRefs}
      role="listbox"
      aria-label={label}
      aria-busy={stale || loadingMore}
      aria-activedescendant={activeUser ? `${baseId}-${String(active)}` : undefined}
      tabIndex={0}
      className={mergeClasses(styles.scroller, stale && styles.stale)}
      onKeyDown={onKeyDown}
      data-results-for={stale ? undefined : search}
    >
      <div className={styles.canvas} style={{ height: `${String(virtualizer.getTotalSize())}px` }}>
        {rows.map((row) => {
          const user = users[row.index];
          const style = { transform: `translateY(${String(row.start)}px)` };
          if (!user) {
            return (
              <div
                key="loader"
                aria-hidden
                className={mergeClasses(styles.row, styles.loader)}
                style={style}
              >
                <Spinner size="tiny" label={t("users.search.loadingMore")} />
              </div>
            );
          }
          return (
            <div
              key={user.id}
              id={`${baseId}-${String(row.index)}`}
              role="option"
              aria-selected={row.index === active}
              aria-posinset={row.index + 1}
              aria-setsize={total ?? (hasMore ? -1 : users.length)}
              className={mergeClasses(styles.row, row.index === active && styles.active)}
              style={style}
              onClick={() => {
                setActive(row.index);
                onOpen(user);
              }}
            >
              <div className={styles.person}>
                <Body1 className={mergeClasses(styles.ellipsis, styles.name)}>
                  {user.displayName}
                </Body1>
                <Caption1 className={mergeClasses(styles.ellipsis, styles.muted)}>
                  {user.userPrincipalName}
                </Caption1>
              </div>
              <Body1 className={mergeClasses(styles.ellipsis, styles.muted)}>
                {user.department ?? ""}
              </Body1>
            </div>
          );
        })}
      </div>
    </div>
  );
}
