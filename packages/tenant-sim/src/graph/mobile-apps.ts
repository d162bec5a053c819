import { Router, type Request, type Response } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type { AppRevokeTarget } from "../store/vpp-state.js";
import {
  isIosVppApp,
  isMacOsVppApp,
  type IosVppAppRecord,
  type MobileAppRecord,
} from "../store/vpp-records.js";
import type { Scenario } from "../faults/scenario.js";
import { effectiveTiming, revokeRealismOf } from "../store/realistic-timing.js";
import {
  always,
  namesIosVppAppCastProperty,
  namesIosVppAppProperty,
  parseCollectionQueryAsIntune,
} from "./ignored-query-options.js";
import { mobileAppWithNewEnumValues } from "./new-enum-values.js";
import { readActionArguments, type ActionParameter } from "./action-parameters.js";
import { sendGraphBody } from "./graph-error.js";
import { graphContext, type GraphVersion } from "./graph-request-context.js";
import { intuneError, requireGuidKey } from "./intune-error.js";
import { mobileAppRoutes as routes } from "./intune-routes.js";
import {
  assignedLicenseType,
  iosVppAppType,
  mobileAppAssignmentType,
  mobileAppType,
  type ODataType,
} from "./odata/odata-model.js";
import {
  collectionBody,
  contextUrl,
  parseCollectionQuery,
  parseEntityQuery,
  type CollectionQuery,
  selectProperties,
} from "./odata/odata-query.js";
import { requirePermission } from "./permissions.js";
import { betaOnly } from "./vpp-tokens.js";
import {
  assignedLicenseEntity,
  mobileAppAssignmentEntity,
  mobileAppEntity,
  mobileAppTypeOf,
} from "./vpp-entities.js";

const notifyManagedDevices: ActionParameter = {
  name: "notifyManagedDevices",
  type: "Edm.Boolean",
  nullable: false,
};

/**
 * Mobile apps (every type, told apart by "@odata.type"), an iOS VPP app's assigned licenses
 * and its revoke actions.
 * https://learn.microsoft.com/graph/api/resources/intune-apps-iosvppapp?view=graph-rest-beta
 */
export function createMobileAppsRouter(ctx: SimulatorContext): Router {
  const router = Router();

  const list = (
    route: string,
    type: ODataType,
    contextPath: string,
    listed: (app: MobileAppRecord) => boolean,
    ignores: (text: string) => boolean,
  ): void => {
    router.get(route, requirePermission("GET", route), (req, res) => {
      const { version, scenario } = graphContext(req);
      const query = parseCollectionQueryAsIntune(req, type, ignores);
      const { vpp } = ctx.store;
      const body = collectionBody(
        {
          req,
          version,
          type,
          contextPath,
          entities: vpp
            .apps()
            .filter((app) => listed(app) && isServed(app, scenario, version))
            .map((app) => presented(app, ctx, scenario, version)),
          pageSize: 100,
        },
        query,
      );
      sendGraphBody(res.status(200), body);
    });
  };
  list(
    routes.list,
    mobileAppType,
    "deviceAppManagement/mobileApps",
    () => true,
    namesIosVppAppCastProperty,
  );
  // Behind the cast the collection's type is iosVppApp: its properties need no cast prefix.
  list(
    routes.listOfIosVppApps,
    iosVppAppType,
    "deviceAppManagement/mobileApps/microsoft.graph.iosVppApp",
    isIosVppApp,
    namesIosVppAppProperty,
  );

  router.get(routes.item, requirePermission("GET", routes.item), (req, res) => {
    const { version } = graphContext(req);
    const { select } = parseEntityQuery(req, mobileAppType, version);
    const app = findApp(ctx, req);
    sendGraphBody(res.status(200), {
      "@odata.context": `${contextUrl(version, "deviceAppManagement/mobileApps", select)}/$entity`,
      ...selectProperties(
        {
          entity: presented(app, ctx, graphContext(req).scenario, version),
          type: mobileAppTypeOf(app),
        },
        select,
      ),
    });
  });

  router.get(
    routes.itemAsIosVppApp,
    requirePermission("GET", routes.itemAsIosVppApp),
    (req, res) => {
      const { version } = graphContext(req);
      const { select } = parseEntityQuery(req, iosVppAppType, version);
      const app = findIosVppAppByCast(ctx, req);
      const context = contextUrl(
        version,
        "deviceAppManagement/mobileApps/microsoft.graph.iosVppApp",
        select,
      );
      sendGraphBody(res.status(200), {
        "@odata.context": `${context}/$entity`,
        ...selectProperties(
          { entity: presented(app, ctx, graphContext(req).scenario, version), type: iosVppAppType },
          select,
        ),
      });
    },
  );

  router.get(
    routes.assignedLicenses,
    betaOnly("assignedLicenses"),
    requirePermission("GET", routes.assignedLicenses),
    (req, res) => {
      const query = parseCollectionQueryAsIntune(req, assignedLicenseType, always);
      const app = findIosVppAppByCast(ctx, req);
      sendPage(req, res, query, {
        type: assignedLicenseType,
        contextPath: `deviceAppManagement/mobileApps('${app.id}')/microsoft.graph.iosVppApp/assignedLicenses`,
        entities: app.licenses.map(assignedLicenseEntity),
      });
    },
  );

  // https://learn.microsoft.com/graph/api/intune-apps-mobileappassignment-list?view=graph-rest-beta
  router.get(routes.assignments, requirePermission("GET", routes.assignments), (req, res) => {
    const { version } = graphContext(req);
    const query = parseCollectionQuery(req, mobileAppAssignmentType, version);
    const app = findApp(ctx, req);
    sendPage(req, res, query, {
      type: mobileAppAssignmentType,
      contextPath: `deviceAppManagement/mobileApps('${app.id}')/assignments`,
      entities: (app.assignments ?? []).map((a) => mobileAppAssignmentEntity(app, a, version)),
    });
  });

  const revoke = (
    route: string,
    operation: string,
    parameters: readonly ActionParameter[],
    target: (args: Record<string, unknown>) => AppRevokeTarget,
  ): void => {
    router.post(route, betaOnly(operation), requirePermission("POST", route), (req, res) => {
      const app = findIosVppAppForAction(ctx, req, operation);
      const args = readActionArguments(req, operation, parameters);
      const chosen = target(args);
      const scenario = ctx.scenario.get();
      const outcome = ctx.store.vpp.startAppRevoke(
        app,
        chosen,
        effectiveTiming(scenario, ctx.timing.get()),
        Date.now(),
        revokeRealismOf(scenario),
      );
      if (!outcome.ok) throw refused(req, app, chosen, outcome.reason);
      res.status(204).end();
    });
  };
  revoke(
    routes.revokeUserLicense,
    "revokeUserLicense",
    [{ name: "userId", type: "Edm.String", nullable: true, required: true }, notifyManagedDevices],
    (args) => ({ kind: "user", userId: typeof args.userId === "string" ? args.userId : "" }),
  );
  revoke(
    routes.revokeDeviceLicense,
    "revokeDeviceLicense",
    [
      { name: "managedDeviceId", type: "Edm.String", nullable: true, required: true },
      notifyManagedDevices,
    ],
    (args) => ({
      kind: "device",
      managedDeviceId: typeof args.managedDeviceId === "string" ? args.managedDeviceId : "",
    }),
  );
  revoke(routes.revokeAllLicenses, "revokeAllLicenses", [notifyManagedDevices], () => ({
    kind: "all",
  }));

  return router;
}

/** A page of a collection in Graph's JSON, 100 entities to a page as Intune serves them. */
function sendPage(
  req: Request,
  res: Response,
  query: CollectionQuery,
  source: { type: ODataType; contextPath: string; entities: Record<string, unknown>[] },
): void {
  const { version } = graphContext(req);
  sendGraphBody(res.status(200), collectionBody({ req, version, pageSize: 100, ...source }, query));
}

/** macOS VPP apps exist only behind their switch, and only on beta. */
function isServed(
  app: MobileAppRecord,
  scenario: Readonly<Scenario>,
  version: GraphVersion,
): boolean {
  return !isMacOsVppApp(app) || (scenario.macOsVppApps && version === "beta");
}

function presented(
  app: MobileAppRecord,
  ctx: SimulatorContext,
  scenario: Readonly<Scenario>,
  version: GraphVersion,
): Record<string, unknown> {
  const entity = mobileAppEntity(app, ctx.store.vpp, version, scenario);
  return scenario.newEnumValues ? mobileAppWithNewEnumValues(entity) : entity;
}

function findApp(ctx: SimulatorContext, req: Request): MobileAppRecord {
  const id = String(req.params.id);
  requireGuidKey(req, id, "mobileApp");
  const app = ctx.store.vpp.findApp(id);
  const { scenario, version } = graphContext(req);
  if (app === undefined || !isServed(app, scenario, version)) {
    throw intuneError(req, 404, "ResourceNotFound", `No mobileApp with id '${id}' exists.`);
  }
  return app;
}

/** Behind the `microsoft.graph.iosVppApp` cast an app of another type is not found (OData). */
function findIosVppAppByCast(ctx: SimulatorContext, req: Request): IosVppAppRecord {
  const app = findApp(ctx, req);
  if (!isIosVppApp(app)) {
    throw intuneError(
      req,
      404,
      "ResourceNotFound",
      `The mobileApp '${app.id}' is a ${app.odataType.slice(1)}, not a microsoft.graph.iosVppApp.`,
    );
  }
  return app;
}

/** An action bound to iosVppApp, called on an app of another type: Intune refuses it. */
function findIosVppAppForAction(
  ctx: SimulatorContext,
  req: Request,
  operation: string,
): IosVppAppRecord {
  const app = findApp(ctx, req);
  if (!isIosVppApp(app)) {
    throw intuneError(
      req,
      400,
      "BadRequest",
      `The action '${operation}' applies to microsoft.graph.iosVppApp only; the mobileApp '${app.id}' is a ${app.odataType.slice(1)}.`,
    );
  }
  return app;
}

function refused(
  req: Request,
  app: IosVppAppRecord,
  target: AppRevokeTarget,
  reason: "inProgress" | "notAssigned",
): Error {
  if (reason === "inProgress") {
    return intuneError(
      req,
      400,
      "BadRequest",
      `A RevokeAllLicenses action is already pending or active for app '${app.id}'. Wait for it to finish before starting another.`,
    );
  }
  const who =
    target.kind === "user"
      ? `user '${target.userId}'`
      : target.kind === "device"
        ? `managed device '${target.managedDeviceId}'`
        : "anyone";
  return intuneError(
    req,
    400,
    "BadRequest",
    `No VPP license of app '${app.id}' is assigned to ${who}, so there is no license to revoke.`,
  );
}
