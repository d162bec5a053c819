import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import type { ActionRecord, ActionStep } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionWaitNotice } from "./action-wait-notice";
import { RelativeTime } from "./relative-time";
import { RequestId } from "./request-id";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "center",
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  technical: { color: tokens.colorNeutralForeground3 },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  unknown: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

/** Step names the console knows how to say; any other shows as Graph names it. */
const knownSteps = new Set(["revokeToken", "createToken"]);

/**
 * What became of an action's one Graph call, for any kind of action: the call's outcome in plain
 * words (calmly, when it is not known yet), who asked and why, and the ids support needs.
 */
export function ActionOutcome({ action }: { action: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { graph } = action;
  const steps = action.steps ?? [];
  const partly = action.state === "failed" && steps.some((step) => step.state === "succeeded");
  const stepName = (step: ActionStep) =>
    knownSteps.has(step.name)
      ? t(`outcome.stepNames.${step.name as "revokeToken" | "createToken"}`)
      : step.name;
  const graphSaid =
    graph?.code !== undefined || graph?.message !== undefined
      ? [graph.status === undefined ? undefined : `HTTP ${graph.status}`, graph.code, graph.message]
          .filter((part) => part !== undefined && part !== "")
          .join(" · ")
      : undefined;

  return (
    <div className={styles.root}>
      {action.state === "unknown" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.unknown}>
            <MessageBarTitle>{t("outcome.unknownTitle")}</MessageBarTitle>
            {t("outcome.unknown", { target: action.target.displayName })}
            <ActionWaitNotice action={action} compact />
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ActionWaitNotice action={action} />
      )}
      {partly ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("outcome.partlyTitle")}</MessageBarTitle>
            {t("outcome.partly")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {action.reassignedAt === undefined ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("outcome.reassignedTitle")}</MessageBarTitle>
            {t("outcome.reassigned")}
          </MessageBarBody>
        </MessageBar>
      )}
      {action.state === "failed" && !partly ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("outcome.refusedTitle")}</MessageBarTitle>
            {t("outcome.refused")}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <dl className={styles.list}>
        <dt className={styles.term}>{t("outcome.graphCall")}</dt>
        <dd className={styles.value}>
          <Body1>{t(`outcome.states.${action.state}`)}</Body1>
          {graphSaid === undefined ? null : (
            <Body1 className={styles.technical}> ({graphSaid})</Body1>
          )}
        </dd>
        {steps.length === 0 ? null : (
          <>
            <dt className={styles.term}>{t("outcome.steps")}</dt>
            <dd className={styles.value}>
              <ol className={styles.steps}>
                {steps.map((step) => (
                  <li key={step.graph.clientRequestId}>
                    <Body1>
                      {stepName(step)}: {t(`outcome.states.${step.state}`)}
                    </Body1>
                  </li>
                ))}
              </ol>
            </dd>
          </>
        )}
        <dt className={styles.term}>{t("outcome.requestedBy")}</dt>
        <dd className={styles.value}>
          <Body1>
            {action.actor.displayName} · <RelativeTime value={action.createdAt} live />
          </Body1>
        </dd>
        {action.reason === undefined || action.reason === "" ? null : (
          <>
            <dt className={styles.term}>{t("outcome.reason")}</dt>
            <dd className={styles.value}>
              <Body1>
                {/* Stored text can never reorder what stands around it (issue #17, 7). */}
                <bdi>{action.reason}</bdi>
              </Body1>
            </dd>
          </>
        )}
        {graph === undefined || graph.clientRequestId === "" ? null : (
          <>
            <dt className={styles.term}>{t("outcome.clientRequestId")}</dt>
            <dd className={styles.value}>
              <RequestId value={graph.clientRequestId} label={t("outcome.clientRequestId")} />
            </dd>
          </>
        )}
        {graph?.requestId === undefined ? null : (
          <>
            <dt className={styles.term}>{t("outcome.graphRequestId")}</dt>
            <dd className={styles.value}>
              <RequestId value={graph.requestId} label={t("outcome.graphRequestId")} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
