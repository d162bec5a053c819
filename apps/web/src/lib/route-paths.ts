/** The console's pages, shared by the router and the navigation. */
export const routePaths = {
  vppTokens: "/vpp-tokens",
  vppToken: "/vpp-tokens/:id",
  apps: "/apps",
  enrollmentProfiles: "/enrollment-profiles",
  users: "/users",
  activity: "/activity",
} as const;

/** A VPP token's detail page (the id URI-encoded). */
export const vppTokenPath = (id: string): string => `/vpp-tokens/${encodeURIComponent(id)}`;
