import {
  Body1,
  Body1Strong,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Switch,
  tokens,
  useId,
} from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type {
  ActionRecord,
  RevokeVppLicensesRequest,
  VppToken,
  VppTokenImpact,
} from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { submissionFeedback } from "../../../components/submission-feedback";
import { confirmationMatches } from "@ihc/contracts";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRevokeVppLicenses } from "../api/revoke-vpp-licenses";
import { expiryLevel } from "./expiry-cell";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  apps: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    listStyleType: "none",
    maxHeight: "176px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  app: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  count: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  option: { display: "flex", flexDirection: "column" },
  optionHint: {
    margin: 0,
    paddingLeft: "52px",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

export interface RevokeLicensesDialogProps {
  open: boolean;
  token: VppToken;
  impact: VppTokenImpact;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/**
 * "Revoke all licenses of <name>?": what it takes back, the two options in plain words, an
 * optional reason, and the token's name typed to confirm. One POST per opening (one
 * Idempotency-Key); after a network failure only the same request goes again.
 */
export function RevokeLicensesDialog({
  open,
  token,
  impact,
  onDismiss,
  onAccepted,
}: RevokeLicensesDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  const [notifyManagedDevices, setNotify] = useState(false);
  const [revokeUntrackedLicenses, setUntracked] = useState(false);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  // The server's objection holds for what was sent, not for what the agent types next.

  const { mutateAsync } = useRevokeVppLicenses();
  const send = useCallback(
    (body: RevokeVppLicensesRequest, idempotencyKey: string) =>
      mutateAsync({ tokenId: token.id, body, idempotencyKey }),
    [mutateAsync, token.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const matches = confirmationMatches(typed, token.displayName);
  const expired =
    token.state === "expired" ||
    (token.expirationDateTime !== undefined &&
      expiryLevel(token.expirationDateTime, new Date()) === "expired");
  const confirmError =
    typed.trim() === submission.sent?.confirmDisplayName
      ? submission.fieldError("body.confirmDisplayName")
      : undefined;
  const affected = impact.apps
    .filter((app) => app.usedLicenseCount > 0)
    .sort((a, b) => b.usedLicenseCount - a.usedLicenseCount);
  const sending = submission.phase === "sending";

  const confirm = () => {
    const trimmedReason = reason.trim();
    submission.submit({
      notifyManagedDevices,
      revokeUntrackedLicenses,
      confirmDisplayName: typed.trim(),
      ...(trimmedReason === "" ? {} : { reason: trimmedReason }),
    });
  };

  const feedback = submissionFeedback(submission, t, ["body.confirmDisplayName"]);

  return (
    <ConfirmDialog
      open={open}
      title={t("vppTokens.revokeDialog.title", { name: token.displayName })}
      confirmLabel={t("vppTokens.revokeDialog.confirm")}
      confirmIcon={<Delete20Regular />}
      destructive
      canConfirm={matches && !submission.locked}
      submitting={sending}
      waitFor={{
        target: { type: "vppToken", id: token.id },
        idempotencyKey: submission.idempotencyKey,
      }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={feedback}
    >
      {expired ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("vppTokens.revokeDialog.expiredTitle")}</MessageBarTitle>
            {t("vppTokens.revokeDialog.expiredBody")}
          </MessageBarBody>
        </MessageBar>
      ) : token.state !== "valid" ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {t("vppTokens.revokeDialog.notValidTitle", {
                state: t(`vppTokens.states.${token.state}`),
              })}
            </MessageBarTitle>
            {t("vppTokens.revokeDialog.notValidBody")}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {impact.licensesInUse === 0
            ? t("vppTokens.revokeDialog.noTrackedLicenses")
            : t("vppTokens.revokeDialog.impact", {
                count: impact.licensesInUse,
                licenses: n(impact.licensesInUse),
                apps: t("vppTokens.revokeDialog.fromApps", {
                  count: affected.length,
                  apps: n(affected.length),
                }),
              })}
        </Body1Strong>
        {affected.length === 0 ? null : (
          // Focusable so a keyboard can scroll a long list (WCAG 2.1.1).
          <ul
            className={styles.apps}
            tabIndex={0}
            aria-label={t("vppTokens.revokeDialog.appsLabel")}
          >
            {affected.map((app) => (
              <li key={app.id} className={styles.app}>
                <Body1>{app.displayName}</Body1>
                <Body1 className={styles.count}>
                  {t("vppTokens.revokeDialog.appLicenses", {
                    count: app.usedLicenseCount,
                    licenses: n(app.usedLicenseCount),
                  })}
                </Body1>
              </li>
            ))}
          </ul>
        )}
        <Body1 as="p" className={styles.text}>
          {t("vppTokens.revokeDialog.whatHappens")}
        </Body1>
      </div>

      <div className={styles.section}>
        <Option
          label={t("vppTokens.revokeDialog.notifyLabel")}
          hint={t("vppTokens.revokeDialog.notifyHint")}
          checked={notifyManagedDevices}
          disabled={submission.locked}
          onChange={setNotify}
        />
        <Option
          label={t("vppTokens.revokeDialog.untrackedLabel")}
          hint={t("vppTokens.revokeDialog.untrackedHint")}
          checked={revokeUntrackedLicenses}
          disabled={submission.locked}
          onChange={setUntracked}
        />
      </div>

      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />

      <TypedConfirmation
        label={t("vppTokens.revokeDialog.confirmLabel")}
        expected={token.displayName}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        // Our words, not the server's English: it refused what was typed (a rename meanwhile?).
        error={confirmError === undefined ? undefined : t("confirm.refused")}
      />

      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}

interface OptionProps {
  label: string;
  hint: string;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}

/** A switch with its consequence spelled out below, tied to it for screen readers. */
function Option({ label, hint, checked, disabled, onChange }: OptionProps) {
  const styles = useStyles();
  const hintId = useId("option-hint");
  return (
    <div className={styles.option}>
      <Switch
        label={label}
        checked={checked}
        disabled={disabled}
        aria-describedby={hintId}
        onChange={(_event, data) => {
          onChange(data.checked);
        }}
      />
      <p id={hintId} className={styles.optionHint}>
        {hint}
      </p>
    </div>
  );
}
