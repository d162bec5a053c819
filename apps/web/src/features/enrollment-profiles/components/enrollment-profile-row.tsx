import {
  Body1Strong,
  Button,
  Caption1,
  mergeClasses,
  Spinner,
  TableCell,
  TableRow,
  Tooltip,
} from "@fluentui/react-components";
import { ArrowSync16Regular, Delete16Regular, Eye16Regular } from "@fluentui/react-icons";
import type { EnrollmentProfile, Me } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { ActionWaitNotice } from "../../../components/action-wait-notice";
import { openActionsIn, useTargetActionsIfAvailable } from "../../../lib/api/get-target-actions";
import { formatNumber } from "../../../lib/format";
import { graphEnumLabel } from "../../../lib/graph-enum-label";
import { currentLanguage } from "../../../lib/i18n";
import { profileActionsFor, tokenBusyOf } from "./profile-actions";
import { profileKindKey } from "./profile-kind";
import { TokenExpiryCell } from "./token-expiry-cell";
import { TokenStatusBadge } from "./token-status-badge";
import { useProfileTableStyles } from "./use-profile-table-styles";

export type ProfileDialogKind = "revoke" | "replace" | "reveal";

export interface EnrollmentProfileRowProps {
  profile: EnrollmentProfile;
  me: Me;
  showActions: boolean;
  onOpen: (kind: ProfileDialogKind, profile: EnrollmentProfile) => void;
}

/**
 * One profile: its token's status and, while an action on the token is open (from the journal,
 * so after a reload too), what it is doing ("Being revoked…") with its buttons disabled.
 */
export function EnrollmentProfileRow({
  profile,
  me,
  showActions,
  onOpen,
}: EnrollmentProfileRowProps) {
  const { t, i18n } = useTranslation();
  const styles = useProfileTableStyles();
  const language = currentLanguage(i18n);
  const actions = useTargetActionsIfAvailable({ type: "enrollmentProfile", id: profile.id });
  const busy = tokenBusyOf(openActionsIn(actions));
  const offers = profileActionsFor(me, profile, busy?.busy);
  const revokeButton = (
    <Button size="small" icon={<Delete16Regular />} disabledFocusable>
      {t("enrollmentProfiles.actions.revoke")}
    </Button>
  );

  return (
    <TableRow>
      <TableCell className={styles.cell}>
        <span className={styles.stack}>
          <Body1Strong className={styles.wrap}>{profile.displayName}</Body1Strong>
          {profile.description === undefined || profile.description === "" ? null : (
            <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
              {profile.description}
            </Caption1>
          )}
        </span>
      </TableCell>
      <TableCell className={styles.cell}>
        {graphEnumLabel(t, profile, "enrollmentMode", t(profileKindKey(profile)))}
      </TableCell>
      <TableCell className={styles.cell}>
        <span className={styles.stack}>
          <TokenStatusBadge status={profile.tokenStatus} />
          {busy === undefined ? null : (
            <span className={styles.busy}>
              <Spinner size="extra-tiny" aria-hidden />
              <Caption1>{t(`enrollmentProfiles.busy.${busy.busy}`)}</Caption1>
            </span>
          )}
          {busy === undefined ? null : <ActionWaitNotice action={busy.action} compact />}
          {profile.maskedToken === undefined ? null : (
            <Caption1 className={styles.mono}>{profile.maskedToken}</Caption1>
          )}
        </span>
      </TableCell>
      <TableCell className={styles.cell}>
        <TokenExpiryCell expiration={profile.tokenExpirationDateTime} />
      </TableCell>
      <TableCell className={styles.cell}>
        <span className={styles.number}>
          {profile.enrolledDeviceCount === undefined
            ? "—"
            : formatNumber(profile.enrolledDeviceCount, language)}
        </span>
      </TableCell>
      {showActions ? (
        <TableCell className={styles.cell}>
          <span className={styles.actions}>
            {offers.revoke === "hidden" ? null : offers.revoke === "enabled" ? (
              <Button
                size="small"
                icon={<Delete16Regular />}
                onClick={() => {
                  onOpen("revoke", profile);
                }}
              >
                {t("enrollmentProfiles.actions.revoke")}
              </Button>
            ) : (
              <Tooltip
                content={
                  offers.revoke === "busy"
                    ? t("enrollmentProfiles.actions.revokeBusy")
                    : t("enrollmentProfiles.actions.revokeNoToken")
                }
                relationship="description"
              >
                {revokeButton}
              </Tooltip>
            )}
            {offers.replace ? (
              <Button
                size="small"
                icon={<ArrowSync16Regular />}
                onClick={() => {
                  onOpen("replace", profile);
                }}
              >
                {t("enrollmentProfiles.actions.replace")}
              </Button>
            ) : null}
            {offers.reveal ? (
              <Button
                size="small"
                appearance="subtle"
                icon={<Eye16Regular />}
                onClick={() => {
                  onOpen("reveal", profile);
                }}
              >
                {t("enrollmentProfiles.actions.reveal")}
              </Button>
            ) : null}
          </span>
        </TableCell>
      ) : null}
    </TableRow>
  );
}
