import {
  Body1Strong,
  Button,
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
  Tooltip,
} from "@fluentui/react-components";
import { ArrowSync16Regular, Delete16Regular, Eye16Regular } from "@fluentui/react-icons";
import type { EnrollmentProfile } from "@ihc/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../lib/api/get-me";
import { formatNumber } from "../../../lib/format";
import { useTableStyles } from "../../../components/table-styles";
import { currentLanguage } from "../../../lib/i18n";
import { mayActOnProfiles, profileActionsFor } from "./profile-actions";
import { profileKindKey } from "./profile-kind";
import { ReplaceTokenDialog } from "./replace-token-dialog";
import { RevealTokenDialog } from "./reveal-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";
import { TokenExpiryCell } from "./token-expiry-cell";
import { TokenStatusBadge } from "./token-status-badge";

const useOwnStyles = makeStyles({
  table: { minWidth: "1040px" },
  stack: { alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  mono: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: "tabular-nums" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

type DialogKind = "revoke" | "replace" | "reveal";
interface OpenDialog {
  kind: DialogKind;
  profile: EnrollmentProfile;
  open: boolean;
  /** A new one per opening: fresh state and a fresh Idempotency-Key. */
  key: number;
}

const profileKey = (profile: EnrollmentProfile) => `${profile.kind}:${profile.id}`;

/** Both kinds of Android Enterprise profile in one table, with the token actions allowed. */
export function EnrollmentProfileTable({ profiles }: { profiles: readonly EnrollmentProfile[] }) {
  const { t, i18n } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const me = useMe();
  const language = currentLanguage(i18n);
  const anyAction = mayActOnProfiles(me);
  const [dialog, setDialog] = useState<OpenDialog | undefined>(undefined);

  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const sorted = [...profiles].sort((a, b) => collator.compare(a.displayName, b.displayName));
  // The dialog works on the row as it is now (e.g. after a live update), if it is still listed.
  const current =
    dialog === undefined
      ? undefined
      : (profiles.find((p) => profileKey(p) === profileKey(dialog.profile)) ?? dialog.profile);
  const open = (kind: DialogKind, profile: EnrollmentProfile) => {
    setDialog((previous) => ({ kind, profile, open: true, key: (previous?.key ?? 0) + 1 }));
  };
  const close = () => {
    setDialog((previous) => (previous ? { ...previous, open: false } : previous));
  };

  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label={t("enrollmentProfiles.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "24%" }}>
              {t("enrollmentProfiles.columns.name")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "17%" }}>
              {t("enrollmentProfiles.columns.kind")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "14%" }}>
              {t("enrollmentProfiles.columns.token")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "13%" }}>
              {t("enrollmentProfiles.columns.expiry")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }}>
              {t("enrollmentProfiles.columns.devices")}
            </TableHeaderCell>
            {anyAction ? (
              <TableHeaderCell style={{ width: "22%" }}>
                {t("enrollmentProfiles.columns.actions")}
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((profile) => {
            const offers = profileActionsFor(me, profile);
            return (
              <TableRow key={profileKey(profile)}>
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
                <TableCell className={styles.cell}>{t(profileKindKey(profile))}</TableCell>
                <TableCell className={styles.cell}>
                  <span className={styles.stack}>
                    <TokenStatusBadge status={profile.tokenStatus} />
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
                {anyAction ? (
                  <TableCell className={styles.cell}>
                    <span className={styles.actions}>
                      {offers.revoke === "hidden" ? null : offers.revoke === "enabled" ? (
                        <Button
                          size="small"
                          icon={<Delete16Regular />}
                          onClick={() => {
                            open("revoke", profile);
                          }}
                        >
                          {t("enrollmentProfiles.actions.revoke")}
                        </Button>
                      ) : (
                        <Tooltip
                          content={t("enrollmentProfiles.actions.revokeNoToken")}
                          relationship="description"
                        >
                          <Button size="small" icon={<Delete16Regular />} disabledFocusable>
                            {t("enrollmentProfiles.actions.revoke")}
                          </Button>
                        </Tooltip>
                      )}
                      {offers.replace ? (
                        <Button
                          size="small"
                          icon={<ArrowSync16Regular />}
                          onClick={() => {
                            open("replace", profile);
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
                            open("reveal", profile);
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
          })}
        </TableBody>
      </Table>
      {dialog !== undefined && current !== undefined && dialog.kind === "revoke" ? (
        <RevokeTokenDialog
          key={dialog.key}
          open={dialog.open}
          profile={current}
          onDismiss={close}
        />
      ) : null}
      {dialog !== undefined && current !== undefined && dialog.kind === "replace" ? (
        <ReplaceTokenDialog
          key={dialog.key}
          open={dialog.open}
          profile={current}
          onDismiss={close}
        />
      ) : null}
      {dialog !== undefined && dialog.kind === "reveal" && dialog.open ? (
        <RevealTokenDialog key={dialog.key} profile={dialog.profile} onDismiss={close} />
      ) : null}
    </div>
  );
}
