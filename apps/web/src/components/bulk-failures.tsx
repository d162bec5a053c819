import {
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { BulkItem } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { RequestId } from "./request-id";
import { formatNumber } from "../lib/format";
import { currentLanguage } from "../lib/i18n";

const SHOWN = 200;
/** Codes the BFF itself gives an item; Graph's own codes are shown with Graph's message. */
const OUR_CODES = new Set(["notAssigned", "notApplied"] as const);
type OurCode = typeof OUR_CODES extends Set<infer C> ? C : never;
const isOurCode = (code: string | undefined): code is OurCode =>
  code !== undefined && OUR_CODES.has(code as OurCode);

const useStyles = makeStyles({
  scroller: {
    maxHeight: "280px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface BulkFailuresProps {
  items: readonly BulkItem[];
  label: string;
  /** An item's name and what it was (default: the license holder and "User"/"Device"). */
  describe?: (item: BulkItem) => { who: string; what: string };
}

/** Each item a bulk run could not carry out (or has not confirmed): who, why, the request id. */
export function BulkFailures({ items, label, describe }: BulkFailuresProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const why = (item: BulkItem): string => {
    if (item.state === "unknown") return t("apps.bulk.why.unknown");
    const code = item.graph?.code;
    if (isOurCode(code)) return t(`apps.bulk.why.${code}`);
    return (
      [
        item.graph?.status === undefined ? undefined : `HTTP ${item.graph.status}`,
        code,
        item.graph?.message,
      ]
        .filter((part) => part !== undefined && part !== "")
        .join(" · ") || t("apps.bulk.why.other")
    );
  };
  return (
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "32%" }}>{t("apps.bulk.columns.who")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "40%" }}>{t("apps.bulk.columns.why")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "28%" }}>
              {t("apps.bulk.columns.requestId")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.slice(0, SHOWN).map((item) => {
            const requestId = item.graph?.requestId ?? item.graph?.clientRequestId;
            const { who, what } = describe?.(item) ?? {
              who: item.label ?? item.id,
              what: t(`apps.licenses.kinds.${item.kind}`),
            };
            return (
              <TableRow key={item.key}>
                <TableCell>
                  <span className={styles.who}>{who}</span>{" "}
                  <Caption1 className={styles.muted}>({what})</Caption1>
                </TableCell>
                <TableCell>{why(item)}</TableCell>
                <TableCell>
                  {requestId === undefined || requestId === "" ? (
                    <Caption1 className={styles.muted}>{t("apps.bulk.notSent")}</Caption1>
                  ) : (
                    <RequestId value={requestId} label={t("apps.bulk.columns.requestId")} />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
          {items.length > SHOWN ? (
            <TableRow>
              <TableCell colSpan={3}>
                <Caption1 className={styles.muted}>
                  {t("apps.revokeDialog.more", {
                    count: items.length - SHOWN,
                    more: formatNumber(items.length - SHOWN, language),
                  })}
                </Caption1>
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
