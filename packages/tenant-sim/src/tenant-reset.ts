import type { SimulatorContext } from "./simulator-context.js";
import { TenantStore } from "./store/tenant-store.js";

/** Regenerates the tenant's data from its seed: every revoke and sync is forgotten. */
export function resetTenant(ctx: SimulatorContext): void {
  ctx.store = new TenantStore({ seed: ctx.seed, size: ctx.size });
}
