import {
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  type SortDirection,
} from "@fluentui/react-components";
import type { ActionRecord } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { actionStatusOf } from "../lib/action-status";
import { actionPath, devicePath, vppTokenPath } from "../lib/route-paths";
import { ActionStatusBadge } from "./action-status-badge";
import { subjectLabels } from "./action-subjects";
import { ActionWaitNotice } from "./action-wait-notice";
import { RelativeTime } from "./relative-time";
import { RequestId } from "./request-id";
import { useProgressDetail } from "./use-progress-detail";

const useStyles = makeStyles({
  scroller: { overflowX: "auto" },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  wide: { minWidth: "1040px" },
  cell: {
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    verticalAlign: "top",
  },
  stack: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
  ids: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  link: {
    color: tokens.colorBrandForegroundLink,
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
});

/** Where a target's own page is, for the kinds of target that have one yet. */
function targetPath(target: ActionRecord["target"]): string | undefined {
  if (target.type === "device") return devicePath(target.id);
  return target.type === "vppToken" ? vppTokenPath(target.id) : undefined;
}

export interface ActionTableProps {
  actions: readonly ActionRecord[];
  /** Accessible name of the table. */
  label: string;
  /** Leave out the target column where the page is about one target. */
  showTarget?: boolean;
  /**
   * Makes "When" a sortable header: the records are in this order already (the BFF sorts and
   * pages them), and pressing the header asks for the other one.
   */
  timeSort?: { direction: SortDirection; onChange: (direction: SortDirection) => void };
}

/**
 * Journal records as a table: when, who, what, on which target, how it stands (word and progress),
 * why, and the request ids support needs. Shared by the Activity page and each target's history.
 */
export function ActionTable({ actions, label, showTarget = true, timeSort }: ActionTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const describe = useProgressDetail();
  return (
    <div className={styles.scroller}>
      <Table aria-label={label} className={mergeClasses(styles.table, showTarget && styles.wide)}>
        <TableHeader>
          <TableRow>
            {timeSort === undefined ? (
              <TableHeaderCell style={{ width: "14%" }}>{t("actionTable.when")}</TableHeaderCell>
            ) : (
              <TableHeaderCell
                style={{ width: "14%" }}
                sortable
                sortDirection={timeSort.direction}
                onClick={() => {
                  timeSort.onChange(
                    timeSort.direction === "ascending" ? "descending" : "ascending",
                  );
                }}
              >
                {t("actionTable.when")}
              </TableHeaderCell>
            )}
            <TableHeaderCell style={{ width: "14%" }}>{t("actionTable.who")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "16%" }}>{t("actionTable.action")}</TableHeaderCell>
            {showTarget ? (
              <TableHeaderCell style={{ width: "14%" }}>{t("actionTable.target")}</TableHeaderCell>
            ) : null}
            <TableHeaderCell style={{ width: "16%" }}>{t("actionTable.status")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }}>{t("actionTable.reason")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "16%" }}>
              {t("actionTable.requestIds")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {actions.map((action) => {
            const status = actionStatusOf(action);
            const detail = describe(status, action.progress, action.kind);
            const path = targetPath(action.target);
            return (
              <TableRow key={action.id}>
                <TableCell className={styles.cell}>
                  <Link to={actionPath(action.id)} className={styles.link}>
                    <RelativeTime value={action.createdAt} showAbsolute />
                  </Link>
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.stack}>
                    <Body1>{action.actor.displayName}</Body1>
                    <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
                      {action.actor.userPrincipalName}
                    </Caption1>
                  </span>
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.stack}>
                    <Body1>{t(`actionKinds.${action.kind}`)}</Body1>
                    <ActionSubjects action={action} />
                    <ActionParameters action={action} />
                  </span>
                </TableCell>
                {showTarget ? (
                  <TableCell className={styles.cell}>
                    <span className={styles.stack}>
                      {path === undefined ? (
                        <Body1 className={styles.wrap}>
                          <bdi>{action.target.displayName}</bdi>
                        </Body1>
                      ) : (
                        <Link to={path} className={mergeClasses(styles.link, styles.wrap)}>
                          <bdi>{action.target.displayName}</bdi>
                        </Link>
                      )}
                      <Caption1 className={styles.muted}>
                        {t(`targetTypes.${action.target.type}`)}
                      </Caption1>
                    </span>
                  </TableCell>
                ) : null}
                <TableCell className={styles.cell}>
                  <span className={styles.stack}>
                    <ActionStatusBadge
                      status={status}
                      failedCount={action.progress?.failedCount ?? 0}
                      size="small"
                      progress={action.progress}
                    />
                    {detail === undefined ? null : <Caption1>{detail}</Caption1>}
                    <ActionWaitNotice action={action} compact />
                  </span>
                </TableCell>
                <TableCell className={styles.cell}>
                  {action.reason === undefined || action.reason === "" ? (
                    <Caption1 className={styles.muted}>—</Caption1>
                  ) : (
                    // <bdi>: stored text can never reorder what stands around it (issue #17, 7).
                    <Body1 className={styles.wrap}>
                      <bdi>{action.reason}</bdi>
                    </Body1>
                  )}
                </TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.ids}>
                    {action.graph?.clientRequestId ? (
                      <span className={styles.stack}>
                        <Caption1 className={styles.muted}>{t("outcome.clientRequestId")}</Caption1>
                        <RequestId
                          value={action.graph.clientRequestId}
                          label={t("outcome.clientRequestId")}
                          compact
                        />
                      </span>
                    ) : null}
                    {action.graph?.requestId ? (
                      <span className={styles.stack}>
                        <Caption1 className={styles.muted}>{t("outcome.graphRequestId")}</Caption1>
                        <RequestId
                          value={action.graph.requestId}
                          label={t("outcome.graphRequestId")}
                          compact
                        />
                      </span>
                    ) : null}
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** Subjects named in a table cell; the rest are counted. */
const SHOWN_SUBJECTS = 5;

/** Who or what within the target: the user, the device, each license of a bulk run (issue #12, 1). */
function ActionSubjects({ action }: { action: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = subjectLabels(action);
  if (labels.length === 0) return null;
  const more = labels.length - SHOWN_SUBJECTS;
  return (
    <Caption1 className={styles.wrap}>
      {/* <bdi>: names come from the directory and must not reorder what stands around them. */}
      {labels.slice(0, SHOWN_SUBJECTS).map((label, index) => (
        <span key={`${String(index)}-${label}`}>
          {index === 0 ? "" : ", "}
          <bdi>{label}</bdi>
        </span>
      ))}
      {more > 0 ? ` ${t("actionTable.moreSubjects", { count: more })}` : null}
    </Caption1>
  );
}

/** The options the agent chose, in words (only the ones this console knows how to name). */
function ActionParameters({ action }: { action: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { parameters } = action;
  const words: string[] = [];
  if (parameters.notifyManagedDevices === true) words.push(t("actionTable.params.notified"));
  if (parameters.revokeUntrackedLicenses === true) words.push(t("actionTable.params.untracked"));
  if (words.length === 0) return null;
  return <Caption1 className={styles.muted}>{words.join(" · ")}</Caption1>;
}
