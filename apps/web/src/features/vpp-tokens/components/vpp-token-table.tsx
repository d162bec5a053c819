import {
  Body1Strong,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type SortDirection,
} from "@fluentui/react-components";
import type { VppToken } from "@ihc/contracts";
import { useState, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { formatRegion } from "../../../lib/format";
import { useTableStyles } from "../../../components/table-styles";
import { currentLanguage } from "../../../lib/i18n";
import { vppTokenPath } from "../../../lib/route-paths";
import { ExpiryCell } from "./expiry-cell";
import { LastSyncCell } from "./last-sync-cell";
import { LatestRevokeCell } from "./latest-revoke-cell";
import { TokenStateBadge } from "./token-state-badge";

const useOwnStyles = makeStyles({
  table: { minWidth: "960px" },
});

type SortColumn = "name" | "expiry";

export function sortTokens(
  tokens: readonly VppToken[],
  column: SortColumn,
  direction: SortDirection,
  language: string,
): VppToken[] {
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const sign = direction === "ascending" ? 1 : -1;
  const expiry = (token: VppToken) => {
    const time = Date.parse(token.expirationDateTime ?? "");
    // Tokens without a date sort last either way.
    return Number.isNaN(time) ? undefined : time;
  };
  return [...tokens].sort((a, b) => {
    if (column === "expiry") {
      const x = expiry(a);
      const y = expiry(b);
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      if (x !== y) return (x - y) * sign;
    }
    return collator.compare(a.displayName, b.displayName) * (column === "name" ? sign : 1);
  });
}

/** Whether a click in a row landed on something that acts by itself (a link, a button). */
const onControl = (event: MouseEvent) =>
  event.target instanceof Element && event.target.closest("a, button, input") !== null;

/** The tenant's VPP tokens; the name links to the token, and so does a click anywhere in the row. */
export function VppTokenTable({ tokens: items }: { tokens: readonly VppToken[] }) {
  const { t, i18n } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const navigate = useNavigate();
  const language = currentLanguage(i18n);
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
    column: "name",
    direction: "ascending",
  });
  const sorted = sortTokens(items, sort.column, sort.direction, language);
  const header = (column: SortColumn) => ({
    ...(sort.column === column ? { sortDirection: sort.direction } : {}),
    onClick: () => {
      setSort((current) => ({
        column,
        direction:
          current.column === column && current.direction === "ascending"
            ? "descending"
            : "ascending",
      }));
    },
  });

  return (
    <div className={styles.scroller}>
      <Table sortable className={styles.table} aria-label={t("vppTokens.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell {...header("name")} style={{ width: "22%" }}>
              {t("vppTokens.columns.name")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "16%" }}>
              {t("vppTokens.columns.appleId")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "15%" }}>
              {t("vppTokens.columns.location")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "12%" }}>
              {t("vppTokens.columns.state")}
            </TableHeaderCell>
            <TableHeaderCell {...header("expiry")} style={{ width: "12%" }}>
              {t("vppTokens.columns.expiry")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "11%" }}>
              {t("vppTokens.columns.lastSync")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "12%" }}>
              {t("vppTokens.columns.latestRevoke")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((token) => (
            <TableRow
              key={token.id}
              className={styles.row}
              onClick={(event) => {
                if (onControl(event) || window.getSelection()?.toString()) return;
                void navigate(vppTokenPath(token.id));
              }}
            >
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <Link to={vppTokenPath(token.id)} className={styles.link}>
                    <Body1Strong className={styles.wrap}>{token.displayName}</Body1Strong>
                  </Link>
                  {token.organizationName === undefined ? null : (
                    <Caption1 className={styles.muted}>{token.organizationName}</Caption1>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.wrap}>{token.appleId ?? "—"}</span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.stack}>
                  <span>{token.locationName ?? "—"}</span>
                  {token.countryOrRegion === undefined ? null : (
                    <Caption1 className={styles.muted}>
                      {formatRegion(token.countryOrRegion, language)}
                    </Caption1>
                  )}
                </span>
              </TableCell>
              <TableCell className={styles.cell}>
                <TokenStateBadge token={token} />
              </TableCell>
              <TableCell className={styles.cell}>
                <ExpiryCell expiration={token.expirationDateTime} />
              </TableCell>
              <TableCell className={styles.cell}>
                <LastSyncCell token={token} />
              </TableCell>
              <TableCell className={styles.cell}>
                <LatestRevokeCell token={token} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
