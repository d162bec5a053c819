import { z } from "zod";
import { IntuneAccessSchema } from "./intune-access.js";
import { PermissionSchema } from "./permissions.js";

export const MeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  mail: z.string().optional(),
  jobTitle: z.string().optional(),
  tenantId: z.string(),
  /** App roles from the token, as Entra ID issued them (unknown roles are passed through). */
  roles: z.array(z.string()),
  permissions: z.array(PermissionSchema),
  /**
   * Intune rights learned from Graph's answers this BFF has seen for the person (in memory).
   * This BFF always sends it; optional so a `Me` built before it existed still type-checks.
   */
  intuneAccess: IntuneAccessSchema.optional(),
  /** Days before expiry a token shows in the expiry banner (EXPIRY_WARNING_DAYS; default 30). */
  expiryWarningDays: z.number().int().min(1).optional(),
});
export type Me = z.infer<typeof MeSchema>;
