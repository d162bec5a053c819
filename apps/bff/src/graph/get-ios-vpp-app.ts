import type { IosVppApp } from "@ihc/contracts";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { InputError } from "../errors.js";
import type { GraphGateway } from "./graph-gateway.js";
import { getMobileApp } from "./ios-vpp-apps.js";

/** One iOS VPP app: Graph's 404 for an unknown app; a 400 for an app of another type. */
export const getIosVppApp = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<IosVppApp> => {
  const found = await getMobileApp(graph, user, id);
  if (found.kind === "iosVppApp") return found.app;
  throw new InputError("This app is not an iOS VPP app.", [
    {
      path: "params.id",
      message: `"${found.displayName}" is a ${found.odataType.replace(/^microsoft\.graph\./, "")}, not an iOS VPP app`,
    },
  ]);
};
