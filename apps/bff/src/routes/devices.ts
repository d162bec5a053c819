import { DeviceDetailSchema, DeviceParamsSchema } from "@ihc/contracts";
import { Router } from "express";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { getManagedDevice } from "../graph/managed-devices.js";
import { listUserVppLicenses } from "../graph/user-vpp-licenses.js";
import { parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

/**
 * One managed device (issue #14): the device (beta: its enrollment type), its primary user,
 * and the VPP device licenses it holds, read through that user (ADR 0012's per-user read, kept
 * to this device). A userless device holds no license we can find this way: an empty list.
 * Its actions are kinds (actions/kinds/device-*.ts), mounted by the action routes.
 */
export const devicesRouter = (graph: GraphGateway): Router =>
  Router().get("/devices/:id", requirePermission("console:read"), async (req, res) => {
    const { id } = parseRequest(DeviceParamsSchema, req, "params");
    const user = userOf(req);
    const device = await getManagedDevice(graph, user, id);
    const licenses =
      device.userId === undefined
        ? []
        : (await listUserVppLicenses(graph, user, device.userId)).items.filter(
            (license) => license.managedDeviceId?.toLowerCase() === device.id.toLowerCase(),
          );
    sendJson(res, DeviceDetailSchema, { ...device, vppLicenses: licenses });
  });
