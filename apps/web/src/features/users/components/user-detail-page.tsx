import {
  Badge,
  Body1,
  Caption1,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
  useId,
} from "@fluentui/react-components";
import {
  ArrowLeft16Regular,
  PhoneLaptop20Regular,
  PhoneCheckmark20Regular,
} from "@fluentui/react-icons";
import {
  GraphIdSchema,
  type ActionRecord,
  type ManagedDevice,
  type UserDetail,
} from "@ihc/contracts";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { DestructiveButton } from "../../../components/destructive-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { PageSection } from "../../../components/page-section";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useMe } from "../../../lib/api/get-me";
import { can } from "../../../lib/permissions";
import { userSearchPath } from "../../../lib/route-paths";
import { useUser, useUserDevices } from "../api/get-user";
import { useTargetActionsIfAvailable } from "../../../lib/api/get-target-actions";
import { latestRetireOf, retireTargetsOf, type RetireTarget } from "../hooks/retire-progress";
import { DeviceTable, useDeviceSort } from "./device-table";
import { OffboardingProgress } from "./offboarding-progress";
import { RetireSelectedDevicesDialog } from "./retire-selected-devices-dialog";
import { OffboardingSection } from "./offboarding-section";
import { RetireAllDevicesDialog } from "./retire-all-devices-dialog";
import { RetireProgressPanel } from "./retire-progress-panel";
import type { FromSearchState } from "./users-page";
import { VppLicenseTable } from "./vpp-license-table";

const useStyles = makeStyles({
  back: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    alignSelf: "flex-start",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: "720px",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  text: { margin: 0 },
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
});

const SELECTED_KIND = "user.retire-selected-devices";

const DEVICE_CSV_HEADER = [
  "deviceName",
  "serialNumber",
  "operatingSystem",
  "osVersion",
  "model",
  "complianceState",
  "managementState",
  "managedDeviceOwnerType",
  "lastSyncDateTime",
  "id",
];

/**
 * /users/:id — the person, "Offboard…" and "Revoke all of this user's licenses…", their devices
 * and VPP licenses, and "Retire all devices…".
 */
export function UserDetailPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = "" } = useParams();
  const location = useLocation();
  const from = (location.state as Partial<FromSearchState> | null)?.search ?? "";
  const valid = GraphIdSchema.safeParse(id).success;
  return (
    <PageLayout>
      <Link to={userSearchPath(from)} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {from === "" ? t("users.detail.back") : t("users.detail.backToSearch", { search: from })}
      </Link>
      {valid ? (
        <RegionErrorBoundary>
          <Suspense fallback={<Spinner label={t("users.detail.loading")} />}>
            <UserDetailView id={id} />
          </Suspense>
        </RegionErrorBoundary>
      ) : (
        <>
          <PageHeader title={t("users.detail.notFoundTitle")} />
          <Body1 as="p" className={styles.text}>
            {t("users.detail.notFoundBody")}
          </Body1>
        </>
      )}
    </PageLayout>
  );
}

function UserDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const user = useUser(id);
  const me = useMe();
  return (
    <>
      <PageHeader title={user.displayName} description={user.userPrincipalName} />
      <dl className={styles.facts} aria-label={t("users.detail.factsLabel")}>
        <Fact label={t("users.detail.upn")} value={user.userPrincipalName} />
        <Fact label={t("users.detail.mail")} value={user.mail} />
        <Fact label={t("users.detail.department")} value={user.department} />
        <Fact label={t("users.detail.jobTitle")} value={user.jobTitle} />
        <Fact label={t("users.detail.office")} value={user.officeLocation} />
        <dt className={styles.term}>{t("users.detail.account")}</dt>
        <dd className={styles.value}>
          {user.accountEnabled === undefined ? (
            t("common.notSet")
          ) : (
            <Badge
              appearance="tint"
              shape="rounded"
              color={user.accountEnabled ? "success" : "danger"}
            >
              {user.accountEnabled ? t("users.detail.enabled") : t("users.detail.disabled")}
            </Badge>
          )}
        </dd>
      </dl>
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner size="small" label={t("users.offboard.loading")} />}>
          <OffboardingSection
            user={user}
            mayOffboard={can(me, "devices:retire") && can(me, "apps:revoke")}
            mayRevoke={can(me, "apps:revoke")}
          />
        </Suspense>
      </RegionErrorBoundary>
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner size="small" label={t("users.devices.loading")} />}>
          <UserDevices user={user} mayRetire={can(me, "devices:retire")} />
        </Suspense>
      </RegionErrorBoundary>
      <PageSection title={t("users.licenses.title")}>
        <RegionErrorBoundary fallback={SectionErrorFallback}>
          <Suspense fallback={<Spinner size="small" label={t("users.licenses.loading")} />}>
            <VppLicenseTable user={user} mayRevoke={can(me, "apps:revoke")} />
          </Suspense>
        </RegionErrorBoundary>
      </PageSection>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string | undefined }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{value ?? t("common.notSet")}</dd>
    </>
  );
}

const retiring = (device: ManagedDevice) => device.managementState.startsWith("retire");

/** The retire button (or why there is nothing to retire), the latest retire live, the devices. */
function UserDevices({ user, mayRetire }: { user: UserDetail; mayRetire: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items: devices, readAt } = useUserDevices(user.id);
  const actions = useTargetActionsIfAvailable({ type: "user", id: user.id });
  const [dialogOpen, setDialogOpen] = useState(false);
  const [openings, setOpenings] = useState(0);
  const [confirmed, setConfirmed] = useState<
    { actionId: string; targets: RetireTarget[] } | undefined
  >(undefined);
  const [accepted, setAccepted] = useState<ActionRecord | undefined>(undefined);
  const reasonId = useId("retire-reason");
  // "Retire selected" (ADR 0031): the ticked devices, its dialog, and its latest record.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedDialog, setSelectedDialog] = useState<{
    open: boolean;
    opening: number;
    deviceIds: readonly string[];
  }>({ open: false, opening: 0, deviceIds: [] });
  const [acceptedSelected, setAcceptedSelected] = useState<ActionRecord | undefined>(undefined);
  const ticked = devices.filter((device) => selected.has(device.id));
  const openSelected = (deviceIds: readonly string[]) => {
    setSelectedDialog((current) => ({ open: true, opening: current.opening + 1, deviceIds }));
  };
  const liveRecord = (record: ActionRecord): ActionRecord =>
    actions?.items.find((candidate) => candidate.id === record.id) ?? record;
  const selectedFromJournal = actions?.items.find((record) => record.kind === SELECTED_KIND);
  const latestSelected =
    selectedFromJournal &&
    (!acceptedSelected || selectedFromJournal.createdAt >= acceptedSelected.createdAt)
      ? selectedFromJournal
      : acceptedSelected && liveRecord(acceptedSelected);
  const selectedProgress = (record: ActionRecord) => (
    <OffboardingProgress
      action={liveRecord(record)}
      mayRetry={mayRetire}
      onRetry={() => {
        // The failed devices Intune still lists: the new action's selection.
        const failed = new Set(
          (liveRecord(record).items ?? [])
            .filter((item) => item.state !== "succeeded")
            .map((item) => item.id.toLowerCase()),
        );
        openSelected(
          devices
            .filter((device) => failed.has(device.id.toLowerCase()))
            .map((device) => device.id),
        );
      }}
    />
  );

  const fromJournal = latestRetireOf(actions?.items);
  const latest =
    fromJournal &&
    (!accepted || fromJournal.id === accepted.id || fromJournal.createdAt > accepted.createdAt)
      ? fromJournal
      : accepted;
  const sorting = useDeviceSort(devices);
  const retirable = devices.filter((device) => !retiring(device));
  const nothingToRetire =
    devices.length === 0
      ? t("users.retire.noDevices", { name: user.displayName })
      : retirable.length === 0
        ? t("users.retire.allRetiring")
        : undefined;

  return (
    <>
      {mayRetire ? (
        <div className={styles.toolbar}>
          <DestructiveButton
            icon={<PhoneLaptop20Regular />}
            disabledFocusable={nothingToRetire !== undefined}
            aria-describedby={nothingToRetire === undefined ? undefined : reasonId}
            onClick={() => {
              setOpenings((n) => n + 1);
              setDialogOpen(true);
            }}
          >
            {t("users.retire.button")}
          </DestructiveButton>
          <DestructiveButton
            icon={<PhoneCheckmark20Regular />}
            disabledFocusable={ticked.length === 0}
            onClick={() => {
              openSelected(ticked.map((device) => device.id));
            }}
          >
            {t("users.retireSelected.button", {
              count: ticked.length,
              devices: ticked.length,
            })}
          </DestructiveButton>
          {nothingToRetire === undefined ? null : (
            <Caption1 id={reasonId} className={styles.muted}>
              {nothingToRetire}
            </Caption1>
          )}
        </div>
      ) : null}
      {latestSelected ? (
        <section className={styles.panel} aria-label={t(`actionKinds.${SELECTED_KIND}`)}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t(`actionKinds.${SELECTED_KIND}`)}
          </Subtitle2>
          {selectedProgress(latestSelected)}
        </section>
      ) : null}
      {latest ? (
        <RetireProgressPanel
          action={latest}
          targets={confirmed?.actionId === latest.id ? confirmed.targets : undefined}
          devices={devices}
          devicesReadAt={readAt}
        />
      ) : null}
      <PageSection title={t("users.devices.title", { count: devices.length })}>
        {devices.length === 0 ? (
          <Body1 as="p" className={styles.text}>
            {t("users.devices.none", { name: user.displayName })}
          </Body1>
        ) : (
          <>
            <ExportCsvButton
              name="user-devices"
              header={DEVICE_CSV_HEADER}
              rows={() =>
                sorting.rows.map((device) => [
                  device.deviceName,
                  device.serialNumber,
                  device.operatingSystem,
                  device.osVersion,
                  device.model,
                  device.complianceState,
                  device.managementState,
                  device.managedDeviceOwnerType,
                  device.lastSyncDateTime,
                  device.id,
                ])
              }
            />
            <DeviceTable
              sorting={sorting}
              label={t("users.devices.tableLabel")}
              selection={mayRetire ? { selected, onChange: setSelected } : undefined}
            />
          </>
        )}
      </PageSection>
      {mayRetire ? (
        <RetireAllDevicesDialog
          key={`retire-${String(openings)}`}
          open={dialogOpen}
          user={user}
          devices={retirable}
          onDismiss={() => {
            setDialogOpen(false);
          }}
          onAccepted={(record, shown) => {
            setAccepted(record);
            setConfirmed({ actionId: record.id, targets: retireTargetsOf(shown) });
            setDialogOpen(false);
          }}
        />
      ) : null}
      {mayRetire ? (
        <RetireSelectedDevicesDialog
          key={`retire-selected-${String(selectedDialog.opening)}`}
          open={selectedDialog.open}
          user={user}
          devices={devices.filter((device) => selectedDialog.deviceIds.includes(device.id))}
          onDismiss={() => {
            setSelectedDialog((current) => ({ ...current, open: false }));
          }}
          onAccepted={(record) => {
            setAcceptedSelected(record);
            setSelected(new Set());
          }}
          result={selectedProgress}
        />
      ) : null}
    </>
  );
}
