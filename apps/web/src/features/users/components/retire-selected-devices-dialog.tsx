import { Body1, Body1Strong, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { PhoneLaptop20Regular } from "@fluentui/react-icons";
import {
  confirmationMatches,
  retireSelectionBlocked,
  retireSelectionOf,
  type ActionRecord,
  type ManagedDevice,
  type RetireSelectedDevicesRequest,
  type UserDetail,
} from "@ihc/contracts";
import { useCallback, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { OwnershipBadge } from "../../../components/device-state-badges";
import { ReasonField } from "../../../components/reason-field";
import { RetireEffectNote } from "../../../components/retire-effect-note";
import { submissionFeedback } from "../../../components/submission-feedback";
import { TypedConfirmation } from "../../../components/typed-confirmation";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useActionSubmission } from "../../../lib/use-action-submission";
import { useRetireSelectedDevices } from "../api/retire-selected-devices";
import { hardwareOf, osOf } from "./device-table";

const CONFIRM_FIELD = "body.confirmUserPrincipalName";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "320px",
    overflowY: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) max-content",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":not(:last-child)": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
  },
  rowText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  blocked: { color: tokens.colorPaletteRedForeground1 },
});

export interface RetireSelectedDevicesDialogProps {
  open: boolean;
  user: UserDetail;
  /** The selected devices, as the agent sees them now. */
  devices: readonly ManagedDevice[];
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
  /** What became of the accepted action, live (shown instead of the form). */
  result: (record: ActionRecord) => ReactNode;
}

/**
 * "Retire N of <name>'s devices?" (ADR 0031): each selected device with what retire does to it
 * (ADR 0023's rule), the devices that cannot go with the others named (a retire that resets,
 * one Intune cannot retire, one already retiring: the confirm stays disabled, as retire-all's
 * does), a reason, the UPN typed. One POST per opening (one Idempotency-Key); once accepted,
 * each device's retire shows live.
 */
export function RetireSelectedDevicesDialog({
  open,
  user,
  devices,
  onDismiss,
  onAccepted,
  result,
}: RetireSelectedDevicesDialogProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  // What the agent confirms, kept as it was when the dialog opened.
  const [shown] = useState(() => [...devices]);
  const selection = retireSelectionOf(
    shown,
    shown.map((device) => device.id),
  );
  const blocked = [...selection.refused, ...selection.factoryReset];

  const { mutateAsync } = useRetireSelectedDevices();
  const send = useCallback(
    (body: RetireSelectedDevicesRequest, idempotencyKey: string) =>
      mutateAsync({ userId: user.id, body, idempotencyKey }),
    [mutateAsync, user.id],
  );
  const submission = useActionSubmission(send, onAccepted);
  const sending = submission.phase === "sending";
  const matches = confirmationMatches(typed, user.userPrincipalName);
  const confirmError =
    typed.trim() === submission.sent?.confirmUserPrincipalName
      ? submission.fieldError(CONFIRM_FIELD)
      : undefined;

  const confirm = () => {
    const trimmed = reason.trim();
    submission.submit({
      deviceIds: shown.map((device) => device.id),
      confirmUserPrincipalName: typed.trim(),
      ...(trimmed === "" ? {} : { reason: trimmed }),
    });
  };

  return (
    <ConfirmDialog
      open={open}
      title={t("users.retireSelected.title", {
        count: shown.length,
        devices: formatNumber(shown.length, language),
        name: user.displayName,
      })}
      confirmLabel={t("users.retireSelected.confirm", {
        count: shown.length,
        devices: formatNumber(shown.length, language),
      })}
      confirmIcon={<PhoneLaptop20Regular />}
      destructive
      canConfirm={!retireSelectionBlocked(selection) && matches && !submission.locked}
      submitting={sending}
      waitFor={{ target: { type: "user", id: user.id }, idempotencyKey: submission.idempotencyKey }}
      onConfirm={confirm}
      onDismiss={onDismiss}
      feedback={submissionFeedback(submission, t, [CONFIRM_FIELD])}
      result={submission.accepted === undefined ? undefined : result(submission.accepted)}
    >
      <div className={styles.section}>
        <Body1Strong as="p" className={styles.text}>
          {t("users.retireDialog.devices", {
            count: shown.length,
            devices: formatNumber(shown.length, language),
          })}
        </Body1Strong>
        <ul className={styles.list} aria-label={t("users.retireDialog.devicesLabel")}>
          {shown.map((device) => (
            <li key={device.id} className={styles.row} data-device-id={device.id}>
              <span className={styles.rowText}>
                <Body1>{device.deviceName}</Body1>
                <Caption1 className={styles.muted}>
                  {[osOf(device), hardwareOf(device), device.serialNumber]
                    .filter((part) => part !== undefined && part !== "")
                    .join(" · ")}
                </Caption1>
                <RetireEffectNote device={device} />
                {selection.retiring.includes(device) ? (
                  <Caption1 className={styles.blocked}>
                    {t("users.retireSelected.alreadyRetiring")}
                  </Caption1>
                ) : null}
              </span>
              <OwnershipBadge device={device} />
            </li>
          ))}
        </ul>
        {blocked.length > 0 ? (
          <Body1Strong as="p" className={styles.text}>
            {t("users.retireSelected.blocked", {
              count: blocked.length,
              devices: blocked.map((device) => device.deviceName).join(", "),
            })}
          </Body1Strong>
        ) : null}
        <Body1 as="p" className={styles.text}>
          {t("users.retireSelected.whatHappens")}
        </Body1>
      </div>
      <ReasonField value={reason} onChange={setReason} disabled={submission.locked} />
      <TypedConfirmation
        label={t("users.retireDialog.confirmLabel")}
        expected={user.userPrincipalName}
        value={typed}
        onChange={setTyped}
        disabled={submission.locked}
        error={confirmError === undefined ? undefined : t("users.retireDialog.confirmRefused")}
      />
      <VisuallyHidden role="status">{sending ? t("actionDialog.sending") : ""}</VisuallyHidden>
    </ConfirmDialog>
  );
}
