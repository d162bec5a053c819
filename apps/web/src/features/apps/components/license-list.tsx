import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  createTableColumn,
  Field,
  makeStyles,
  mergeClasses,
  SearchBox,
  Spinner,
  TableHeaderCell,
  tokens,
} from "@fluentui/react-components";
import { Delete16Regular } from "@fluentui/react-icons";
import {
  compareLicenses,
  LicenseSortColumnSchema,
  type AssignedLicense,
  type LicenseSortColumn,
} from "@ihc/contracts";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../../components/error-panel";
import { UNSORTED, useSortedRows, type TableSort } from "../../../components/use-sorted-rows";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useAppLicenses } from "../api/get-app-licenses";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { choiceOf, type LicenseChoice } from "./license-choice";
import { LicenseExportButton } from "./license-export-button";

const ROW_HEIGHT = 48;
/** Start loading the next page this many rows before the end of what is loaded. */
const LOAD_AHEAD = 40;
const SEARCH_DEBOUNCE_MS = 300;

/** The list's columns sort with the rule the BFF's export sorts with (`@ihc/contracts`). */
const LICENSE_COLUMNS = LicenseSortColumnSchema.options.map((column) =>
  createTableColumn<AssignedLicense>({ columnId: column, compare: compareLicenses(column) }),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
  },
  search: { width: "320px", maxWidth: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  table: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowX: "auto",
  },
  inner: { minWidth: "860px" },
  row: {
    display: "grid",
    gridTemplateColumns: "44px minmax(0, 1.1fr) minmax(0, 1.5fr) minmax(0, 1.2fr) 104px 128px",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  header: {
    height: "40px",
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  scroller: { height: "min(60vh, 560px)", overflowY: "auto", position: "relative" },
  body: { position: "relative", width: "100%" },
  virtualRow: { position: "absolute", top: 0, left: 0, width: "100%", height: `${ROW_HEIGHT}px` },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  cell: { minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  none: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  check: { display: "flex", justifyContent: "center" },
  // Fluent's header cell in the list's grid row: the grid sets its width, not a table layout.
  sortHeader: { display: "block", minWidth: 0, padding: 0 },
  status: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
  },
});

export interface LicenseListProps {
  appId: string;
  appName: string;
  mayAct: boolean;
  selected: ReadonlyMap<string, LicenseChoice>;
  onSelectedChange: (selected: Map<string, LicenseChoice>) => void;
  onRevoke: (choice: LicenseChoice) => void;
  /** Keys of licenses whose revoke is on its way: their row says so instead of offering it. */
  revoking: ReadonlySet<string>;
}

/**
 * The app's licenses in a virtualized list (only the rows in view are in the DOM), loaded page
 * by page as the agent scrolls; the search (a UPN or device-name prefix, or a serial number) is
 * the BFF's, sent to Graph.
 */
export function LicenseList({
  appId,
  appName,
  mayAct,
  selected,
  onSelectedChange,
  onRevoke,
  revoking,
}: LicenseListProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const query = useAppLicenses(appId, debounced);
  const loaded: AssignedLicense[] = query.data?.pages.flatMap((page) => page.items) ?? [];
  // Sorts what is loaded; rows loaded later take their place in the order (ADR 0032).
  const [sort, setSort] = useState<TableSort<LicenseSortColumn>>(UNSORTED);
  const { rows: licenses, headerProps } = useSortedRows(loaded, LICENSE_COLUMNS, sort, setSort);
  const header = (column: LicenseSortColumn) => ({
    as: "div" as const,
    sortable: true,
    className: styles.sortHeader,
    ...headerProps(column),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler leaves this component unmemoized, which the virtualizer needs (it re-renders on scroll).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: licenses.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= licenses.length - LOAD_AHEAD) {
      void fetchNextPage();
    }
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastIndex, licenses.length]);

  const choices = licenses.flatMap((license) => {
    const choice = choiceOf(license);
    return choice === undefined || revoking.has(choice.key) ? [] : [choice];
  });
  const selectedLoaded = choices.filter((choice) => selected.has(choice.key)).length;
  const allState: boolean | "mixed" =
    selectedLoaded === 0 ? false : selectedLoaded === choices.length ? true : "mixed";
  const toggle = (choice: LicenseChoice, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(choice.key, choice);
    else next.delete(choice.key);
    onSelectedChange(next);
  };

  return (
    <div className={styles.root}>
      <div className={styles.toolbar} role="search">
        <Field label={t("apps.licenses.search")} hint={t("apps.licenses.searchHint")}>
          <SearchBox
            className={styles.search}
            value={search}
            onChange={(_event, data) => {
              setSearch(data.value);
            }}
          />
        </Field>
        <LicenseExportButton appId={appId} search={debounced} sort={sort} />
        <Body1 className={styles.muted} aria-live="polite" data-testid="license-status">
          {query.isPending
            ? t("apps.licenses.loading")
            : hasNextPage
              ? t("apps.licenses.loadedMore", { loaded: n(licenses.length) })
              : t("apps.licenses.loadedAll", {
                  count: licenses.length,
                  loaded: n(licenses.length),
                })}
          {sort.column !== undefined && hasNextPage ? ` ${t("apps.licenses.sortedLoaded")}` : ""}
        </Body1>
      </div>
      {query.isError && licenses.length === 0 ? (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} headingLevel={3} />
      ) : (
        <div className={styles.table}>
          <div
            className={styles.inner}
            role="table"
            aria-label={t("apps.licenses.tableLabel", { name: appName })}
            aria-rowcount={licenses.length + 1}
          >
            <div role="rowgroup">
              <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
                <span role="columnheader" className={styles.check}>
                  {mayAct ? (
                    <Checkbox
                      checked={allState}
                      disabled={choices.length === 0}
                      aria-label={t("apps.licenses.selectAllLoaded", {
                        count: choices.length,
                        loaded: n(choices.length),
                      })}
                      onChange={(_event, data) => {
                        const next = new Map(selected);
                        for (const choice of choices) {
                          if (data.checked === true) next.set(choice.key, choice);
                          else next.delete(choice.key);
                        }
                        onSelectedChange(next);
                      }}
                    />
                  ) : null}
                </span>
                <TableHeaderCell {...header("user")}>
                  {t("apps.licenses.columns.user")}
                </TableHeaderCell>
                <TableHeaderCell {...header("upn")}>
                  {t("apps.licenses.columns.upn")}
                </TableHeaderCell>
                <TableHeaderCell {...header("device")}>
                  {t("apps.licenses.columns.device")}
                </TableHeaderCell>
                <TableHeaderCell {...header("kind")}>
                  {t("apps.licenses.columns.kind")}
                </TableHeaderCell>
                <span role="columnheader">
                  <span className={styles.muted}>
                    {mayAct ? t("apps.licenses.columns.action") : ""}
                  </span>
                </span>
              </div>
            </div>
            {/* The scroller is the body's rowgroup: a focusable element between the table and
                its rows broke the table's structure (axe aria-required-children, critical). */}
            <div
              ref={scrollRef}
              role="rowgroup"
              className={styles.scroller}
              tabIndex={0}
              data-testid="license-scroller"
            >
              {query.isPending ? (
                <div role="row" className={styles.status}>
                  <span role="cell">
                    <Spinner size="tiny" label={t("apps.licenses.loading")} />
                  </span>
                </div>
              ) : licenses.length === 0 ? (
                <div role="row" className={styles.status}>
                  <Body1 role="cell">
                    {debounced === ""
                      ? t("apps.licenses.none")
                      : t("apps.licenses.noMatch", { search: debounced })}
                  </Body1>
                </div>
              ) : (
                <div className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
                  {items.map((item) => {
                    const license = licenses[item.index];
                    if (!license) return null;
                    const choice = choiceOf(license);
                    const pending = choice !== undefined && revoking.has(choice.key);
                    const isSelected = choice !== undefined && selected.has(choice.key);
                    return (
                      <div
                        key={license.id}
                        role="row"
                        aria-rowindex={item.index + 2}
                        className={mergeClasses(
                          styles.row,
                          styles.virtualRow,
                          isSelected && styles.selected,
                        )}
                        style={{ transform: `translateY(${item.start}px)` }}
                      >
                        <span role="cell" className={styles.check}>
                          {mayAct && choice !== undefined && !pending ? (
                            <Checkbox
                              checked={isSelected}
                              aria-label={t("apps.licenses.select", { who: choice.who })}
                              onChange={(_event, data) => {
                                toggle(choice, data.checked === true);
                              }}
                            />
                          ) : null}
                        </span>
                        <LicenseCells license={license} />
                        <span role="cell">
                          {!mayAct ? null : pending ? (
                            <Caption1 className={styles.muted}>
                              {t("apps.licenses.revoking")}
                            </Caption1>
                          ) : choice === undefined ? (
                            <Caption1 className={styles.muted}>
                              {t("apps.licenses.cannotRevoke")}
                            </Caption1>
                          ) : (
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={<Delete16Regular />}
                              aria-label={t("apps.licenses.revokeOne", { who: choice.who })}
                              onClick={() => {
                                onRevoke(choice);
                              }}
                            >
                              {t("apps.licenses.revoke")}
                            </Button>
                          )}
                        </span>
                      </div>
                    );
                  })}
                </div>
              )}
            </div>
          </div>
          {isFetchingNextPage ? (
            <div className={styles.status}>
              <Spinner size="tiny" label={t("apps.licenses.loadingMore")} />
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** User, UPN, device and kind; what is missing is said in words, not left blank. */
function LicenseCells({ license }: { license: AssignedLicense }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const noUser = license.userId === undefined && license.userPrincipalName === undefined;
  const none = (text: string) => (
    <span className={mergeClasses(styles.cell, styles.none)}>{text}</span>
  );
  return (
    <>
      <span role="cell" className={styles.cell} title={license.userName}>
        {license.userName ??
          (noUser
            ? none(
                t(
                  license.kind === "device" ? "apps.licenses.sharedDevice" : "apps.licenses.noUser",
                ),
              )
            : none("—"))}
      </span>
      <span role="cell" className={styles.cell} title={license.userPrincipalName}>
        {license.userPrincipalName ?? none("—")}
      </span>
      <span role="cell" className={styles.cell} title={license.deviceName}>
        {license.kind === "device"
          ? (license.deviceName ?? license.managedDeviceId ?? none("—"))
          : none(t("apps.licenses.anyDevice"))}
      </span>
      <span role="cell" className={styles.cell}>
        {t(`apps.licenses.kinds.${license.kind}`)}
      </span>
    </>
  );
}
