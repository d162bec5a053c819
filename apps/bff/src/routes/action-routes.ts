import {
  actionKindContracts,
  ActionRecordSchema,
  type ActionKind,
  type ActionKindRoute,
} from "@ihc/contracts";
import { Router, type RequestHandler } from "express";
import type { ActionDefinition, ActionDeps, ActionInput } from "../actions/action-definition.js";
import { toActionRecord } from "../actions/action-journal.js";
import { actionDefinitions } from "../actions/action-registry.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import { ConflictError } from "../errors.js";
import { idempotencyKeyOf, parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

/** The contracts' paths are absolute; this router is mounted below `/api`. */
const API_PREFIX = "/api";

const mount = <K extends ActionKind>(
  router: Router,
  definition: ActionDefinition<K>,
  deps: ActionDeps,
): void => {
  const route: ActionKindRoute = actionKindContracts[definition.kind].route;
  if (!route.path.startsWith(`${API_PREFIX}/`)) {
    throw new Error(`The route of ${definition.kind} is not below ${API_PREFIX}: ${route.path}`);
  }
  const handler: RequestHandler = async (req, res) => {
    definition.checkParams?.(req.params);
    const params: unknown = parseRequest(route.params, req, "params");
    const idempotencyKey = route.idempotencyKey === "required" ? idempotencyKeyOf(req) : undefined;
    const body: unknown =
      route.body === undefined ? undefined : parseRequest(route.body, req, "body");
    // Parsed by this kind's own contract schemas just above, so the input is the kind's; TS
    // cannot follow a schema picked from the table by a generic kind.
    const input = { params, body, idempotencyKey, user: userOf(req) } as ActionInput<K>;
    const answer = await definition.handle(input, deps).catch((error: unknown) => {
      // A double click races itself: the first request may journal its action and send it
      // before the second has checked the target, which then looks busy with the first's own
      // action (409). Asked once more, the second finds that record under its key and answers
      // it as a replay (or 422 if it asked for something else); any other conflict stands.
      // Nothing is sent twice: a conflict is raised before anything is journaled or sent.
      if (!(error instanceof ConflictError) || idempotencyKey === undefined) throw error;
      return definition.handle(input, deps);
    });
    if ("record" in answer) {
      sendJson(res, ActionRecordSchema, toActionRecord(answer.record), 202);
      return;
    }
    // An audited read hands out a secret: never kept by a browser or a proxy.
    res.setHeader("Cache-Control", "no-store");
    sendJson(res, answer.audited.schema, answer.audited.value);
  };
  const path = route.path.slice(API_PREFIX.length);
  const guards = definition.permissions.map((permission) => requirePermission(permission));
  if (route.method === "GET") router.get(path, ...guards, handler);
  else router.post(path, ...guards, handler);
};

/**
 * Every action kind's route, mounted from its contract's route table (method, path, params,
 * body, `Idempotency-Key`) and its definition (permissions, handler): no action path is written
 * by hand, and a kind without a definition is a type error in the registry (ADR 0017).
 */
export const actionRoutes = (deps: ActionDeps): Router => {
  const router = Router();
  // Generic in K, so each kind's definition keeps its own input type.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const mountKind = <K extends ActionKind>(kind: K) => {
    mount(router, actionDefinitions[kind], deps);
  };
  for (const kind of Object.keys(actionDefinitions) as ActionKind[]) mountKind(kind);
  return router;
};
