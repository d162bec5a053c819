import { Router, type Request } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type { ManagedDeviceRecord } from "../store/managed-device-record.js";
import { readActionArguments, type ActionParameter } from "./action-parameters.js";
import { sendGraphBody } from "./graph-error.js";
import { graphContext, type GraphVersion } from "./graph-request-context.js";
import { intuneError, requireGuidKey } from "./intune-error.js";
import { managedDeviceRoutes as routes } from "./intune-routes.js";
import {
  managedDeviceEntity,
  managedDeviceType,
  managedDeviceView,
  recordOfView,
} from "./managed-device-entity.js";
import {
  collectionBody,
  contextUrl,
  parseCollectionQuery,
  parseEntityQuery,
  selectProperties,
} from "./odata/odata-query.js";
import { requirePermission } from "./permissions.js";
import { findUserOrThrow } from "./users.js";
import { wipeParameters } from "./wipe-parameters.js";
import { actionNamesOf } from "../store/action-names.js";
import { effectiveTiming, realDelayMs, syncCheckInSeconds } from "../store/realistic-timing.js";
import { managedDeviceWithNewEnumValues } from "./new-enum-values.js";
import type { Scenario } from "../faults/scenario.js";

const noParameters = (): readonly ActionParameter[] => [];

/** Enrollment types Intune does not retire (a device-owner mode): only a wipe removes them. */
const retireRefused: ReadonlySet<string> = new Set([
  "androidEnterpriseFullyManaged",
  "androidEnterpriseDedicatedDevice",
]);

/**
 * Intune managed devices (v1.0 and beta): the tenant's list, one user's, one device, a device's
 * retire, wipe and syncDevice, and removeAllDevicesFromManagement, which sends every device of
 * the user through `retirePending` and out of Intune after the `retireSeconds` timing.
 * https://learn.microsoft.com/graph/api/resources/intune-devices-manageddevice
 */
export function createManagedDevicesRouter(ctx: SimulatorContext): Router {
  const router = Router();

  router.get(routes.list, requirePermission("GET", routes.list), (req, res) => {
    const devices = ctx.store.managedDevices.list();
    sendGraphBody(
      res.status(200),
      deviceCollection(req, devices, "deviceManagement/managedDevices", ctx.scenario.get()),
    );
  });

  router.get(routes.item, requirePermission("GET", routes.item), (req, res) => {
    const device = findDevice(ctx, req, undefined);
    sendGraphBody(
      res.status(200),
      deviceBody(req, device, "deviceManagement/managedDevices", ctx.scenario.get()),
    );
  });

  router.get(routes.ofUser, requirePermission("GET", routes.ofUser), (req, res) => {
    const user = findUserOrThrow(ctx, String(req.params.userId));
    const devices = ctx.store.managedDevices.ofUser(user.id);
    sendGraphBody(
      res.status(200),
      deviceCollection(req, devices, `users('${user.id}')/managedDevices`, ctx.scenario.get()),
    );
  });

  router.get(routes.itemOfUser, requirePermission("GET", routes.itemOfUser), (req, res) => {
    const user = findUserOrThrow(ctx, String(req.params.userId));
    const device = findDevice(ctx, req, user.id);
    sendGraphBody(
      res.status(200),
      deviceBody(req, device, `users('${user.id}')/managedDevices`, ctx.scenario.get()),
    );
  });

  const deviceAction = (
    route: string,
    operation: string,
    parameters: (version: GraphVersion) => readonly ActionParameter[],
    act: (device: ManagedDeviceRecord, req: Request) => void,
  ): void => {
    router.post(route, requirePermission("POST", route), (req, res) => {
      const device = findDevice(ctx, req, undefined);
      readActionArguments(req, operation, parameters(graphContext(req).version));
      act(device, req);
      res.status(204).end();
    });
  };
  // A device already being retired or wiped keeps its schedule: a 204 that changes nothing.
  // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-retire
  const timing = () => effectiveTiming(ctx.scenario.get(), ctx.timing.get());
  const names = () => actionNamesOf(ctx.scenario.get());
  deviceAction(routes.retire, "retire", noParameters, (device, req) => {
    if (retireRefused.has(device.enrollmentType)) {
      // Intune offers no retire for device-owner modes: leaving management is a factory reset,
      // done with wipe. The wording is ours (README).
      throw intuneError(
        req,
        400,
        "BadRequest",
        "Retire is not supported for Android Enterprise fully managed or dedicated devices. " +
          "Use wipe to remove the device from management.",
      );
    }
    const { retireSeconds } = timing();
    ctx.store.managedDevices.remove([device], "retire", retireSeconds, Date.now(), names().retire);
  });
  // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-wipe
  deviceAction(routes.wipe, "wipe", wipeParameters, (device) => {
    ctx.store.managedDevices.remove(
      [device],
      "wipe",
      timing().wipeSeconds,
      Date.now(),
      names().wipe,
    );
  });
  // https://learn.microsoft.com/graph/api/intune-devices-manageddevice-syncdevice
  // With real timings the push reaches the device later: it checks in (and completes a retire
  // or wipe waiting for it) when it does.
  deviceAction(routes.syncDevice, "syncDevice", noParameters, (device) => {
    const scenario = ctx.scenario.get();
    if (!scenario.realTimings) {
      ctx.store.managedDevices.sync(device);
      return;
    }
    const now = Date.now();
    ctx.store.managedDevices.checkIn(
      device.id,
      now,
      now + realDelayMs(scenario, syncCheckInSeconds),
    );
  });

  router.post(
    routes.removeAllDevicesFromManagement,
    requirePermission("POST", routes.removeAllDevicesFromManagement),
    (req, res) => {
      const user = findUserOrThrow(ctx, String(req.params.userId));
      readActionArguments(req, "removeAllDevicesFromManagement", noParameters());
      // A user without devices (or whose devices are all being retired already) is a 204 that
      // changes nothing: our choice, see README.
      // Fully managed and dedicated Android devices cannot be retired: they stay managed.
      const devices = ctx.store.managedDevices
        .ofUser(user.id)
        .filter((device) => !retireRefused.has(device.enrollmentType));
      ctx.store.managedDevices.remove(
        devices,
        "retire",
        timing().retireSeconds,
        Date.now(),
        names().retire,
      );
      res.status(204).end();
    },
  );

  return router;
}

function deviceCollection(
  req: Request,
  devices: readonly ManagedDeviceRecord[],
  contextPath: string,
  scenario: Readonly<Scenario>,
): Record<string, unknown> {
  const { version } = graphContext(req);
  const query = parseCollectionQuery(req, managedDeviceType, version);
  return collectionBody(
    {
      req,
      version,
      type: managedDeviceType,
      contextPath,
      entities: devices.map((d) => managedDeviceView(d, version)),
      pageSize: 100,
      present: (view) => presented(managedDeviceEntity(recordOfView(view), version), scenario),
    },
    query,
  );
}

function deviceBody(
  req: Request,
  device: ManagedDeviceRecord,
  contextPath: string,
  scenario: Readonly<Scenario>,
): Record<string, unknown> {
  const version: GraphVersion = graphContext(req).version;
  const { select } = parseEntityQuery(req, managedDeviceType, version);
  return {
    "@odata.context": `${contextUrl(version, contextPath, select)}/$entity`,
    ...selectProperties(
      {
        entity: presented(managedDeviceEntity(device, version), scenario),
        type: managedDeviceType,
      },
      select,
    ),
  };
}

function presented(
  entity: Record<string, unknown>,
  scenario: Readonly<Scenario>,
): Record<string, unknown> {
  return scenario.newEnumValues ? managedDeviceWithNewEnumValues(entity) : entity;
}

/** A device by its GUID key; of `userId` when given (another user's device is not found). */
function findDevice(
  ctx: SimulatorContext,
  req: Request,
  userId: string | undefined,
): ManagedDeviceRecord {
  const id = String(req.params.id);
  requireGuidKey(req, id, "managedDevice");
  const device = ctx.store.managedDevices.find(id);
  if (device === undefined || (userId !== undefined && device.user?.id !== userId)) {
    throw intuneError(req, 404, "ResourceNotFound", `No managedDevice with id '${id}' exists.`);
  }
  return device;
}
