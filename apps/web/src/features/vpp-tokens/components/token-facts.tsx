import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { VppToken } from "@ihc/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RelativeTime } from "../../../components/relative-time";
import { RequestId } from "../../../components/request-id";
import { formatDateTime, formatRegion } from "../../../lib/format";
import { graphEnumLabel } from "../../../lib/graph-enum-label";
import { currentLanguage } from "../../../lib/i18n";
import { ExpiryCell } from "./expiry-cell";
import { LastSyncCell } from "./last-sync-cell";
import { TokenStateBadge } from "./token-state-badge";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The token's fields as a description list, each in words rather than Graph's enums. */
export function TokenFacts({ token }: { token: VppToken }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const rows: [string, ReactNode][] = [
    [t("vppTokens.facts.state"), <TokenStateBadge key="state" token={token} />],
    [t("vppTokens.facts.organization"), token.organizationName],
    [t("vppTokens.facts.appleId"), token.appleId],
    [
      t("vppTokens.facts.location"),
      token.locationName === undefined && token.countryOrRegion === undefined
        ? undefined
        : [
            token.locationName,
            token.countryOrRegion === undefined
              ? undefined
              : formatRegion(token.countryOrRegion, language),
          ]
            .filter((part) => part !== undefined)
            .join(", "),
    ],
    [
      t("vppTokens.facts.accountType"),
      token.vppTokenAccountType === undefined
        ? token.unrecognized?.vppTokenAccountType === undefined
          ? undefined
          : graphEnumLabel(t, token, "vppTokenAccountType", "")
        : t(`vppTokens.accountTypes.${token.vppTokenAccountType}`),
    ],
    [
      t("vppTokens.facts.expires"),
      <ExpiryCell key="expiry" expiration={token.expirationDateTime} />,
    ],
    [t("vppTokens.facts.lastSync"), <LastSyncCell key="sync" token={token} />],
    [
      t("vppTokens.facts.lastModified"),
      token.lastModifiedDateTime === undefined ? undefined : (
        <span key="modified">
          {formatDateTime(token.lastModifiedDateTime, language)} (
          <RelativeTime value={token.lastModifiedDateTime} />)
        </span>
      ),
    ],
    [
      t("vppTokens.facts.id"),
      <RequestId key="id" value={token.id} label={t("vppTokens.facts.id")} />,
    ],
  ];
  return (
    <dl className={styles.list}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>
            <Body1>{term}</Body1>
          </dt>
          <dd className={styles.value}>
            {value === undefined || value === "" ? (
              <Caption1 className={styles.muted}>{t("common.notSet")}</Caption1>
            ) : typeof value === "string" ? (
              <Body1>{value}</Body1>
            ) : (
              value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
