import {
  GraphActionStateSchema,
  VppTokenAccountTypeSchema,
  VppTokenActionFailureReasonSchema,
  VppTokenStateSchema,
  VppTokenSyncStatusSchema,
  knownOr,
  tolerantEnum,
  unrecognizedValuesOf,
  type VppToken,
} from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { actionOutcomeOf } from "./action-outcome.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { getAll } from "./graph-collection.js";
import type { GraphGateway } from "./graph-gateway.js";

/**
 * Apple VPP tokens (beta only). `token` — the secret Apple issued — is never selected, so it
 * cannot leak through the BFF even by mistake.
 * https://learn.microsoft.com/graph/api/resources/intune-onboarding-vpptoken?view=graph-rest-beta
 */
const SELECT = [
  "id",
  "displayName",
  "organizationName",
  "appleId",
  "locationName",
  "countryOrRegion",
  "vppTokenAccountType",
  "state",
  "expirationDateTime",
  "lastSyncDateTime",
  "lastSyncStatus",
  "lastModifiedDateTime",
  "tokenActionResults",
].join(",");

const GraphActionResultSchema = z.object({
  actionName: graphOptional(z.string()),
  actionState: tolerantEnum(GraphActionStateSchema.options),
  startDateTime: graphOptional(z.string()),
  lastUpdatedDateTime: graphOptional(z.string()),
  totalLicensesCount: graphOptional(z.number().int()),
  failedLicensesCount: graphOptional(z.number().int()),
  actionFailureReason: graphOptional(tolerantEnum(VppTokenActionFailureReasonSchema.options)),
});

const GraphVppTokenSchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  organizationName: graphOptional(z.string()),
  appleId: graphOptional(z.string()),
  locationName: graphOptional(z.string()),
  countryOrRegion: graphOptional(z.string()),
  vppTokenAccountType: graphOptional(tolerantEnum(VppTokenAccountTypeSchema.options)),
  state: tolerantEnum(VppTokenStateSchema.options),
  expirationDateTime: graphOptional(z.string()),
  lastSyncDateTime: graphOptional(z.string()),
  lastSyncStatus: graphOptional(tolerantEnum(VppTokenSyncStatusSchema.options)),
  lastModifiedDateTime: graphOptional(z.string()),
  tokenActionResults: graphOptional(z.array(GraphActionResultSchema)),
});
type GraphVppToken = z.output<typeof GraphVppTokenSchema>;

const toVppToken = (t: GraphVppToken): VppToken => ({
  id: t.id,
  displayName: t.displayName ?? t.organizationName ?? t.id,
  organizationName: t.organizationName,
  appleId: t.appleId,
  locationName: t.locationName,
  countryOrRegion: t.countryOrRegion,
  vppTokenAccountType: knownOr(t.vppTokenAccountType, undefined),
  state: knownOr(t.state, "unknown"),
  expirationDateTime: t.expirationDateTime,
  lastSyncDateTime: t.lastSyncDateTime,
  lastSyncStatus: knownOr(t.lastSyncStatus, undefined),
  lastModifiedDateTime: t.lastModifiedDateTime,
  tokenActionResults: (t.tokenActionResults ?? []).map((r) => ({
    actionName: r.actionName ?? "",
    ...actionOutcomeOf(r),
    startDateTime: r.startDateTime,
    lastUpdatedDateTime: r.lastUpdatedDateTime,
    totalLicensesCount: r.totalLicensesCount ?? 0,
    failedLicensesCount: r.failedLicensesCount ?? 0,
  })),
  unrecognized: unrecognizedValuesOf({
    state: t.state,
    vppTokenAccountType: t.vppTokenAccountType,
    lastSyncStatus: t.lastSyncStatus,
  }),
});

const COLLECTION = "/deviceAppManagement/vppTokens";

export const listVppTokens = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
): Promise<VppToken[]> =>
  (
    await getAll(graph, user, COLLECTION, GraphVppTokenSchema, {
      version: "beta",
      query: { $select: SELECT },
    })
  ).map(toVppToken);

export const getVppToken = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  id: string,
): Promise<VppToken> => {
  const response = await graph.get(user, vppTokenPath(id), {
    version: "beta",
    query: { $select: SELECT },
  });
  return toVppToken(parseGraphBody(GraphVppTokenSchema, response.body));
};

/** `id` must already be validated (a GUID): it becomes part of a URL. */
export const vppTokenPath = (id: string): string => `${COLLECTION}/${encodeURIComponent(id)}`;
