import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { ActionFilter } from "@ihc/contracts";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ActionTable } from "../../../components/action-table";
import { ErrorPanel } from "../../../components/error-panel";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useMe } from "../../../lib/api/get-me";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { can } from "../../../lib/permissions";
import { activityFilterOf, activitySearchOf, isFiltered } from "../api/activity-filter";
import { useActions } from "../api/get-actions";
import { ActivityExportButtons } from "./activity-export-buttons";
import { ActivityFilterForm } from "./activity-filter-form";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
  },
  more: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
});

/**
 * The journal, live and searchable (issue #18, 1): every action taken in the console (the
 * agent's own, or everyone's), filtered by the BFF's store with the filter kept in the URL.
 */
export function ActivityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const all = can(me, "activity:read-all");
  const [params, setParams] = useSearchParams();
  const filter = activityFilterOf(params);
  const search = activitySearchOf(filter).toString();
  return (
    <PageLayout>
      <PageHeader
        title={all ? t("activity.titleAll") : t("nav.activity")}
        description={all ? t("pages.activity.description") : t("activity.descriptionOwn")}
      />
      <ActivityFilterForm
        key={search}
        filter={filter}
        showActor={all}
        onApply={(next) => {
          setParams(activitySearchOf(next));
        }}
      />
      <ActivityExportButtons filter={filter} />
      <RegionErrorBoundary fallback={SectionErrorFallback} resetKeys={[search]}>
        <Suspense fallback={<Spinner label={t("activity.loading")} />}>
          <ActivityJournal
            filter={filter}
            onOrderChange={(order) => {
              // A new history entry, as a filter applied is: Back returns to the other order.
              setParams(activitySearchOf({ ...filter, order }));
            }}
          />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function ActivityJournal({
  filter,
  onOrderChange,
}: {
  filter: ActionFilter;
  onOrderChange: (order: ActionFilter["order"]) => void;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { data, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError, error } =
    useActions(filter);

  const seen = new Set<string>();
  const items = data.pages
    .flatMap((page) => page.items)
    .filter((action) => (seen.has(action.id) ? false : (seen.add(action.id), true)));

  if (items.length === 0) {
    return isFiltered(filter) ? (
      <Body1 as="p" className={styles.text}>
        {t("activity.noneMatch")}
      </Body1>
    ) : (
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
        <Caption1 className={styles.muted} role="status">
          {t("activity.count", {
            count: items.length,
            loaded: formatNumber(items.length, language),
          })}
        </Caption1>
      </div>
      <ActionTable
        actions={items}
        label={t("activity.tableLabel")}
        timeSort={{
          direction: filter.order === "oldest" ? "ascending" : "descending",
          onChange: (direction) => {
            onOrderChange(direction === "ascending" ? "oldest" : undefined);
          },
        }}
      />
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
