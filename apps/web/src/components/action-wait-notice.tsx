import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync16Regular, Clock16Regular } from "@fluentui/react-icons";
import type { ActionRecord } from "@ihc/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { checkActionNow } from "../lib/check-action-now";
import { currentLanguage } from "../lib/i18n";
import { useNow } from "../lib/use-now";
import { checkingWords, isBeingChecked, waitingWords } from "./action-wait-words";

const useStyles = makeStyles({
  line: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  icon: { flexShrink: 0, color: tokens.colorNeutralForeground3 },
});

export interface ActionWaitNoticeProps {
  action: ActionRecord;
  /** One line for a table row, not a message bar. */
  compact?: boolean;
}

/**
 * What a record is waiting for, told truly (issue #12, 5): why and for how long before its next
 * Graph call, or, while its outcome is being settled, when the BFF last checked, with "Check now".
 * Nothing when it waits for neither.
 */
export function ActionWaitNotice({ action, compact = false }: ActionWaitNoticeProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const now = useNow(1_000);
  const client = useQueryClient();
  const [checking, setChecking] = useState(false);
  const waiting = waitingWords(t, language, action, now);
  const checked = isBeingChecked(action);
  if (waiting === undefined && !checked) return null;

  const checkNow = () => {
    setChecking(true);
    checkActionNow(client, action)
      .catch((error: unknown) => {
        // The next event or poll brings the answer; a failed read here changes nothing shown.
        console.warn("[check now] could not read the action", error);
      })
      .finally(() => {
        setChecking(false);
      });
  };

  const content =
    waiting === undefined ? (
      <span className={styles.line}>
        <Caption1 role="status">{checkingWords(t, language, action, now)}</Caption1>
        <Button
          size="small"
          appearance={compact ? "subtle" : "secondary"}
          icon={checking ? <Spinner size="extra-tiny" /> : <ArrowSync16Regular />}
          disabled={checking}
          title={t("actionWait.checkNowLabel")}
          onClick={checkNow}
        >
          {t("actionWait.checkNow")}
        </Button>
      </span>
    ) : (
      <span className={styles.line}>
        {/* A message bar has its own warning icon; a table row's line needs one. */}
        {compact ? <Clock16Regular className={styles.icon} aria-hidden /> : null}
        {/* The countdown ticks every second: read out when it starts, not on every tick. */}
        <Caption1>{waiting}</Caption1>
      </span>
    );
  if (compact) return content;
  return (
    <MessageBar intent={waiting === undefined ? "info" : "warning"} layout="multiline">
      <MessageBarBody>{content}</MessageBarBody>
    </MessageBar>
  );
}
