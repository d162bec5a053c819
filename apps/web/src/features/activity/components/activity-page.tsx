import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { ActionRecord } from "@ihc/contracts";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionTable } from "../../../components/action-table";
import { ErrorPanel } from "../../../components/error-panel";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { actionStatusOf, type ActionStatus } from "../../../lib/action-status";
import { useMe } from "../../../lib/api/get-me";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { can } from "../../../lib/permissions";
import { useActions } from "../api/get-actions";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    alignItems: "flex-end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
  filter: { minWidth: "220px" },
  count: { color: tokens.colorNeutralForeground3, paddingBottom: tokens.spacingVerticalXS },
  more: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
});

const filters = ["all", "running", "succeeded", "failed", "attention"] as const;
type Filter = (typeof filters)[number];

const filterOf: Record<ActionStatus, Exclude<Filter, "all">> = {
  recorded: "running",
  sending: "running",
  pending: "running",
  inProgress: "running",
  succeeded: "succeeded",
  done: "succeeded",
  refused: "failed",
  failed: "failed",
  unconfirmed: "attention",
  unwatched: "attention",
  canceled: "attention",
  notSupported: "attention",
};

export function matchesFilter(action: ActionRecord, filter: Filter): boolean {
  if (filter === "all") return true;
  const status = actionStatusOf(action);
  if (filter === "attention" && status === "done") return (action.progress?.failedCount ?? 0) > 0;
  return filterOf[status] === filter;
}

/** The journal, live: every action taken in the console (the agent's own, or everyone's). */
export function ActivityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const all = can(me, "activity:read-all");
  return (
    <PageLayout>
      <PageHeader
        title={all ? t("activity.titleAll") : t("nav.activity")}
        description={all ? t("pages.activity.description") : t("activity.descriptionOwn")}
      />
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner label={t("activity.loading")} />}>
          <ActivityJournal />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function ActivityJournal() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const [filter, setFilter] = useState<Filter>("all");
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError, error } =
    useActions();

  const seen = new Set<string>();
  const items = data.pages
    .flatMap((page) => page.items)
    .filter((action) => (seen.has(action.id) ? false : (seen.add(action.id), true)));
  const shown = items.filter((action) => matchesFilter(action, filter));

  if (items.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("activity.empty.title")}</MessageBarTitle>
          {t("activity.empty.body")}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <div className={styles.toolbar}>
        <Field label={t("activity.filter.label")} className={styles.filter}>
          <Select
            value={filter}
            onChange={(_event, option) => {
              setFilter(option.value as Filter);
            }}
          >
            {filters.map((value) => (
              <option key={value} value={value}>
                {t(`activity.filter.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Caption1 className={styles.count} role="status">
          {t("activity.count", {
            count: items.length,
            shown: formatNumber(shown.length, language),
            loaded: formatNumber(items.length, language),
          })}
        </Caption1>
      </div>
      {shown.length === 0 ? (
        <Body1 as="p" className={styles.text}>
          {t("activity.noneMatch")}
        </Body1>
      ) : (
        <ActionTable actions={shown} label={t("activity.tableLabel")} />
      )}
      {isFetchNextPageError ? (
        <ErrorPanel
          error={error}
          headingLevel={2}
          onRetry={() => {
            void fetchNextPage();
          }}
        />
      ) : null}
      <div className={styles.more}>
        {hasNextPage ? (
          <Button
            appearance="secondary"
            disabledFocusable={isFetchingNextPage}
            icon={isFetchingNextPage ? <Spinner size="tiny" aria-hidden /> : null}
            onClick={() => {
              void fetchNextPage();
            }}
          >
            {isFetchingNextPage ? t("activity.loadingMore") : t("activity.loadMore")}
          </Button>
        ) : (
          <Caption1 className={styles.muted}>{t("activity.end")}</Caption1>
        )}
      </div>
    </>
  );
}
