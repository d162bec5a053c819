import { Caption1, makeStyles, Subtitle2, tokens, useId } from "@fluentui/react-components";
import { DeleteLines20Regular, PersonDelete20Regular } from "@fluentui/react-icons";
import type { ActionRecord, UserDetail } from "@ihc/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DestructiveButton } from "../../../components/destructive-button";
import { useTargetActionsIfAvailable } from "../../../lib/api/get-target-actions";
import { useUserDevices, useUserVppLicenses } from "../api/get-user";
import { OffboardingDialog, type OffboardingKind } from "./offboarding-dialog";
import { OffboardingProgress } from "./offboarding-progress";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const isOffboarding = (record: ActionRecord): record is ActionRecord & { kind: OffboardingKind } =>
  record.kind === "user.offboard" || record.kind === "user.revoke-all-licenses";

export interface OffboardingSectionProps {
  user: UserDetail;
  /** devices:retire and apps:revoke: a senior agent. */
  mayOffboard: boolean;
  /** apps:revoke. */
  mayRevoke: boolean;
}

/**
 * "Offboard…" and "Revoke all of this user's licenses…" (ADR 0030), the latest of either live
 * from the journal, and their dialog. "Retry failed" opens a new one: it lists what is still
 * there.
 */
export function OffboardingSection({ user, mayOffboard, mayRevoke }: OffboardingSectionProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items: devices } = useUserDevices(user.id);
  const { items: licenses } = useUserVppLicenses(user.id);
  const actions = useTargetActionsIfAvailable({ type: "user", id: user.id });
  const [dialog, setDialog] = useState<{ kind: OffboardingKind; open: boolean; opening: number }>({
    kind: "user.offboard",
    open: false,
    opening: 0,
  });
  const [accepted, setAccepted] = useState<ActionRecord | undefined>(undefined);
  const noLicensesId = useId("no-licenses");
  const open = (kind: OffboardingKind) => {
    setDialog((current) => ({ kind, open: true, opening: current.opening + 1 }));
  };
  const live = (record: ActionRecord): ActionRecord =>
    actions?.items.find((candidate) => candidate.id === record.id) ?? record;
  const fromJournal = actions?.items.find(isOffboarding);
  const latest =
    fromJournal && (!accepted || fromJournal.createdAt >= accepted.createdAt)
      ? fromJournal
      : accepted && live(accepted);
  const mayRetry = (record: ActionRecord) =>
    record.kind === "user.offboard" ? mayOffboard : mayRevoke;
  const progressOf = (record: ActionRecord) => (
    <OffboardingProgress
      action={live(record)}
      mayRetry={mayRetry(record)}
      onRetry={() => {
        open(isOffboarding(record) ? record.kind : "user.offboard");
      }}
    />
  );

  if (!mayOffboard && !mayRevoke) return null;
  return (
    <>
      <div className={styles.toolbar}>
        {mayOffboard ? (
          <DestructiveButton
            icon={<PersonDelete20Regular />}
            onClick={() => {
              open("user.offboard");
            }}
          >
            {t("users.offboard.button")}
          </DestructiveButton>
        ) : null}
        <DestructiveButton
          icon={<DeleteLines20Regular />}
          disabledFocusable={licenses.length === 0}
          aria-describedby={licenses.length === 0 ? noLicensesId : undefined}
          onClick={() => {
            open("user.revoke-all-licenses");
          }}
        >
          {t("users.offboard.licensesButton")}
        </DestructiveButton>
        {licenses.length === 0 ? (
          <Caption1 id={noLicensesId} className={styles.muted}>
            {t("users.licenses.none", { name: user.displayName })}
          </Caption1>
        ) : null}
      </div>
      {latest ? (
        <section className={styles.panel} aria-label={t(`actionKinds.${latest.kind}`)}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t(`actionKinds.${latest.kind}`)}
          </Subtitle2>
          {progressOf(latest)}
        </section>
      ) : null}
      <OffboardingDialog
        key={`offboarding-${String(dialog.opening)}`}
        kind={dialog.kind}
        open={dialog.open}
        user={user}
        devices={devices}
        licenses={licenses}
        onDismiss={() => {
          setDialog((current) => ({ ...current, open: false }));
        }}
        onAccepted={setAccepted}
        result={progressOf}
      />
    </>
  );
}
