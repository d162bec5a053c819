import { Body1, Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import {
  ArrowLeft16Regular,
  ArrowReset20Regular,
  ArrowSync20Regular,
  PhoneLaptop20Regular,
} from "@fluentui/react-icons";
import {
  GraphIdSchema,
  retireEffectOf,
  type ActionRecord,
  type DeviceDetail,
} from "@ihc/contracts";
import { Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { ActionTable } from "../../../components/action-table";
import { DestructiveButton } from "../../../components/destructive-button";
import {
  ComplianceBadge,
  ManagementStateBadge,
  OwnershipBadge,
} from "../../../components/device-state-badges";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { PageSection } from "../../../components/page-section";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { RelativeTime } from "../../../components/relative-time";
import { RetireEffectNote, useEnrollmentWords } from "../../../components/retire-effect-note";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useMe } from "../../../lib/api/get-me";
import { useTargetActions } from "../../../lib/api/get-target-actions";
import { can } from "../../../lib/permissions";
import { actionPath, appPath, routePaths, userPath } from "../../../lib/route-paths";
import { useDevice } from "../api/get-device";
import { RetireDeviceDialog } from "./retire-device-dialog";
import { SyncDeviceDialog } from "./sync-device-dialog";
import { WipeDeviceDialog } from "./wipe-device-dialog";

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
    maxWidth: "760px",
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: "anywhere" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  text: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** /devices/:id — one managed device: what Intune knows, its licenses, its actions. */
export function DevicePage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = "" } = useParams();
  const valid = GraphIdSchema.safeParse(id).success;
  return (
    <PageLayout>
      <Link to={routePaths.users} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {t("devices.back")}
      </Link>
      {valid ? (
        <RegionErrorBoundary>
          <Suspense fallback={<Spinner label={t("devices.loading")} />}>
            <DeviceView id={id} />
          </Suspense>
        </RegionErrorBoundary>
      ) : (
        <>
          <PageHeader title={t("devices.notFoundTitle")} />
          <Body1 as="p" className={styles.text}>
            {t("devices.notFoundBody")}
          </Body1>
        </>
      )}
    </PageLayout>
  );
}

type Dialog = "retire" | "sync" | "wipe";

function DeviceView({ id }: { id: string }) {
  const device = useDevice(id);
  return device === null ? <DeviceGone id={id} /> : <ManagedDeviceView device={device} />;
}

/**
 * Graph answers 404: the device has left Intune (a retire or wipe completed). Whose it was and
 * the action that removed it come from the journal (the record names the device's user).
 */
function DeviceGone({ id }: { id: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <PageHeader title={t("devices.gone.title")} />
      <Body1 as="p" className={styles.text}>
        {t("devices.gone.body")}
      </Body1>
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner size="small" label={t("devices.history.loading")} />}>
          <DeviceGoneFacts id={id} />
        </Suspense>
      </RegionErrorBoundary>
    </>
  );
}

const REMOVING_KINDS: ReadonlySet<string> = new Set([
  "device.retire",
  "device.wipe",
] satisfies ActionRecord["kind"][]);

function DeviceGoneFacts({ id }: { id: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useTargetActions({ type: "device", id });
  // Newest first: the retire or wipe that took it out, and whose device it was.
  const removal = items.find((action) => REMOVING_KINDS.has(action.kind));
  const owner = items
    .flatMap((action) => action.subjects ?? [])
    .find((subject) => subject.type === "user");
  return (
    <>
      {removal !== undefined || owner !== undefined ? (
        <dl className={styles.facts} aria-label={t("devices.factsLabel")}>
          {removal === undefined ? null : (
            <Fact
              label={t("devices.gone.removedBy")}
              value={
                <Link to={actionPath(removal.id)}>
                  {t("devices.gone.removal", {
                    action: t(`actionKinds.${removal.kind}`),
                    name: removal.target.displayName,
                    actor: removal.actor.displayName,
                  })}
                </Link>
              }
            />
          )}
          {owner === undefined ? null : (
            <Fact
              label={t("devices.facts.user")}
              value={
                <Link to={userPath(owner.id)}>
                  {owner.displayName ?? owner.userPrincipalName ?? owner.id}
                </Link>
              }
            />
          )}
        </dl>
      ) : null}
      <PageSection title={t("devices.history.title")}>
        {items.length === 0 ? (
          <Body1 as="p" className={styles.text}>
            {t("devices.history.none")}
          </Body1>
        ) : (
          <ActionTable actions={items} label={t("devices.history.label")} showTarget={false} />
        )}
      </PageSection>
    </>
  );
}

function ManagedDeviceView({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const enrollment = useEnrollmentWords();
  const [dialog, setDialog] = useState<Dialog | undefined>(undefined);
  const [openings, setOpenings] = useState(0);
  const [lastAccepted, setLastAccepted] = useState<ActionRecord | undefined>(undefined);
  const open = (which: Dialog) => {
    setOpenings((n) => n + 1);
    setDialog(which);
  };
  const accepted = (record: ActionRecord) => {
    setLastAccepted(record);
    setDialog(undefined);
  };
  const mayRetire = can(me, "devices:retire");
  const mayWipe = can(me, "devices:wipe");
  const leaving = device.managementState !== "managed";
  const refused = retireEffectOf(device) === "refused";
  // Sync is offered after a retire, or after a license of this device was revoked (the user
  // page links here with `offerSync`), so the device checks in and picks it up sooner.
  const location = useLocation() as { state?: { offerSync?: unknown } | null };
  const afterRevoke = lastAccepted === undefined && location.state?.offerSync === true;
  const offerSync = lastAccepted?.kind === "device.retire" || afterRevoke;
  const os = [device.operatingSystem, device.osVersion].filter(Boolean).join(" ");
  const hardware = [device.manufacturer, device.model].filter(Boolean).join(" ");

  return (
    <>
      <PageHeader
        title={device.deviceName}
        description={[os, hardware].filter(Boolean).join(" · ")}
      />
      {mayRetire || mayWipe ? (
        <div className={styles.toolbar}>
          {mayRetire ? (
            <Button
              appearance={offerSync ? "primary" : "secondary"}
              icon={<ArrowSync20Regular />}
              onClick={() => {
                open("sync");
              }}
            >
              {t("devices.actions.sync")}
            </Button>
          ) : null}
          {mayRetire ? (
            <DestructiveButton
              icon={<PhoneLaptop20Regular />}
              disabledFocusable={leaving}
              onClick={() => {
                open("retire");
              }}
            >
              {refused ? t("devices.actions.retireWhyNot") : t("devices.actions.retire")}
            </DestructiveButton>
          ) : null}
          {mayWipe ? (
            <DestructiveButton
              icon={<ArrowReset20Regular />}
              disabledFocusable={leaving}
              onClick={() => {
                open("wipe");
              }}
            >
              {t("devices.actions.wipe")}
            </DestructiveButton>
          ) : null}
        </div>
      ) : null}
      {offerSync ? (
        <Body1 as="p" className={styles.text}>
          {afterRevoke ? t("devices.syncOfferRevoke") : t("devices.syncOffer")}
        </Body1>
      ) : null}
      <dl className={styles.facts} aria-label={t("devices.factsLabel")}>
        <Fact label={t("devices.facts.os")} value={os || undefined} />
        <Fact label={t("devices.facts.model")} value={hardware || undefined} />
        <Fact
          label={t("devices.facts.serial")}
          value={
            device.serialNumber === undefined ? undefined : (
              <span className={styles.mono}>{device.serialNumber}</span>
            )
          }
        />
        <Fact label={t("devices.facts.ownership")} value={<OwnershipBadge device={device} />} />
        <Fact label={t("devices.facts.enrollment")} value={enrollment(device)} />
        <Fact label={t("devices.facts.retire")} value={<RetireEffectNote device={device} />} />
        <Fact label={t("devices.facts.compliance")} value={<ComplianceBadge device={device} />} />
        <Fact
          label={t("devices.facts.lastSync")}
          value={
            device.lastSyncDateTime === undefined ? undefined : (
              <RelativeTime value={device.lastSyncDateTime} />
            )
          }
        />
        <Fact
          label={t("devices.facts.management")}
          value={<ManagementStateBadge state={device.managementState} />}
        />
        <Fact
          label={t("devices.facts.user")}
          value={
            device.userId === undefined ? undefined : (
              <Link to={userPath(device.userId)}>
                {device.userDisplayName ?? device.userPrincipalName ?? device.userId}
              </Link>
            )
          }
        />
      </dl>
      <PageSection title={t("devices.licenses.title", { count: device.vppLicenses.length })}>
        {device.vppLicenses.length === 0 ? (
          <Body1 as="p" className={styles.text}>
            {t("devices.licenses.none")}
          </Body1>
        ) : (
          <ul className={styles.list} aria-label={t("devices.licenses.label")}>
            {device.vppLicenses.map((license) => (
              <li key={license.appId}>
                <Link to={appPath(license.appId)}>{license.appDisplayName}</Link>
              </li>
            ))}
          </ul>
        )}
      </PageSection>
      <PageSection title={t("devices.history.title")}>
        <RegionErrorBoundary fallback={SectionErrorFallback}>
          <Suspense fallback={<Spinner size="small" label={t("devices.history.loading")} />}>
            <DeviceActions device={device} />
          </Suspense>
        </RegionErrorBoundary>
      </PageSection>
      <DeviceDialogs
        key={`dialog-${String(openings)}`}
        dialog={dialog}
        device={device}
        mayWipe={mayWipe}
        onDismiss={() => {
          setDialog(undefined);
        }}
        onAccepted={accepted}
      />
    </>
  );
}

function DeviceDialogs({
  dialog,
  device,
  mayWipe,
  onDismiss,
  onAccepted,
}: {
  dialog: Dialog | undefined;
  device: DeviceDetail;
  mayWipe: boolean;
  onDismiss: () => void;
  onAccepted: (record: ActionRecord) => void;
}) {
  const props = { device, onDismiss, onAccepted };
  return (
    <>
      <SyncDeviceDialog open={dialog === "sync"} {...props} />
      <RetireDeviceDialog open={dialog === "retire"} mayWipe={mayWipe} {...props} />
      {mayWipe ? <WipeDeviceDialog open={dialog === "wipe"} {...props} /> : null}
    </>
  );
}

/** The journal's records about this device, newest first, live. */
function DeviceActions({ device }: { device: DeviceDetail }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useTargetActions({ type: "device", id: device.id });
  if (items.length === 0) {
    return (
      <Body1 as="p" className={styles.text}>
        {t("devices.history.none")}
      </Body1>
    );
  }
  return <ActionTable actions={items} label={t("devices.history.label")} showTarget={false} />;
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.value}>{value ?? t("common.notSet")}</dd>
    </>
  );
}
