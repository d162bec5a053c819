import {
  Body1Strong,
  Caption1,
  Checkbox,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ManagedDevice } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { devicePath } from "../../../lib/route-paths";
import { RelativeTime } from "../../../components/relative-time";
import {
  ComplianceBadge,
  ManagementStateBadge,
  OwnershipBadge,
} from "../../../components/device-state-badges";
import { useTableStyles } from "../../../components/table-styles";

const useOwnStyles = makeStyles({
  table: { minWidth: "960px" },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  check: { width: "44px" },
});

/** Devices ticked for "Retire selected": their ids, and how a tick changes them. */
export interface DeviceSelection {
  selected: ReadonlySet<string>;
  onChange: (next: ReadonlySet<string>) => void;
}

/** A device's OS and version as one phrase ("iOS 18.1"). */
export const osOf = (device: ManagedDevice): string =>
  [device.operatingSystem, device.osVersion].filter((part) => part !== undefined).join(" ");

/** "Apple iPhone 15"; the model alone when the manufacturer is already in it. */
export const hardwareOf = (device: ManagedDevice): string => {
  const { manufacturer, model } = device;
  if (model === undefined) return manufacturer ?? "";
  if (manufacturer === undefined || model.toLowerCase().startsWith(manufacturer.toLowerCase())) {
    return model;
  }
  return `${manufacturer} ${model}`;
};

/**
 * The user's managed devices as Intune lists them, each with its state (live during a retire);
 * with `selection`, a checkbox per device and one for all of them (native checkboxes: Tab and
 * Space).
 */
export function DeviceTable({
  devices,
  label,
  selection,
}: {
  devices: readonly ManagedDevice[];
  label: string;
  selection?: DeviceSelection | undefined;
}) {
  const { t } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const picked = devices.filter((device) => selection?.selected.has(device.id) === true).length;
  const allState = picked === 0 ? false : picked === devices.length ? true : "mixed";
  const toggle = (id: string, on: boolean) => {
    if (selection === undefined) return;
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return (
    <div className={styles.scroller}>
      <Table className={styles.table} aria-label={label}>
        <TableHeader>
          <TableRow>
            {selection === undefined ? null : (
              <TableHeaderCell className={styles.check}>
                <Checkbox
                  checked={allState}
                  aria-label={t("users.retireSelected.selectAll")}
                  onChange={(_event, data) => {
                    selection.onChange(
                      new Set(data.checked === true ? devices.map((device) => device.id) : []),
                    );
                  }}
                />
              </TableHeaderCell>
            )}
            <TableHeaderCell style={{ width: "15%" }}>{t("users.devices.name")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }}>{t("users.devices.os")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "15%" }}>{t("users.devices.model")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }}>{t("users.devices.serial")}</TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }}>
              {t("users.devices.ownership")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }}>
              {t("users.devices.compliance")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }}>
              {t("users.devices.lastSync")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }}>
              {t("users.devices.management")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {devices.map((device) => (
            <TableRow key={device.id} data-device-id={device.id}>
              {selection === undefined ? null : (
                <TableCell className={styles.check}>
                  <Checkbox
                    checked={selection.selected.has(device.id)}
                    aria-label={t("users.retireSelected.select", { device: device.deviceName })}
                    onChange={(_event, data) => {
                      toggle(device.id, data.checked === true);
                    }}
                  />
                </TableCell>
              )}
              <TableCell className={styles.cell}>
                <Link to={devicePath(device.id)} className={styles.wrap}>
                  <Body1Strong>{device.deviceName}</Body1Strong>
                </Link>
              </TableCell>
              <TableCell className={styles.cell}>{osOf(device) || "—"}</TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.wrap}>{hardwareOf(device) || "—"}</span>
              </TableCell>
              <TableCell className={styles.cell}>
                <span className={styles.mono}>{device.serialNumber ?? "—"}</span>
              </TableCell>
              <TableCell className={styles.cell}>
                <OwnershipBadge device={device} />
              </TableCell>
              <TableCell className={styles.cell}>
                <ComplianceBadge device={device} />
              </TableCell>
              <TableCell className={styles.cell}>
                {device.lastSyncDateTime === undefined ? (
                  <Caption1 className={styles.muted}>{t("users.devices.neverSynced")}</Caption1>
                ) : (
                  <RelativeTime value={device.lastSyncDateTime} />
                )}
              </TableCell>
              <TableCell className={styles.cell}>
                <ManagementStateBadge state={device.managementState} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
