import { z } from "zod";
import { ActionKindSchema, ActorSchema } from "./actions.js";
import { IntunePermissionSchema } from "./intune-access.js";

/**
 * RFC 9457 problem details, as every BFF error is answered (`application/problem+json`).
 * `code` is ours and stable; `graphRequestId`/`graphCode` appear when Graph answered.
 */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string(),
  graphRequestId: z.string().optional(),
  graphCode: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
  /** With `intuneRoleMissing`: the Intune permission the person's roles lack. */
  intunePermission: IntunePermissionSchema.optional(),
  /** With `adminConsentRequired`: the delegated Graph permissions an administrator must grant. */
  permissions: z.array(z.string()).optional(),
  /** Which input was wrong, for 400s: dotted paths such as `body.notifyManagedDevices`. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /**
   * A 409 because an action of the same kind on the same target is still open (at most one
   * is, issue #12): which one, who started it and when. Nothing was sent to Graph.
   */
  runningAction: z
    .object({
      id: z.string(),
      kind: ActionKindSchema,
      actor: ActorSchema.pick({ userPrincipalName: true, displayName: true }),
      createdAt: z.string(),
    })
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** Our stable error codes; the SPA keys its messages on them. */
export const ProblemCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "idempotency_key_reused",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "claims_challenge",
  "graph_error",
  "graph_throttled",
  "graph_unavailable",
  "internal",
  /** Intune refused a Graph call for want of an Intune role; see `intunePermission`. */
  "intuneRoleMissing",
  /** The API registration issues v1.0 tokens: `accessTokenAcceptedVersion: 2` is missing (401). */
  "accessTokenVersion1",
  /** The token was issued to another client application than the console's SPA (401). */
  "tokenForAnotherClient",
  /** On-behalf-of refused for want of admin consent (AADSTS65001); see `permissions` (403). */
  "adminConsentRequired",
] as const;
export type ProblemCode = (typeof ProblemCodes)[number];

/**
 * Intune refused a Graph call because the person holds no Intune role granting it (403); the
 * problem's `intunePermission` says which permission to ask an Intune administrator for. Spelled
 * as issue #15 names it (camelCase, unlike the older codes).
 */
export const INTUNE_ROLE_MISSING = "intuneRoleMissing" satisfies ProblemCode;
