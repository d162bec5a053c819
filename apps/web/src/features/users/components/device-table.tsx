import {
  Body1Strong,
  Caption1,
  Checkbox,
  createTableColumn,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ManagedDevice } from "@ihc/contracts";
import { useMemo, useState } from "react";
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
import { UNSORTED, useSortedRows, type TableSort } from "../../../components/use-sorted-rows";
import { currentLanguage } from "../../../lib/i18n";

const useOwnStyles = makeStyles({
  table: { minWidth: "960px" },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "break-word" },
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

export type DeviceSortColumn =
  "name" | "os" | "model" | "serial" | "ownership" | "compliance" | "lastSync" | "management";

/**
 * Each column's order. Text by the agent's language; "last sync" by time, never synced first
 * (the oldest news); states by Graph's value, which groups equal states together.
 */
const deviceColumns = (language: string) => {
  const collator = new Intl.Collator(language, { sensitivity: "base", numeric: true });
  const byText =
    (text: (device: ManagedDevice) => string | undefined) => (a: ManagedDevice, b: ManagedDevice) =>
      collator.compare(text(a) ?? "", text(b) ?? "");
  const synced = (device: ManagedDevice) => {
    const at =
      device.lastSyncDateTime === undefined ? Number.NaN : Date.parse(device.lastSyncDateTime);
    return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
  };
  const compares: Record<DeviceSortColumn, (a: ManagedDevice, b: ManagedDevice) => number> = {
    name: byText((d) => d.deviceName),
    os: byText(osOf),
    model: byText(hardwareOf),
    serial: byText((d) => d.serialNumber),
    ownership: byText((d) => d.managedDeviceOwnerType),
    compliance: byText((d) => d.complianceState),
    lastSync: (a, b) => {
      const left = synced(a);
      const right = synced(b);
      return left === right ? 0 : left < right ? -1 : 1;
    },
    management: byText((d) => d.managementState),
  };
  return Object.entries(compares).map(([columnId, compare]) =>
    createTableColumn<ManagedDevice>({ columnId, compare }),
  );
};

/**
 * The devices in the order the agent chose (Intune's until a header is pressed): the table
 * shows them and "Export CSV" writes them in that order.
 */
export function useDeviceSort(devices: readonly ManagedDevice[]) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const columns = useMemo(() => deviceColumns(language), [language]);
  const [sort, setSort] = useState<TableSort<DeviceSortColumn>>(UNSORTED);
  return useSortedRows(devices, columns, sort, setSort);
}

export type DeviceSorting = ReturnType<typeof useDeviceSort>;

/**
 * The user's managed devices, each with its state (live during a retire), sortable by column;
 * with `selection`, a checkbox per device and one for all of them (native checkboxes: Tab and
 * Space).
 */
export function DeviceTable({
  sorting,
  label,
  selection,
}: {
  sorting: DeviceSorting;
  label: string;
  selection?: DeviceSelection | undefined;
}) {
  const { t } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const { rows, headerProps: header } = sorting;
  const picked = rows.filter((device) => selection?.selected.has(device.id) === true).length;
  const allState = picked === 0 ? false : picked === rows.length ? true : "mixed";
  const toggle = (id: string, on: boolean) => {
    if (selection === undefined) return;
    const next = new Set(selection.selected);
    if (on) next.add(id);
    else next.delete(id);
    selection.onChange(next);
  };
  return (
    <div className={styles.scroller}>
      <Table sortable className={styles.table} aria-label={label}>
        <TableHeader>
          <TableRow>
            {selection === undefined ? null : (
              <TableHeaderCell className={styles.check} sortable={false}>
                <Checkbox
                  checked={allState}
                  aria-label={t("users.retireSelected.selectAll")}
                  onChange={(_event, data) => {
                    selection.onChange(
                      new Set(data.checked === true ? rows.map((device) => device.id) : []),
                    );
                  }}
                />
              </TableHeaderCell>
            )}
            <TableHeaderCell style={{ width: "15%" }} {...header("name")}>
              {t("users.devices.name")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }} {...header("os")}>
              {t("users.devices.os")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "15%" }} {...header("model")}>
              {t("users.devices.model")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }} {...header("serial")}>
              {t("users.devices.serial")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }} {...header("ownership")}>
              {t("users.devices.ownership")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }} {...header("compliance")}>
              {t("users.devices.compliance")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "10%" }} {...header("lastSync")}>
              {t("users.devices.lastSync")}
            </TableHeaderCell>
            <TableHeaderCell style={{ width: "12%" }} {...header("management")}>
              {t("users.devices.management")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((device) => (
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
                <Link to={devicePath(device.id)} className={mergeClasses(styles.link, styles.wrap)}>
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
