import {
  AndroidDeviceOwnerEnrollmentModeSchema,
  AndroidDeviceOwnerEnrollmentTokenTypeSchema,
  ENROLLMENT_TOKEN_EXPIRING_DAYS,
  knownOr,
  tolerantEnum,
  unrecognizedValuesOf,
  type EnrollmentProfile,
  type EnrollmentProfileKind,
  type EnrollmentTokenStatus,
  type RevealedToken,
} from "@ihc/contracts";
import { z } from "zod";
import type { AuthenticatedUser } from "../auth/authenticated-user.js";
import { graphOptional, parseGraphBody } from "./graph-body.js";
import { getAll } from "./graph-collection.js";
import type { GraphGateway, GraphResponse } from "./graph-gateway.js";

/**
 * Android Enterprise enrollment profiles of both kinds (beta only).
 * https://learn.microsoft.com/graph/api/resources/intune-androidforwork-androidforworkenrollmentprofile?view=graph-rest-beta
 * https://learn.microsoft.com/graph/api/resources/intune-androidforwork-androiddeviceownerenrollmentprofile?view=graph-rest-beta
 *
 * Whether a profile has a token is only certain from `tokenValue` (Intune may return the token
 * properties only when `$select`ed), so the list selects it, computes `tokenStatus` and
 * `maskedToken` here, and drops the value: it never leaves this module except through
 * `getEnrollmentToken`, the audited reveal. `wifiPassword` and the QR code are never selected
 * for the list.
 */
const COLLECTIONS: Record<EnrollmentProfileKind, string> = {
  androidForWork: "/deviceManagement/androidForWorkEnrollmentProfiles",
  androidDeviceOwner: "/deviceManagement/androidDeviceOwnerEnrollmentProfiles",
};

const COMMON_SELECT = [
  "id",
  "displayName",
  "description",
  "tokenValue",
  "tokenExpirationDateTime",
  "enrolledDeviceCount",
  "lastModifiedDateTime",
];
const SELECT: Record<EnrollmentProfileKind, string> = {
  androidForWork: COMMON_SELECT.join(","),
  androidDeviceOwner: [
    ...COMMON_SELECT,
    "enrollmentMode",
    "enrollmentTokenType",
    "tokenCreationDateTime",
    "enrollmentTokenUsageCount",
  ].join(","),
};
const TOKEN_SELECT = "id,displayName,tokenValue,qrCodeContent,tokenExpirationDateTime";

/**
 * `tokenExpirationDateTime` is not nullable: without a token Intune reports .NET's
 * DateTime.MinValue ("0001-01-01T00:00:00Z"). Any date before 1970 means "no date".
 */
const graphDate = graphOptional(z.string()).transform((value) =>
  value === undefined || Date.parse(value) < 0 ? undefined : value,
);

const GraphEnrollmentProfileSchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  description: graphOptional(z.string()),
  tokenValue: graphOptional(z.string()),
  tokenExpirationDateTime: graphDate,
  tokenCreationDateTime: graphDate,
  enrolledDeviceCount: graphOptional(z.number().int()),
  enrollmentTokenUsageCount: graphOptional(z.number().int()),
  lastModifiedDateTime: graphOptional(z.string()),
  enrollmentMode: graphOptional(tolerantEnum(AndroidDeviceOwnerEnrollmentModeSchema.options)),
  enrollmentTokenType: graphOptional(
    tolerantEnum(AndroidDeviceOwnerEnrollmentTokenTypeSchema.options),
  ),
});
type GraphEnrollmentProfile = z.output<typeof GraphEnrollmentProfileSchema>;

const GraphEnrollmentTokenSchema = z.object({
  id: z.string(),
  displayName: graphOptional(z.string()),
  tokenValue: graphOptional(z.string()),
  qrCodeContent: graphOptional(z.string()),
  tokenExpirationDateTime: graphDate,
});

const dayMs = 86_400_000;

/** The rule the console shows: none, expired, expiring within 14 days, or active. */
export const tokenStatusOf = (
  tokenValue: string | undefined,
  expiration: string | undefined,
  now: number,
): EnrollmentTokenStatus => {
  if (tokenValue === undefined || tokenValue === "") return "none";
  if (expiration === undefined) return "active";
  const expiresAt = Date.parse(expiration);
  if (expiresAt <= now) return "expired";
  return expiresAt - now <= ENROLLMENT_TOKEN_EXPIRING_DAYS * dayMs ? "expiring" : "active";
};

/** Bullets and the last 4 characters, whatever the token's length. */
export const maskToken = (tokenValue: string | undefined): string | undefined =>
  tokenValue === undefined || tokenValue.length < 8 ? undefined : `••••••••${tokenValue.slice(-4)}`;

const toEnrollmentProfile = (
  kind: EnrollmentProfileKind,
  p: GraphEnrollmentProfile,
  now: number,
): EnrollmentProfile => {
  const tokenStatus = tokenStatusOf(p.tokenValue, p.tokenExpirationDateTime, now);
  const hasToken = tokenStatus !== "none";
  return {
    kind,
    id: p.id,
    displayName: p.displayName ?? p.id,
    description: p.description,
    enrollmentMode: knownOr(p.enrollmentMode, undefined),
    enrollmentTokenType: knownOr(p.enrollmentTokenType, undefined),
    tokenStatus,
    tokenExpirationDateTime: hasToken ? p.tokenExpirationDateTime : undefined,
    tokenCreationDateTime: hasToken ? p.tokenCreationDateTime : undefined,
    enrolledDeviceCount: p.enrolledDeviceCount,
    enrollmentTokenUsageCount: p.enrollmentTokenUsageCount,
    maskedToken: maskToken(p.tokenValue),
    lastModifiedDateTime: p.lastModifiedDateTime,
    unrecognized: unrecognizedValuesOf({
      enrollmentMode: p.enrollmentMode,
      enrollmentTokenType: p.enrollmentTokenType,
    }),
  };
};

export const listEnrollmentProfiles = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  now = Date.now(),
): Promise<EnrollmentProfile[]> => {
  const kinds = Object.keys(COLLECTIONS) as EnrollmentProfileKind[];
  const lists = await Promise.all(
    kinds.map(async (kind) =>
      (
        await getAll(graph, user, COLLECTIONS[kind], GraphEnrollmentProfileSchema, {
          version: "beta",
          query: { $select: SELECT[kind] },
        })
      ).map((p) => toEnrollmentProfile(kind, p, now)),
    ),
  );
  return lists.flat();
};

export const getEnrollmentProfile = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  kind: EnrollmentProfileKind,
  id: string,
  now = Date.now(),
): Promise<EnrollmentProfile> => {
  const response = await graph.get(user, enrollmentProfilePath(kind, id), {
    version: "beta",
    query: { $select: SELECT[kind] },
  });
  return toEnrollmentProfile(
    kind,
    parseGraphBody(GraphEnrollmentProfileSchema, response.body),
    now,
  );
};

/** The token itself, for the audited reveal only; `token` is undefined when there is none. */
export const getEnrollmentToken = async (
  graph: GraphGateway,
  user: AuthenticatedUser,
  kind: EnrollmentProfileKind,
  id: string,
): Promise<{
  displayName: string;
  token: RevealedToken | undefined;
  response: GraphResponse;
}> => {
  const response = await graph.get(user, enrollmentProfilePath(kind, id), {
    version: "beta",
    query: { $select: TOKEN_SELECT },
  });
  const p = parseGraphBody(GraphEnrollmentTokenSchema, response.body);
  return {
    displayName: p.displayName ?? p.id,
    token:
      p.tokenValue === undefined || p.tokenValue === ""
        ? undefined
        : {
            tokenValue: p.tokenValue,
            qrCodeContent: p.qrCodeContent,
            tokenExpirationDateTime: p.tokenExpirationDateTime,
          },
    response,
  };
};

/** `id` must already be validated (a GUID): it becomes part of a URL. */
export const enrollmentProfilePath = (kind: EnrollmentProfileKind, id: string): string =>
  `${COLLECTIONS[kind]}/${encodeURIComponent(id)}`;
