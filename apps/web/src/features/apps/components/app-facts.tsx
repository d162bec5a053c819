import {
  Body1,
  Caption1,
  Link as FluentLink,
  makeStyles,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { IosVppApp } from "@ihc/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { RequestId } from "../../../components/request-id";
import type { CountFreshness } from "../hooks/use-used-count-follow-up";
import { LicenseUsage } from "./license-usage";
import { licensingTypeOf } from "./licensing-type";

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
  usage: { maxWidth: "320px" },
  lag: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/**
 * The app's facts in words: who makes it, its token, how it is licensed, how many are used, and
 * whether that count may still lag behind a revoke (Intune counts late).
 */
export function AppFacts({
  app,
  countFreshness = "current",
}: {
  app: IosVppApp;
  countFreshness?: CountFreshness;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const devices = app.applicableDeviceType;
  const rows: [string, ReactNode][] = [
    [t("apps.facts.publisher"), app.publisher],
    [t("apps.facts.bundleId"), app.bundleId],
    [
      t("apps.facts.token"),
      [app.vppTokenDisplayName, app.vppTokenOrganizationName, app.vppTokenAppleId]
        .filter((part) => part !== undefined && part !== "")
        .join(" · "),
    ],
    [t("apps.facts.licensing"), t(`apps.licensing.${licensingTypeOf(app)}`)],
    [
      t("apps.facts.devices"),
      devices === undefined
        ? undefined
        : [
            devices.iPhoneAndIPod ? "iPhone, iPod touch" : undefined,
            devices.iPad ? "iPad" : undefined,
          ]
            .filter((part) => part !== undefined)
            .join(", "),
    ],
    [
      t("apps.facts.usage"),
      <div key="usage" className={styles.usage}>
        <LicenseUsage used={app.usedLicenseCount} total={app.totalLicenseCount} />
        <div role="status" className={styles.lag} data-testid="count-freshness">
          {countFreshness === "current" ? null : (
            <>
              {countFreshness === "updating" ? <Spinner size="extra-tiny" /> : null}
              <Caption1 className={styles.muted}>
                {t(`apps.facts.count.${countFreshness}`)}
              </Caption1>
            </>
          )}
        </div>
      </div>,
    ],
    [
      t("apps.facts.appStore"),
      app.appStoreUrl === undefined ? undefined : (
        <FluentLink key="store" href={app.appStoreUrl} target="_blank" rel="noreferrer">
          {app.appStoreUrl}
        </FluentLink>
      ),
    ],
    [t("apps.facts.id"), <RequestId key="id" value={app.id} label={t("apps.facts.id")} />],
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
