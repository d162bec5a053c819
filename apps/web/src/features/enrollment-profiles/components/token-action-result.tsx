import { Body1, Body1Strong, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { ActionRecord } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionOutcome } from "../../../components/action-outcome";
import { ActionStatusBadge } from "../../../components/action-status-badge";
import { useLiveAction } from "../../../lib/api/get-action";
import { actionStatusOf } from "../../../lib/action-status";
import { tokenActionHeadline } from "./token-action-headline";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  status: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  text: { margin: 0 },
});

/**
 * What became of a revoke or replace the BFF accepted, live: where it stands in words ("Revoking
 * the token…", "Token revoked"), announced politely when it changes, then the journal's outcome
 * (calmly while it is not known; the request ids when Graph refused).
 */
export function TokenActionResult({ accepted }: { accepted: ActionRecord }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const action = useLiveAction(accepted);
  const headline = tokenActionHeadline(action);
  return (
    <div className={styles.root}>
      <div className={styles.status} aria-live="polite" aria-atomic="true">
        {headline.running ? (
          <Spinner size="tiny" aria-hidden />
        ) : (
          <ActionStatusBadge status={actionStatusOf(action)} size="large" />
        )}
        <Body1Strong>{t(headline.title)}</Body1Strong>
      </div>
      {headline.detail === undefined ? null : (
        <Body1 as="p" className={styles.text}>
          {t(headline.detail)}
        </Body1>
      )}
      <ActionOutcome action={action} />
    </div>
  );
}
