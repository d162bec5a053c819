import {
  ActionRecordSchema,
  CreateEnrollmentTokenRequestSchema,
  EnrollmentProfileListSchema,
  EnrollmentProfileParamsSchema,
  isEnrollmentProfileKind,
  ReplaceEnrollmentTokenRequestSchema,
  RevealedTokenSchema,
  RevokeEnrollmentTokenRequestSchema,
  type ActionTarget,
  type EnrollmentProfile,
  type EnrollmentProfileParams,
} from "@ihc/contracts";
import { Router, type Request, type Response } from "express";
import { toActionRecord, type StoredAction } from "../actions/action-journal.js";
import type { GraphCallSpec } from "../actions/action-pipeline.js";
import type { ActionServices } from "../actions/action-services.js";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import {
  enrollmentProfilePath,
  getEnrollmentProfile,
  getEnrollmentToken,
  listEnrollmentProfiles,
} from "../graph/enrollment-profiles.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { ConflictError, InputError, NotFoundError } from "../http/errors.js";
import { idempotencyKeyOf, parseRequest } from "../http/parse-request.js";
import { sendJson } from "../http/send-json.js";

const daySeconds = 86_400;

/** An unknown kind is a resource we do not have (404), checked before the id is parsed. */
const profileParams = (req: Request): EnrollmentProfileParams => {
  if (!isEnrollmentProfileKind(req.params.kind)) {
    throw new NotFoundError("No such kind of enrollment profile.");
  }
  return parseRequest(EnrollmentProfileParamsSchema, req, "params");
};

const targetOf = (profile: Pick<EnrollmentProfile, "id" | "displayName">): ActionTarget => ({
  type: "enrollmentProfile",
  id: profile.id,
  displayName: profile.displayName,
});

const requireConfirmation = (profile: EnrollmentProfile, confirmDisplayName: string): void => {
  if (confirmDisplayName.trim() !== profile.displayName.trim()) {
    throw new InputError("Type the profile's name exactly to confirm.", [
      { path: "body.confirmDisplayName", message: "does not match the profile's name" },
    ]);
  }
};

// https://learn.microsoft.com/graph/api/intune-androidforwork-androidforworkenrollmentprofile-revoketoken?view=graph-rest-beta
const revokeCall = ({ kind, id }: EnrollmentProfileParams): GraphCallSpec => ({
  version: "beta",
  path: `${enrollmentProfilePath(kind, id)}/revokeToken`,
});

// https://learn.microsoft.com/graph/api/intune-androidforwork-androidforworkenrollmentprofile-createtoken?view=graph-rest-beta
const createCall = (
  { kind, id }: EnrollmentProfileParams,
  validityDays: number,
): GraphCallSpec => ({
  version: "beta",
  path: `${enrollmentProfilePath(kind, id)}/createToken`,
  body: { tokenValidityInSeconds: validityDays * daySeconds },
});

const sendRecord = (res: Response, record: StoredAction): void => {
  sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
};

/**
 * Reads the profile to check the action's preconditions, unless this key already made a record:
 * a replay answers with it even though the action has since changed what was checked.
 */
const preconditions = async (
  graph: GraphGateway,
  actions: ActionServices,
  user: AuthenticatedUser,
  key: string,
  params: EnrollmentProfileParams,
  check: (profile: EnrollmentProfile) => void,
): Promise<{ target: ActionTarget; profile: EnrollmentProfile | undefined }> => {
  const replay = await actions.pipeline.replayOf(user, key);
  if (replay !== undefined) return { target: replay.target, profile: undefined };
  const profile = await getEnrollmentProfile(graph, user, params.kind, params.id);
  check(profile);
  return { target: targetOf(profile), profile };
};

/**
 * Android Enterprise enrollment profiles: the list (no token values), the audited reveal, and
 * revoke / create / replace token (DESIGN §1 S2) through the action pipeline.
 */
export const enrollmentProfilesRouter = (graph: GraphGateway, actions: ActionServices): Router =>
  Router()
    .get("/enrollment-profiles", requirePermission("console:read"), async (req, res) => {
      sendJson(res, EnrollmentProfileListSchema, {
        items: await listEnrollmentProfiles(graph, userOf(req)),
      });
    })
    .get(
      "/enrollment-profiles/:kind/:id/token",
      requirePermission("enrollment:reveal-token"),
      async (req, res) => {
        const params = profileParams(req);
        const user = userOf(req);
        const { displayName, token, response } = await getEnrollmentToken(
          graph,
          user,
          params.kind,
          params.id,
        );
        if (token === undefined) {
          throw new ConflictError("This profile has no enrollment token to show.");
        }
        // Journaled (durably) before the value is sent: every reveal is on the record.
        await actions.pipeline.recordRead({
          kind: "enrollment-profile.reveal-token",
          user,
          target: targetOf({ id: params.id, displayName }),
          parameters: { profileKind: params.kind },
          graph: {
            clientRequestId: response.clientRequestId,
            status: response.status,
            ...(response.requestId === undefined ? {} : { requestId: response.requestId }),
          },
        });
        res.setHeader("Cache-Control", "no-store");
        sendJson(res, RevealedTokenSchema, token);
      },
    )
    .post(
      "/enrollment-profiles/:kind/:id/revoke-token",
      requirePermission("enrollment:revoke"),
      async (req, res) => {
        const params = profileParams(req);
        const idempotencyKey = idempotencyKeyOf(req);
        const body = parseRequest(RevokeEnrollmentTokenRequestSchema, req, "body");
        const user = userOf(req);
        const { target } = await preconditions(
          graph,
          actions,
          user,
          idempotencyKey,
          params,
          (p) => {
            requireConfirmation(p, body.confirmDisplayName);
            if (p.tokenStatus === "none") {
              throw new ConflictError("This profile has no enrollment token to revoke.");
            }
          },
        );
        const { record } = await actions.pipeline.run({
          kind: "enrollment-profile.revoke-token",
          idempotencyKey,
          user,
          target,
          parameters: { profileKind: params.kind },
          reason: body.reason,
          graph: revokeCall(params),
        });
        sendRecord(res, record);
      },
    )
    .post(
      "/enrollment-profiles/:kind/:id/create-token",
      requirePermission("enrollment:create"),
      async (req, res) => {
        const params = profileParams(req);
        const idempotencyKey = idempotencyKeyOf(req);
        const body = parseRequest(CreateEnrollmentTokenRequestSchema, req, "body");
        const user = userOf(req);
        const { target } = await preconditions(
          graph,
          actions,
          user,
          idempotencyKey,
          params,
          (p) => {
            // Graph's createToken silently replaces a live token; that takes "Replace token…",
            // which asks for the profile's name.
            if (p.tokenStatus === "active" || p.tokenStatus === "expiring") {
              throw new ConflictError(
                "This profile already has a valid enrollment token. Use Replace token to swap it.",
              );
            }
          },
        );
        const { record } = await actions.pipeline.run({
          kind: "enrollment-profile.create-token",
          idempotencyKey,
          user,
          target,
          parameters: { profileKind: params.kind, validityDays: body.validityDays },
          reason: body.reason,
          graph: createCall(params, body.validityDays),
        });
        sendRecord(res, record);
      },
    )
    .post(
      "/enrollment-profiles/:kind/:id/replace-token",
      requirePermission("enrollment:revoke"),
      requirePermission("enrollment:create"),
      async (req, res) => {
        const params = profileParams(req);
        const idempotencyKey = idempotencyKeyOf(req);
        const body = parseRequest(ReplaceEnrollmentTokenRequestSchema, req, "body");
        const user = userOf(req);
        const { target, profile } = await preconditions(
          graph,
          actions,
          user,
          idempotencyKey,
          params,
          (p) => {
            requireConfirmation(p, body.confirmDisplayName);
          },
        );
        // A replay is answered from the journal and sends nothing, so its steps do not matter.
        const revokeFirst = profile === undefined || profile.tokenStatus !== "none";
        const { record } = await actions.pipeline.run({
          kind: "enrollment-profile.replace-token",
          idempotencyKey,
          user,
          target,
          parameters: { profileKind: params.kind, validityDays: body.validityDays },
          reason: body.reason,
          steps: [
            ...(revokeFirst ? [{ name: "revokeToken", ...revokeCall(params) }] : []),
            { name: "createToken", ...createCall(params, body.validityDays) },
          ],
        });
        sendRecord(res, record);
      },
    );
