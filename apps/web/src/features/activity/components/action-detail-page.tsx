import {
  Body1,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ActionRecord } from "@ihc/contracts";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ActionOutcome } from "../../../components/action-outcome";
import { ActionStatusBadge } from "../../../components/action-status-badge";
import { subjectLabels } from "../../../components/action-subjects";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { RelativeTime } from "../../../components/relative-time";
import { RequestId } from "../../../components/request-id";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { actionStatusOf } from "../../../lib/action-status";
import { actionQueryOptions } from "../../../lib/api/get-action";
import { routePaths } from "../../../lib/route-paths";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  scroller: { overflowX: "auto" },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  link: { color: tokens.colorBrandForegroundLink },
  timeline: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** `/activity/:id`: one journal record whole (issue #18, 1), live through the event stream. */
export function ActionDetailPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = "" } = useParams();
  return (
    <PageLayout>
      <Link to={routePaths.activity} className={styles.link}>
        {t("activity.detail.back")}
      </Link>
      <RegionErrorBoundary fallback={SectionErrorFallback} resetKeys={[id]}>
        <Suspense fallback={<Spinner label={t("activity.loading")} />}>
          <ActionDetail id={id} />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function ActionDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { data: action } = useSuspenseQuery(actionQueryOptions(id));
  const status = actionStatusOf(action);
  const subjects = subjectLabels(action);
  return (
    <>
      <PageHeader title={t(`actionKinds.${action.kind}`)} />
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("activity.detail.status")}</dt>
        <dd className={styles.value}>
          <ActionStatusBadge
            status={status}
            failedCount={action.progress?.failedCount ?? 0}
            progress={action.progress}
          />
        </dd>
        <dt className={styles.term}>{t("activity.detail.who")}</dt>
        <dd className={styles.value}>
          {action.actor.displayName} ({action.actor.userPrincipalName})
        </dd>
        <dt className={styles.term}>{t("activity.detail.why")}</dt>
        <dd className={styles.value}>
          {action.reason ? <bdi>{action.reason}</bdi> : t("activity.detail.noReason")}
        </dd>
        <dt className={styles.term}>{t("activity.detail.target")}</dt>
        <dd className={styles.value}>
          <bdi>{action.target.displayName}</bdi> · {t(`targetTypes.${action.target.type}`)} ·{" "}
          <code>{action.target.id}</code>
        </dd>
        {subjects.length > 0 ? (
          <>
            <dt className={styles.term}>{t("activity.detail.subjects")}</dt>
            <dd className={styles.value}>
              <bdi>{subjects.join(", ")}</bdi>
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>{t("activity.detail.actionId")}</dt>
        <dd className={styles.value}>
          <RequestId value={action.id} label={t("activity.detail.actionId")} />
        </dd>
      </dl>
      <section className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t("activity.detail.timeline")}
        </Subtitle1>
        <Timeline action={action} />
      </section>
      <section className={styles.section}>
        <Subtitle1 as="h2" className={styles.heading}>
          {t("activity.detail.outcome")}
        </Subtitle1>
        <ActionOutcome action={action} />
      </section>
      {action.items !== undefined && action.items.length > 0 ? (
        <section className={styles.section}>
          <Subtitle1 as="h2" className={styles.heading}>
            {t("activity.detail.items", { count: action.items.length })}
          </Subtitle1>
          <ItemsTable action={action} />
        </section>
      ) : null}
    </>
  );
}

/** The moments the journal recorded, in order. */
function Timeline({ action }: { action: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const moments: { label: string; at: string }[] = [
    { label: t("activity.detail.created"), at: action.createdAt },
    ...(action.sentAt ? [{ label: t("activity.detail.sent"), at: action.sentAt }] : []),
    ...(action.progress?.startDateTime
      ? [{ label: t("activity.detail.graphStarted"), at: action.progress.startDateTime }]
      : []),
    ...(action.progress?.lastUpdatedDateTime
      ? [{ label: t("activity.detail.graphUpdated"), at: action.progress.lastUpdatedDateTime }]
      : []),
    ...(action.completedAt
      ? [{ label: t("activity.detail.completed"), at: action.completedAt }]
      : []),
    ...(action.lastCheckedAt
      ? [{ label: t("activity.detail.lastChecked"), at: action.lastCheckedAt }]
      : []),
    { label: t("activity.detail.updated"), at: action.updatedAt },
  ];
  return (
    <ol className={styles.timeline}>
      {moments.map((moment) => (
        <li key={moment.label}>
          <Body1>{moment.label}: </Body1>
          <RelativeTime value={moment.at} showAbsolute />
        </li>
      ))}
    </ol>
  );
}

/** Every license or device of a bulk run with its own outcome and Graph request id. */
function ItemsTable({ action }: { action: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table aria-label={t("activity.detail.itemsLabel")} className={styles.table} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("activity.detail.item")}</TableHeaderCell>
            <TableHeaderCell>{t("activity.detail.itemState")}</TableHeaderCell>
            <TableHeaderCell>{t("activity.detail.itemSent")}</TableHeaderCell>
            <TableHeaderCell>{t("outcome.graphRequestId")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(action.items ?? []).map((item) => (
            <TableRow key={item.key}>
              <TableCell>
                <bdi>{item.label ?? item.id}</bdi>
                <Caption1 className={styles.term}>
                  {" "}
                  · {t(`activity.detail.itemKinds.${item.kind}`)}
                </Caption1>
              </TableCell>
              <TableCell>
                {t(`activity.states.${item.state}`)}
                {item.graph?.code ? ` · ${item.graph.code}` : ""}
              </TableCell>
              <TableCell>{item.sentAt ? <RelativeTime value={item.sentAt} /> : "—"}</TableCell>
              <TableCell>
                {item.graph?.requestId ? (
                  <RequestId
                    value={item.graph.requestId}
                    label={t("outcome.graphRequestId")}
                    compact
                  />
                ) : (
                  "—"
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
