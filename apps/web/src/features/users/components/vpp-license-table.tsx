import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  createTableColumn,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ActionRecord, UserDetail, UserVppLicense } from "@ihc/contracts";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { UNSORTED, useSortedRows, type TableSort } from "../../../components/use-sorted-rows";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { devicePath } from "../../../lib/route-paths";
import { useUserVppLicenses } from "../api/get-user";
import { RevokeLicenseDialog } from "./revoke-license-dialog";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroller: { overflowX: "auto" },
  table: { minWidth: "640px", backgroundColor: tokens.colorNeutralBackground1 },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
});

const licenseKey = (license: UserVppLicense) =>
  `${license.appId}:${license.kind}:${license.managedDeviceId ?? ""}`;

type LicenseSortColumn = "app" | "kind" | "device";

/** By app name, by kind (user licenses first), or by device name (user licenses have none). */
const licenseColumns = (language: string) => {
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const byText =
    (text: (license: UserVppLicense) => string | undefined) =>
    (a: UserVppLicense, b: UserVppLicense) =>
      collator.compare(text(a) ?? "", text(b) ?? "") ||
      collator.compare(a.appDisplayName, b.appDisplayName);
  return [
    createTableColumn<UserVppLicense>({
      columnId: "app",
      compare: byText((l) => l.appDisplayName),
    }),
    createTableColumn<UserVppLicense>({
      columnId: "kind",
      compare: byText((l) => (l.kind === "user" ? "0" : "1")),
    }),
    createTableColumn<UserVppLicense>({
      columnId: "device",
      compare: byText((l) => (l.kind === "device" ? (l.deviceName ?? l.managedDeviceId) : "")),
    }),
  ];
};

const USER_LICENSE_CSV_HEADER = [
  "appDisplayName",
  "appId",
  "kind",
  "deviceName",
  "managedDeviceId",
];

/** The VPP licenses the user holds, with "Revoke…" per license for agents who may revoke. */
export function VppLicenseTable({ user, mayRevoke }: { user: UserDetail; mayRevoke: boolean }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { items, appsScanned } = useUserVppLicenses(user.id);
  const columns = useMemo(() => licenseColumns(language), [language]);
  const [sort, setSort] = useState<TableSort<LicenseSortColumn>>(UNSORTED);
  const { rows, headerProps: header } = useSortedRows(items, columns, sort, setSort);
  // Kept after closing (open: false) so Fluent can close the dialog cleanly.
  const [dialog, setDialog] = useState<{ license: UserVppLicense; open: boolean } | undefined>(
    undefined,
  );
  const close = () => {
    setDialog((current) => (current ? { ...current, open: false } : current));
  };
  const [openings, setOpenings] = useState(0);
  const [accepted, setAccepted] = useState<ActionRecord | undefined>(undefined);
  const scanned = t("users.licenses.scanned", {
    count: appsScanned,
    apps: formatNumber(appsScanned, language),
  });

  if (items.length === 0) {
    return (
      <div className={styles.root}>
        <Body1 as="p" className={styles.text}>
          {t("users.licenses.none", { name: user.displayName })}
        </Body1>
        <Caption1 className={styles.muted}>{scanned}</Caption1>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <ExportCsvButton
        name="user-vpp-licenses"
        header={USER_LICENSE_CSV_HEADER}
        rows={() =>
          rows.map((license) => [
            license.appDisplayName,
            license.appId,
            license.kind,
            license.deviceName,
            license.managedDeviceId,
          ])
        }
      />
      {accepted ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {t("users.licenses.accepted")}{" "}
            {/* A device license: its device checks in sooner after a sync (issue #14). */}
            {dialog?.license.kind === "device" && dialog.license.managedDeviceId !== undefined ? (
              <Link to={devicePath(dialog.license.managedDeviceId)} state={{ offerSync: true }}>
                {t("users.licenses.syncOffer", {
                  device: dialog.license.deviceName ?? dialog.license.managedDeviceId,
                })}
              </Link>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.scroller}>
        <Table sortable className={styles.table} aria-label={t("users.licenses.tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell {...header("app")}>{t("users.licenses.app")}</TableHeaderCell>
              <TableHeaderCell {...header("kind")}>{t("users.licenses.kind")}</TableHeaderCell>
              <TableHeaderCell {...header("device")}>{t("users.licenses.device")}</TableHeaderCell>
              {mayRevoke ? (
                <TableHeaderCell sortable={false} style={{ width: "140px" }}>
                  {t("users.licenses.actions")}
                </TableHeaderCell>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((license) => (
              <TableRow key={licenseKey(license)}>
                <TableCell className={styles.cell}>
                  <Body1Strong>{license.appDisplayName}</Body1Strong>
                </TableCell>
                <TableCell className={styles.cell}>
                  {t(`users.licenses.kinds.${license.kind}`)}
                </TableCell>
                <TableCell className={styles.cell}>
                  {license.kind === "device" ? (
                    (license.deviceName ?? license.managedDeviceId ?? "—")
                  ) : (
                    <Body1 className={styles.muted}>{t("users.licenses.anyDevice")}</Body1>
                  )}
                </TableCell>
                {mayRevoke ? (
                  <TableCell className={styles.cell}>
                    <Button
                      size="small"
                      aria-label={t("users.licenses.revokeNamed", { app: license.appDisplayName })}
                      onClick={() => {
                        setAccepted(undefined);
                        setOpenings((n) => n + 1);
                        setDialog({ license, open: true });
                      }}
                    >
                      {t("users.licenses.revoke")}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Caption1 className={styles.muted}>{scanned}</Caption1>
      {dialog ? (
        <RevokeLicenseDialog
          key={`revoke-${String(openings)}`}
          open={dialog.open}
          user={user}
          license={dialog.license}
          onDismiss={close}
          onAccepted={(record) => {
            setAccepted(record);
            close();
          }}
        />
      ) : null}
    </div>
  );
}
