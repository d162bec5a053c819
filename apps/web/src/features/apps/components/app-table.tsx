import {
  Body1Strong,
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type SortDirection,
} from "@fluentui/react-components";
import type { IosVppApp } from "@ihc/contracts";
import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useTableStyles } from "../../../components/table-styles";
import { currentLanguage } from "../../../lib/i18n";
import { appPath } from "../../../lib/route-paths";
import { LicenseUsage } from "./license-usage";
import { licensingTypeOf } from "./licensing-type";

const useOwnStyles = makeStyles({
  table: { minWidth: "900px" },
});

export type AppSortColumn = "name" | "publisher" | "token" | "usage";

/** Sorts on the client: Graph cannot order apps by their license counts. */
export function sortApps(
  apps: readonly IosVppApp[],
  column: AppSortColumn,
  direction: SortDirection,
  language: string,
): IosVppApp[] {
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const sign = direction === "ascending" ? 1 : -1;
  const text = (app: IosVppApp): string =>
    column === "publisher"
      ? (app.publisher ?? "")
      : column === "token"
        ? (app.vppTokenDisplayName ?? "")
        : app.displayName;
  return [...apps].sort((a, b) => {
    const primary =
      column === "usage"
        ? a.usedLicenseCount - b.usedLicenseCount
        : collator.compare(text(a), text(b));
    if (primary !== 0) return primary * sign;
    return collator.compare(a.displayName, b.displayName) || a.id.localeCompare(b.id);
  });
}

const onControl = (event: MouseEvent) =>
  event.target instanceof Element && event.target.closest("a, button, input") !== null;

export interface AppSort {
  column: AppSortColumn;
  direction: SortDirection;
}

export interface AppTableProps {
  apps: readonly IosVppApp[];
  /** Held by the page (in its URL), so Back and a shared link restore it. */
  sort: AppSort;
  onSortChange: (sort: AppSort) => void;
}

/** iOS VPP apps; the name links to the app, and so does a click anywhere in the row. */
export function AppTable({ apps, sort, onSortChange }: AppTableProps) {
  const { t, i18n } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const navigate = useNavigate();
  const language = currentLanguage(i18n);
  const sorted = sortApps(apps, sort.column, sort.direction, language);
  const header = (column: AppSortColumn) => ({
    ...(sort.column === column ? { sortDirection: sort.direction } : {}),
    onClick: () => {
      onSortChange({
        column,
        direction:
          sort.column === column && sort.direction === "ascending"
            ? "descending"
            : column === "usage" && sort.column !== column
              ? "descending"
              : "ascending",
      });
    },
  });

  return (
    <div className={styles.scroller}>
      <Table sortable className={styles.table} aria-label={t("apps.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell {...header("name")} style={{ width: "28%" }}>
              {t("apps.columns.name")}
            </TableHeaderCell>
            <TableHeaderCell {...header("publisher")} style={{ width: "18%" }}>
              {t("apps.columns.publisher")}
            </TableHeaderCell>
            <TableHeaderCell {...header("token")} style={{ width: "20%" }}>
              {t("apps.columns.token")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "14%" }}>
              {t("apps.columns.licensing")}
            </TableHeaderCell>
            <TableHeaderCell {...header("usage")} style={{ width: "20%" }}>
              {t("apps.columns.usage")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((app) => (
            <TableRow
              key={app.id}
              className={styles.row}
              onClick={(event) => {
                if (onControl(event) || window.getSelection()?.toString()) return;
                void navigate(appPath(app.id));
              }}
            >
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <Link to={appPath(app.id)} className={styles.link}>
                    <Body1Strong className={styles.wrap}>{app.displayName}</Body1Strong>
                  </Link>
                  {app.bundleId === undefined ? null : (
                    <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
                      {app.bundleId}
                    </Caption1>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.wrap}>{app.publisher ?? "—"}</span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <span className={styles.wrap}>{app.vppTokenDisplayName ?? "—"}</span>
                  {app.vppTokenOrganizationName === undefined ? null : (
                    <Caption1 className={styles.muted}>{app.vppTokenOrganizationName}</Caption1>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                {t(`apps.licensing.${licensingTypeOf(app)}`)}
              </TableCell>
              <TableCell className={styles.cell}>
                <LicenseUsage used={app.usedLicenseCount} total={app.totalLicenseCount} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
