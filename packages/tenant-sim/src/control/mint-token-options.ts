import { z } from "zod";

/**
 * POST /_sim/token and Simulator.mintToken: a token shaped by the test, for the negative cases
 * a real tenant will not produce on demand (expired, foreign-signed, wrong audience, ...).
 */
export const MintTokenOptionsSchema = z.strictObject({
  /** A demo account key or any user's UPN; default "agent". */
  account: z.string().min(1).max(256).optional(),
  /** "api" (default), "graph", "spa-id-token", or any other string used verbatim as `aud`. */
  audience: z.string().min(1).max(512).optional(),
  /** The `scp` claim; default per audience; [] leaves `scp` out. */
  scopes: z.array(z.string().min(1).max(256)).max(100).optional(),
  /** The `roles` claim; default the account's app roles; [] leaves `roles` out. */
  roles: z.array(z.string().min(1).max(256)).max(100).optional(),
  /** Default 3600; negative gives a token that has already expired. */
  lifetimeSeconds: z.int().min(-31_536_000).max(31_536_000).optional(),
  /** `nbf` relative to now; positive gives a token not valid yet. */
  notBeforeOffsetSeconds: z.int().min(-31_536_000).max(31_536_000).optional(),
  issuer: z.string().min(1).max(512).optional(),
  tenantId: z.string().min(1).max(128).optional(),
  /** Claims added or overriding the defaults. */
  claims: z.record(z.string(), z.unknown()).optional(),
  removeClaims: z.array(z.string()).max(100).optional(),
  signWith: z.enum(["tenant", "foreign"]).optional(),
  /** Overrides the header `kid`. */
  kid: z.string().min(1).max(256).optional(),
  /** A client-credentials-style token: no `scp`, `idtyp: "app"`, `oid` = the app's SP id. */
  appOnly: z.boolean().optional(),
});

export type MintTokenOptions = z.infer<typeof MintTokenOptionsSchema>;
