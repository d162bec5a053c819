/** How big a tenant the simulator generates (DESIGN.md §4, "Size on demand"). */
export const tenantSizes = ["tiny", "demo", "large"] as const;
export type TenantSize = (typeof tenantSizes)[number];

export interface TenantSizeProfile {
  /**
   * Users drawn right after the demo accounts, from the seed's first PRNG, before the VPP data:
   * they (and the demo accounts) hold the VPP licenses and the seeded iPhones and iPads.
   */
  coreUsers: number;
  /** Every user: demo accounts, core users, the showcase users and bulk users up to this. */
  totalUsers: number;
}

/**
 * `demo` keeps the tenant the console has always shown (4 demo accounts, 40 core users, the
 * same VPP data for a seed) and adds the showcase users; `large` is the demo tenant plus bulk
 * users; `tiny` is small enough for unit tests to read whole.
 */
export const tenantSizeProfiles: Readonly<Record<TenantSize, TenantSizeProfile>> = {
  tiny: { coreUsers: 6, totalUsers: 0 },
  demo: { coreUsers: 40, totalUsers: 0 },
  large: { coreUsers: 40, totalUsers: 50_000 },
};
