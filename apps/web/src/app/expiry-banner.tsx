import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import {
  DEFAULT_EXPIRY_WARNING_DAYS,
  expiryOverviewOf,
  type ExpiryOverviewItem,
} from "@ihc/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { enrollmentProfilesQueryOptions } from "../features/enrollment-profiles/api/get-enrollment-profiles";
import { vppTokensQueryOptions } from "../features/vpp-tokens/api/get-vpp-tokens";
import { useMe } from "../lib/api/get-me";
import { formatRelativeTime } from "../lib/format";
import { currentLanguage } from "../lib/i18n";
import { routePaths, vppTokenPath } from "../lib/route-paths";
import { useNow } from "../lib/use-now";

const MAX_NAMED = 6;

const useStyles = makeStyles({
  root: { marginBottom: tokens.spacingVerticalL },
  list: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
});

type Named = ExpiryOverviewItem & { to: string };

/**
 * "3 tokens need attention": VPP tokens and enrollment tokens expired or expiring within
 * EXPIRY_WARNING_DAYS, each a link to where it is renewed (the rule is `expiryOverviewOf`, which
 * the BFF's daily webhook notice uses too). Computed here from the two lists the
 * VPP tokens and Enrollment profiles pages read, under the same query keys: the banner costs no
 * Graph call those pages do not already make, and opening them after it reads nothing again
 * (ADR 0028).
 */
export function ExpiryBanner() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const now = useNow(60_000);
  const language = currentLanguage(i18n);
  const vpp = useQuery(vppTokensQueryOptions());
  const profiles = useQuery(enrollmentProfilesQueryOptions());
  const days = me.expiryWarningDays ?? DEFAULT_EXPIRY_WARNING_DAYS;

  const named: Named[] = expiryOverviewOf(
    vpp.data?.items ?? [],
    profiles.data?.items ?? [],
    now.getTime(),
    days,
  ).map((item) => ({
    ...item,
    to: item.kind === "vpp" ? vppTokenPath(item.id) : routePaths.enrollmentProfiles,
  }));
  if (named.length === 0) return null;
  const expired = named.filter((item) => item.expired).length;
  const shown = named.slice(0, MAX_NAMED);

  return (
    <section className={styles.root} aria-label={t("expiry.label")}>
      <MessageBar intent={expired > 0 ? "error" : "warning"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {t("expiry.title", { count: named.length, days })}
            {expired > 0 ? ` ${t("expiry.expiredCount", { count: expired })}` : ""}
          </MessageBarTitle>
          <ul className={styles.list}>
            {shown.map((item) => {
              const relative = formatRelativeTime(item.expiration, language, now);
              return (
                <li key={`${item.kind}:${item.id}`}>
                  <Link className={styles.link} to={item.to}>
                    {item.displayName}
                  </Link>{" "}
                  {t(item.kind === "vpp" ? "expiry.vppToken" : "expiry.enrollmentToken")}
                  {" — "}
                  {item.expired
                    ? t("expiry.expiredAgo", { relative })
                    : t("expiry.expiresIn", { relative })}
                </li>
              );
            })}
            {named.length > shown.length ? (
              <li>{t("expiry.more", { count: named.length - shown.length })}</li>
            ) : null}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
