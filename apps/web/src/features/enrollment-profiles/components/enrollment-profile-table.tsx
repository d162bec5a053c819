import {
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { EnrollmentProfile } from "@ihc/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../lib/api/get-me";
import { currentLanguage } from "../../../lib/i18n";
import { EnrollmentProfileRow, type ProfileDialogKind } from "./enrollment-profile-row";
import { mayActOnProfiles } from "./profile-actions";
import {
  DEFAULT_PROFILE_SORT,
  nextProfileSort,
  sortProfiles,
  type ProfileSort,
  type ProfileSortColumn,
} from "./profile-sort";
import { useProfileTableStyles } from "./use-profile-table-styles";
import { ReplaceTokenDialog } from "./replace-token-dialog";
import { RevealTokenDialog } from "./reveal-token-dialog";
import { RevokeTokenDialog } from "./revoke-token-dialog";

interface OpenDialog {
  kind: ProfileDialogKind;
  profile: EnrollmentProfile;
  open: boolean;
  /** A new one per opening: fresh state and a fresh Idempotency-Key. */
  key: number;
}

const profileKey = (profile: EnrollmentProfile) => `${profile.kind}:${profile.id}`;

/** Both kinds of Android Enterprise profile in one table, with the token actions allowed. */
export function EnrollmentProfileTable({ profiles }: { profiles: readonly EnrollmentProfile[] }) {
  const { t, i18n } = useTranslation();
  const styles = useProfileTableStyles();
  const me = useMe();
  const language = currentLanguage(i18n);
  const anyAction = mayActOnProfiles(me);
  const [dialog, setDialog] = useState<OpenDialog | undefined>(undefined);

  const [sort, setSort] = useState<ProfileSort>(DEFAULT_PROFILE_SORT);
  const sorted = sortProfiles(profiles, sort, language);
  const sortable = (column: ProfileSortColumn) => ({
    ...(sort.column === column ? { sortDirection: sort.direction } : {}),
    onClick: () => {
      setSort((previous) => nextProfileSort(previous, column));
    },
  });
  // The dialog works on the row as it is now (e.g. after a live update), if it is still listed.
  const current =
    dialog === undefined
      ? undefined
      : (profiles.find((p) => profileKey(p) === profileKey(dialog.profile)) ?? dialog.profile);
  const open = (kind: ProfileDialogKind, profile: EnrollmentProfile) => {
    setDialog((previous) => ({ kind, profile, open: true, key: (previous?.key ?? 0) + 1 }));
  };
  const close = () => {
    setDialog((previous) => (previous ? { ...previous, open: false } : previous));
  };

  return (
    <div className={styles.scroller}>
      <Table sortable className={styles.table} aria-label={t("enrollmentProfiles.tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: "24%" }} {...sortable("name")}>
              {t("enrollmentProfiles.columns.name")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "17%" }}>
              {t("enrollmentProfiles.columns.kind")}
            </TableHeaderCell>
            <TableHeaderCell sortable={false} style={{ width: "14%" }}>
              {t("enrollmentProfiles.columns.token")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "13%" }} {...sortable("expiry")}>
              {t("enrollmentProfiles.columns.expiry")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }} {...sortable("devices")}>
              {t("enrollmentProfiles.columns.devices")}
            </TableHeaderCell>
            {anyAction ? (
              <TableHeaderCell sortable={false} style={{ width: "22%" }}>
                {t("enrollmentProfiles.columns.actions")}
              </TableHeaderCell>
            ) : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((profile) => (
            <EnrollmentProfileRow
              key={profileKey(profile)}
              profile={profile}
              me={me}
              showActions={anyAction}
              onOpen={open}
            />
          ))}
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
