import { graphDateTime } from "../store/graph-date-time.js";
import type { VppState } from "../store/vpp-state.js";
import {
  isIosVppApp,
  type AppAssignmentRecord,
  type AssignedLicenseRecord,
  type IosVppAppRecord,
  type MobileAppRecord,
  type VppTokenRecord,
} from "../store/vpp-records.js";
import type { GraphVersion } from "./graph-request-context.js";
import { defaultScenario, type Scenario } from "../faults/scenario.js";
import {
  iosVppAppType,
  mobileAppAssignmentType,
  mobileAppType,
  otherAppTypes,
  propertiesOf,
  vppTokenType,
  type ODataType,
} from "./odata/odata-model.js";

/** Keeps "@odata.type" and the properties the type has in this version, in the object's order. */
function project(
  entity: Record<string, unknown>,
  type: ODataType,
  version: GraphVersion,
): Record<string, unknown> {
  const allowed = new Set(propertiesOf(type, version));
  return Object.fromEntries(
    Object.entries(entity).filter(([key]) => key === "@odata.type" || allowed.has(key)),
  );
}

/** A vppToken in Graph's JSON, `token` included: Graph returns the secret to whoever may read. */
export function vppTokenEntity(
  token: VppTokenRecord,
  version: GraphVersion,
): Record<string, unknown> {
  return project(
    {
      "@odata.type": "#microsoft.graph.vppToken",
      id: token.id,
      organizationName: token.organizationName,
      vppTokenAccountType: token.vppTokenAccountType,
      appleId: token.appleId,
      expirationDateTime: token.expirationDateTime,
      lastSyncDateTime: token.lastSyncDateTime,
      token: token.token,
      lastModifiedDateTime: token.lastModifiedDateTime,
      state: token.state,
      tokenActionResults: token.tokenActionResults.map((r) => ({ ...r })),
      lastSyncStatus: token.lastSyncStatus,
      automaticallyUpdateApps: token.automaticallyUpdateApps,
      countryOrRegion: token.countryOrRegion,
      dataSharingConsentGranted: token.dataSharingConsentGranted,
      displayName: token.displayName,
      locationName: token.locationName,
      claimTokenManagementFromExternalMdm: token.claimTokenManagementFromExternalMdm,
      roleScopeTagIds: [...token.roleScopeTagIds],
      appleDeviceAppDeliveryProtocolType: token.appleDeviceAppDeliveryProtocolType,
    },
    vppTokenType,
    version,
  );
}

export function mobileAppTypeOf(app: MobileAppRecord): ODataType {
  const name = app.odataType.replace(/^#/, "");
  if (name === iosVppAppType.name) return iosVppAppType;
  return otherAppTypes.find((t) => t.name === name) ?? mobileAppType;
}

/**
 * A mobileApp in Graph's JSON with its "@odata.type". For an iosVppApp the properties Graph
 * derives are computed here: usedLicenseCount from the assigned licenses, and the vppToken*
 * copies from the token it belongs to.
 */
export function mobileAppEntity(
  app: MobileAppRecord,
  vpp: VppState,
  version: GraphVersion,
  scenario: Readonly<Scenario> = defaultScenario,
  now = Date.now(),
): Record<string, unknown> {
  const base = {
    "@odata.type": app.odataType,
    id: app.id,
    displayName: app.displayName,
    description: app.description,
    publisher: app.publisher,
    largeIcon: null,
    createdDateTime: app.createdDateTime,
    lastModifiedDateTime: app.lastModifiedDateTime,
    isFeatured: app.isFeatured,
    privacyInformationUrl: app.privacyInformationUrl,
    informationUrl: app.informationUrl,
    owner: app.owner,
    developer: app.developer,
    notes: app.notes,
    uploadState: 1,
    publishingState: app.publishingState,
    isAssigned: app.isAssigned,
    roleScopeTagIds: [...app.roleScopeTagIds],
    dependentAppCount: 0,
    supersedingAppCount: 0,
    supersededAppCount: 0,
  };
  if (!isIosVppApp(app)) {
    return project(
      { ...base, ...structuredClone(app.typeProperties) },
      mobileAppTypeOf(app),
      version,
    );
  }
  const token = vpp.tokenOf(app);
  const licensingType =
    version === "beta"
      ? {
          supportUserLicensing: app.supportsUserLicensing,
          supportDeviceLicensing: app.supportsDeviceLicensing,
          supportsUserLicensing: app.supportsUserLicensing,
          supportsDeviceLicensing: app.supportsDeviceLicensing,
        }
      : {
          supportsUserLicensing: app.supportsUserLicensing,
          supportsDeviceLicensing: app.supportsDeviceLicensing,
        };
  return project(
    {
      ...base,
      usedLicenseCount: usedLicenseCount(app, scenario, now),
      totalLicenseCount: app.totalLicenseCount,
      releaseDateTime:
        app.releaseDateTime === null ? null : graphDateTime(Date.parse(app.releaseDateTime)),
      appStoreUrl: app.appStoreUrl,
      licensingType,
      applicableDeviceType: { iPad: app.iPad, iPhoneAndIPod: app.iPhoneAndIPod },
      vppTokenOrganizationName: token?.organizationName ?? null,
      vppTokenAccountType: token?.vppTokenAccountType ?? "business",
      vppTokenAppleId: token?.appleId ?? null,
      bundleId: app.bundleId,
      vppTokenId: app.vppTokenId,
      vppTokenDisplayName: token?.displayName ?? null,
      revokeLicenseActionResults: app.revokeLicenseActionResults.map((r) => ({ ...r })),
      appleDeviceAppDeliveryProtocolType: "mobileDeviceManagement",
    },
    iosVppAppType,
    version,
  );
}

/**
 * What Intune reports as used: the licenses it lists, plus (real timings) those revoked so
 * recently that the count has not caught up, plus (`usedLicenseCountDrift`) licenses Apple
 * counts that Intune does not list — a few per app, fixed by its id.
 */
function usedLicenseCount(app: IosVppAppRecord, scenario: Readonly<Scenario>, now: number): number {
  const late = (app.countedUntil ?? []).filter((until) => until > now).length;
  const drift = scenario.usedLicenseCountDrift ? (parseInt(app.id.slice(-2), 16) % 3) + 1 : 0;
  return app.licenses.length + late + drift;
}

/** An iosVppAppAssignedLicense, typed as the user or device license it is (beta only). */
export function assignedLicenseEntity(license: AssignedLicenseRecord): Record<string, unknown> {
  const user = {
    id: license.id,
    userEmailAddress: license.userEmailAddress,
    userId: license.userId,
    userName: license.userName,
    userPrincipalName: license.userPrincipalName,
  };
  return license.kind === "user"
    ? { "@odata.type": "#microsoft.graph.iosVppAppAssignedUserLicense", ...user }
    : {
        "@odata.type": "#microsoft.graph.iosVppAppAssignedDeviceLicense",
        ...user,
        managedDeviceId: license.managedDeviceId,
        deviceName: license.deviceName,
      };
}

/** A mobileAppAssignment to a group, with iOS VPP settings on an iOS VPP app. */
export function mobileAppAssignmentEntity(
  app: MobileAppRecord,
  assignment: AppAssignmentRecord,
  version: GraphVersion,
): Record<string, unknown> {
  return project(
    {
      "@odata.type": "#microsoft.graph.mobileAppAssignment",
      id: assignment.id,
      intent: assignment.intent,
      target: {
        "@odata.type": "#microsoft.graph.groupAssignmentTarget",
        deviceAndAppManagementAssignmentFilterId: null,
        deviceAndAppManagementAssignmentFilterType: "none",
        groupId: assignment.groupId,
      },
      settings: isIosVppApp(app)
        ? {
            "@odata.type": "#microsoft.graph.iosVppAppAssignmentSettings",
            useDeviceLicensing: assignment.useDeviceLicensing,
            vpnConfigurationId: null,
            uninstallOnDeviceRemoval: false,
            isRemovable: true,
            preventManagedAppBackup: false,
            preventAutoAppUpdate: false,
          }
        : null,
      source: "direct",
      sourceId: null,
    },
    mobileAppAssignmentType,
    version,
  );
}
