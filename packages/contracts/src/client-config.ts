import { z } from "zod";

/**
 * What the SPA needs to sign in, served by the BFF at `GET /api/client-config` (public):
 * one place holds the tenant's settings, the SPA bundle holds none.
 */
export const ClientConfigSchema = z.object({
  clientId: z.string(),
  authority: z.url(),
  knownAuthorities: z.array(z.string()),
  /** OIDC metadata JSON, given to MSAL so it never fetches it (and so the simulator works). */
  authorityMetadata: z.string().optional(),
  /** Scopes to request for the BFF's API, e.g. `api://<id>/access_as_user`. */
  apiScopes: z.array(z.string()),
  tenant: z.enum(["simulator", "entra"]),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
