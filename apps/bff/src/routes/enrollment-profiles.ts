import { confirmationMatches } from "@ihc/contracts";
import {
  ActionRecordSchema,
  CreateEnrollmentTokenRequestSchema,
  EnrollmentProfileListSchema,
  EnrollmentProfileParamsSchema,
  isEnrollmentProfileKind,
  ReplaceEnrollmentTokenRequestSchema,
  RevealedTokenSchema,
  RevokeEnrollmentTokenRequestSchema,
  type ActionKind,
  type ActionTarget,
  type EnrollmentProfile,
  type EnrollmentProfileParams,
} from "@ihc/contracts";
import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import { toActionRecord } from "../actions/action-journal.js";
import type {
  GraphCallSpec,
  MultiStepActionRequest,
  SingleCallActionRequest,
} from "../actions/action-pipeline.js";
import type { ActionServices } from "../actions/action-services.js";
import { tokenFingerprintOf } from "../actions/enrollment-token-settlement.js";
import { userOf } from "../auth/authenticate.js";
import { requirePermission } from "../auth/require-permission.js";
import {
  enrollmentProfilePath,
  getEnrollmentProfile,
  getEnrollmentToken,
  listEnrollmentProfiles,
} from "../graph/enrollment-profiles.js";
import type { GraphGateway } from "../graph/graph-gateway.js";
import { ConflictError, InputError, NotFoundError } from "../errors.js";
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
  if (!confirmationMatches(confirmDisplayName, profile.displayName)) {
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

type TokenActionCalls =
  Pick<SingleCallActionRequest, "graph"> | Pick<MultiStepActionRequest, "steps">;

interface TokenActionSpec<S extends z.ZodType<{ reason?: string | undefined }>> {
  kind: ActionKind;
  body: S;
  /** Refuses the action on the profile as it is now (a new request only; see below). */
  check: (profile: EnrollmentProfile, body: z.output<S>) => void;
  parameters: (params: EnrollmentProfileParams, body: z.output<S>) => Record<string, unknown>;
  /** The Graph call(s); `profile` is undefined for a replay, which sends nothing. */
  calls: (
    params: EnrollmentProfileParams,
    body: z.output<S>,
    profile: EnrollmentProfile | undefined,
  ) => TokenActionCalls;
}

/**
 * The one handler of revoke, create and replace: parses the request, answers a replay from the
 * journal before checking preconditions (the action itself changed what they check: a revoked
 * token is gone), else reads the profile, checks it and keeps its token's fingerprint as the
 * record's baseline; runs the pipeline; and has an `unknown` outcome settled from the profile.
 */
const tokenAction =
  <S extends z.ZodType<{ reason?: string | undefined }>>(
    graph: GraphGateway,
    actions: ActionServices,
    spec: TokenActionSpec<S>,
  ) =>
  async (req: Request, res: Response): Promise<void> => {
    const params = profileParams(req);
    const idempotencyKey = idempotencyKeyOf(req);
    const body = parseRequest(spec.body, req, "body");
    const user = userOf(req);
    const replay = await actions.pipeline.replayOf(user, idempotencyKey);
    let profile: EnrollmentProfile | undefined;
    let target: ActionTarget;
    if (replay === undefined) {
      profile = await getEnrollmentProfile(graph, user, params.kind, params.id);
      spec.check(profile, body);
      target = targetOf(profile);
    } else {
      target = replay.target;
    }
    const { record } = await actions.pipeline.run({
      kind: spec.kind,
      idempotencyKey,
      user,
      target,
      parameters: spec.parameters(params, body),
      reason: body.reason,
      baseline: profile === undefined ? undefined : tokenFingerprintOf(profile),
      ...spec.calls(params, body, profile),
    });
    if (record.state === "unknown") actions.enrollmentWatchers.watch(record);
    sendJson(res, ActionRecordSchema, toActionRecord(record), 202);
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
      tokenAction(graph, actions, {
        kind: "enrollment-profile.revoke-token",
        body: RevokeEnrollmentTokenRequestSchema,
        check: (profile, body) => {
          requireConfirmation(profile, body.confirmDisplayName);
          if (profile.tokenStatus === "none") {
            throw new ConflictError("This profile has no enrollment token to revoke.");
          }
        },
        parameters: (params) => ({ profileKind: params.kind }),
        calls: (params) => ({ graph: revokeCall(params) }),
      }),
    )
    .post(
      "/enrollment-profiles/:kind/:id/create-token",
      requirePermission("enrollment:create"),
      tokenAction(graph, actions, {
        kind: "enrollment-profile.create-token",
        body: CreateEnrollmentTokenRequestSchema,
        check: (profile) => {
          // Graph's createToken silently replaces a live token; that takes "Replace token…",
          // which asks for the profile's name.
          if (profile.tokenStatus === "active" || profile.tokenStatus === "expiring") {
            throw new ConflictError(
              "This profile already has a valid enrollment token. Use Replace token to swap it.",
            );
          }
        },
        parameters: (params, body) => ({
          profileKind: params.kind,
          validityDays: body.validityDays,
        }),
        calls: (params, body) => ({ graph: createCall(params, body.validityDays) }),
      }),
    )
    .post(
      "/enrollment-profiles/:kind/:id/replace-token",
      requirePermission("enrollment:revoke"),
      requirePermission("enrollment:create"),
      tokenAction(graph, actions, {
        kind: "enrollment-profile.replace-token",
        body: ReplaceEnrollmentTokenRequestSchema,
        check: (profile, body) => {
          requireConfirmation(profile, body.confirmDisplayName);
        },
        parameters: (params, body) => ({
          profileKind: params.kind,
          validityDays: body.validityDays,
        }),
        // A replay is answered from the journal and sends nothing, so its steps do not matter.
        calls: (params, body, profile) => ({
          steps: [
            ...(profile === undefined || profile.tokenStatus !== "none"
              ? [{ name: "revokeToken", ...revokeCall(params) }]
              : []),
            { name: "createToken", ...createCall(params, body.validityDays) },
          ],
        }),
      }),
    );
