/** The console's pages, shared by the router and the navigation. */
export const routePaths = {
  vppTokens: "/vpp-tokens",
  vppToken: "/vpp-tokens/:id",
  apps: "/apps",
  reclaim: "/reclaim",
  app: "/apps/:id",
  enrollmentProfiles: "/enrollment-profiles",
  users: "/users",
  user: "/users/:id",
  device: "/devices/:id",
  activity: "/activity",
  activityAction: "/activity/:id",
  myAccess: "/my-access",
} as const;

/** A VPP token's detail page (the id URI-encoded). */
export const vppTokenPath = (id: string): string => `/vpp-tokens/${encodeURIComponent(id)}`;

/** A user's page (the id URI-encoded). */
export const userPath = (id: string): string => `/users/${encodeURIComponent(id)}`;

/** A managed device's page (the id URI-encoded). */
export const devicePath = (id: string): string => `/devices/${encodeURIComponent(id)}`;

/** The users page with a search filled in, as the URL keeps it (`?q=`). */
export const userSearchPath = (text: string): string =>
  text === "" ? "/users" : `/users?${new URLSearchParams({ q: text }).toString()}`;
/** An iOS VPP app's detail page (the id URI-encoded). */
export const appPath = (id: string): string => `/apps/${encodeURIComponent(id)}`;

/** One journal record, whole (issue #18, 1). */
export const actionPath = (id: string): string => `/activity/${encodeURIComponent(id)}`;
