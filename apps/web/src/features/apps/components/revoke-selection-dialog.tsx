import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type { ActionRecord, IosVppApp } from "@ihc/contracts";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { ReasonField } from "../../../components/reason-field";
import { RelicenseWarning } from "../../../components/relicense-warning";
import { submissionFeedback } from "../../../components/submission-feedback";
import { SwitchOption } from "../../../components/switch-option";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRevokeAppLicenses, type AppRevokeInput } from "../api/revoke-app-licenses";
import type { LicenseChoice } from "./license-choice";

/** Names shown in the dialog; the rest are counted ("and 940 more"). */
const SHOWN = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  list: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    listStyleType: "none",
    maxHeight: "200px",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  item: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  who: { overflowWrap: "anywhere" },
  kind: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
});

export interface RevokeSelectionDialogProps {
  open: boolean;
  /** The app whose licenses these are (the reclaim page knows only its id and name). */
  app: Pick<IosVppApp, "id" | "displayName">;
  /** One license (its own route) or several (one bulk action). */
  choices: readonly LicenseChoice[];
  /** Several licenses always go as one bulk action, even one (a retry of failed items). */
  bulk: boolean;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}

/**
 * "Revoke N licenses of <app>?": exactly who and which devices, whether their devices are told,
 * an optional reason; one POST per opening (one Idempotency-Key), locked while it is in flight.
 */
export function RevokeSelectionDialog({
  open,
  app,
  choices,
  bulk,
  onDismiss,
  onAccepted,
}: RevokeSelectionDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);
  const [notifyManagedDevices, setNotify] = useState(false);
  const [reason, setReason] = useState("");
  const { mutateAsync } = useRevokeAppLicenses();
  const send = useCallback(
    (input: Omit<AppRevokeInput, "appId" | "idempotencyKey">, idempotencyKey: string) =>
      mutateAsync({ ...input, appId: app.id, idempotencyKey } as AppRevokeInput),
    [mutateAsync, app.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const count = choices.length;
  const single = !bulk && count === 1 ? choices[0] : undefined;

  const confirm = () => {
    const trimmed = reason.trim();
    const common = { notifyManagedDevices, ...(trimmed === "" ? {} : { reason: trimmed }) };
    if (single?.ref.kind === "user") {
      submission.submit({ kind: "user", body: { ...common, userId: single.ref.userId } });
    } else if (single?.ref.kind === "device") {
      submission.submit({
        kind: "device",
        body: { ...common, managedDeviceId: single.ref.managedDeviceId },
      });
    } else {
      submission.submit({
        kind: "bulk",
        body: { ...common, licenses: choices.map((choice) => choice.ref) },
      });
    }
  };

  return (
    <ConfirmDialog
      open={open}
      title={
        single === undefined
          ? t("apps.revokeDialog.titleMany", { count, licenses: n(count), name: app.displayName })
          : t("apps.revokeDialog.titleOne", { who: single.who, name: app.displayName })
      }
      confirmLabel={t("apps.revokeDialog.confirm", { count, licenses: n(count) })}
      confirmIcon={<Delete20Regular />}
      destructive
      canConfirm={count > 0 && !submission.locked}
      submitting={sending}
      waitFor={{ target: { type: "app", id: app.id }, idempotencyKey: submission.idempotencyKey }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t)}
    >
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {t("apps.revokeDialog.impact", { count, licenses: n(count), name: app.displayName })}
        </Body1Strong>
        <ul className={styles.list} tabIndex={0} aria-label={t("apps.revokeDialog.listLabel")}>
          {choices.slice(0, SHOWN).map((choice) => (
            <li key={choice.key} className={styles.item}>
              <span>
                <Body1 className={styles.who}>{choice.who}</Body1>
                {choice.detail === undefined ? null : (
                  <Caption1 className={styles.kind}> · {choice.detail}</Caption1>
                )}
              </span>
              <Caption1 className={styles.kind}>
                {t(`apps.licenses.kinds.${choice.ref.kind}`)}
              </Caption1>
            </li>
          ))}
          {count > SHOWN ? (
            <li className={styles.item}>
              <Caption1 className={styles.kind}>
                {t("apps.revokeDialog.more", { count: count - SHOWN, more: n(count - SHOWN) })}
              </Caption1>
            </li>
          ) : null}
        </ul>
        <Body1 as="p" className={styles.text}>
          {bulk || count > 1
            ? t("apps.revokeDialog.whatHappensMany")
            : t("apps.revokeDialog.whatHappens")}
        </Body1>
      </div>
      <RelicenseWarning appId={app.id} />
      <SwitchOption
        label={t("apps.revokeDialog.notifyLabel")}
        hint={t("apps.revokeDialog.notifyHint")}
        checked={notifyManagedDevices}
        disabled={submission.locked}
        onChange={setNotify}
      />
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
