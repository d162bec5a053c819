import { Router, type Request } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import type {
  EnrollmentProfileKind,
  EnrollmentProfileRecord,
} from "../store/enrollment-profile-records.js";
import { maxTokenValiditySeconds } from "../store/enrollment-profile-state.js";
import { readActionArguments } from "./action-parameters.js";
import {
  enrollmentProfileEntity,
  enrollmentProfileType,
  selectedTokenProperties,
} from "./enrollment-profile-entities.js";
import { sendGraphBody } from "./graph-error.js";
import { intuneError, requireGuidKey } from "./intune-error.js";
import { enrollmentProfileRoutes } from "./intune-routes.js";
import {
  collectionBody,
  contextUrl,
  parseCollectionQuery,
  parseEntityQuery,
  selectProperties,
} from "./odata/odata-query.js";
import { requirePermission } from "./permissions.js";
import { betaOnly } from "./vpp-tokens.js";
import { graphContext } from "./graph-request-context.js";
import { enrollmentProfileWithNewEnumValues } from "./new-enum-values.js";

const kinds: readonly EnrollmentProfileKind[] = ["androidForWork", "androidDeviceOwner"];

const collectionOf = (kind: EnrollmentProfileKind): string => `${kind}EnrollmentProfiles`;

/**
 * Android Enterprise enrollment profiles of both kinds (beta only): list, get, revokeToken and
 * createToken. The token properties come back only when `$select`ed (see README).
 * https://learn.microsoft.com/graph/api/resources/intune-androidforwork-androidforworkenrollmentprofile?view=graph-rest-beta
 * https://learn.microsoft.com/graph/api/resources/intune-androidforwork-androiddeviceownerenrollmentprofile?view=graph-rest-beta
 */
export function createEnrollmentProfilesRouter(ctx: SimulatorContext): Router {
  const router = Router();
  for (const kind of kinds) {
    const routes = enrollmentProfileRoutes[kind];
    const type = enrollmentProfileType(kind);
    const collection = collectionOf(kind);

    router.get(
      routes.list,
      betaOnly(collection),
      requirePermission("GET", routes.list),
      (req, res) => {
        const query = parseCollectionQuery(req, type, "beta");
        const revealed = selectedTokenProperties(query.select);
        const body = collectionBody(
          {
            req,
            version: "beta",
            type,
            contextPath: `deviceManagement/${collection}`,
            entities: ctx.store.enrollmentProfiles
              .list(kind)
              .map((p) => presented(enrollmentProfileEntity(p, revealed), req)),
            pageSize: 100,
          },
          query,
        );
        sendGraphBody(res.status(200), body);
      },
    );

    router.get(
      routes.item,
      betaOnly(collection),
      requirePermission("GET", routes.item),
      (req, res) => {
        const { select } = parseEntityQuery(req, type, "beta");
        const profile = findProfile(ctx, req, kind);
        const entity = presented(
          enrollmentProfileEntity(profile, selectedTokenProperties(select)),
          req,
        );
        sendGraphBody(res.status(200), {
          "@odata.context": `${contextUrl("beta", `deviceManagement/${collection}`, select)}/$entity`,
          ...selectProperties({ entity, type }, select),
        });
      },
    );

    router.post(
      routes.revokeToken,
      betaOnly(collection),
      requirePermission("POST", routes.revokeToken),
      (req, res) => {
        const profile = findProfile(ctx, req, kind);
        readActionArguments(req, "revokeToken", []);
        // Revoking where there is no token is a no-op 204 (our choice; see README).
        ctx.store.enrollmentProfiles.revokeToken(profile);
        res.status(204).end();
      },
    );

    router.post(
      routes.createToken,
      betaOnly(collection),
      requirePermission("POST", routes.createToken),
      (req, res) => {
        const profile = findProfile(ctx, req, kind);
        const args = readActionArguments(req, "createToken", [
          { name: "tokenValidityInSeconds", type: "Edm.Int32", nullable: false },
        ]);
        const outcome = ctx.store.enrollmentProfiles.createToken(
          profile,
          Number(args.tokenValidityInSeconds),
        );
        if (!outcome.ok) {
          throw intuneError(
            req,
            400,
            "BadRequest",
            `tokenValidityInSeconds must be greater than 0 and at most ${maxTokenValiditySeconds} (90 days).`,
          );
        }
        res.status(204).end();
      },
    );
  }
  return router;
}

function findProfile(
  ctx: SimulatorContext,
  req: Request,
  kind: EnrollmentProfileKind,
): EnrollmentProfileRecord {
  const id = String(req.params.id);
  const entityType = `${kind}EnrollmentProfile`;
  requireGuidKey(req, id, entityType);
  const profile = ctx.store.enrollmentProfiles.find(kind, id);
  if (profile === undefined) {
    throw intuneError(req, 404, "ResourceNotFound", `No ${entityType} with id '${id}' exists.`);
  }
  return profile;
}

function presented(entity: Record<string, unknown>, req: Request): Record<string, unknown> {
  return graphContext(req).scenario.newEnumValues
    ? enrollmentProfileWithNewEnumValues(entity)
    : entity;
}
