import { z } from "zod";
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
});
export type Me = z.infer<typeof MeSchema>;
