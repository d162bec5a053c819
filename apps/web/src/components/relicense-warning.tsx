import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { api, type AppAssignment } from "@ihc/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../lib/api-client";
import { formatNumber } from "../lib/format";
import { currentLanguage } from "../lib/i18n";
import { appKeys } from "../lib/query-keys";

const useStyles = makeStyles({ line: { margin: 0 } });

export interface RelicenseWarningProps {
  appId: string;
}

/**
 * In every revoke dialog of an app's licenses (issue #15, 3): the app's Required and Available
 * assignments, each with its group and member count, and that Intune gives revoked licenses of
 * their members back unless the assignment changes. Nothing while loading or when none applies;
 * a failed read says the assignments are unknown rather than implying there are none.
 */
export function RelicenseWarning({ appId }: RelicenseWarningProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const styles = useStyles();
  const query = useQuery({
    queryKey: appKeys.assignments(appId),
    queryFn: ({ signal }) => apiRequest(api.appAssignments, { params: { id: appId }, signal }),
    staleTime: 60_000,
  });
  if (query.isError) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t("apps.relicense.unknown")}</MessageBarBody>
      </MessageBar>
    );
  }
  const relicensing = (query.data?.items ?? []).filter((a) => a.givesLicensesBack);
  if (relicensing.length === 0) return null;
  const lineOf = (a: AppAssignment): string => {
    const who =
      a.target === "group"
        ? a.memberCount === null
          ? (a.groupName ?? t("apps.relicense.unnamedGroup"))
          : t("apps.relicense.group", {
              name: a.groupName ?? t("apps.relicense.unnamedGroup"),
              count: a.memberCount,
              members: formatNumber(a.memberCount, language),
            })
        : t(`apps.relicense.target.${a.target}`);
    return a.intent === "required"
      ? t("apps.relicense.required", { who })
      : t("apps.relicense.available", { who });
  };
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="relicense-warning">
      <MessageBarBody>
        <MessageBarTitle>{t("apps.relicense.title")}</MessageBarTitle>
        {relicensing.map((a, i) => (
          <p key={`${a.groupId ?? a.target}-${a.intent}-${i}`} className={styles.line}>
            {lineOf(a)}
          </p>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
