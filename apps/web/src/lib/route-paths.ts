/** The console's pages, shared by the router and the navigation. */
export const routePaths = {
  vppTokens: "/vpp-tokens",
  apps: "/apps",
  enrollmentProfiles: "/enrollment-profiles",
  users: "/users",
  activity: "/activity",
} as const;
