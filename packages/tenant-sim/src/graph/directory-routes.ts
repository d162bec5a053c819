/** Directory (Entra ID) routes the simulator serves, relative to /v1.0 and /beta. */
export const userRoutes = {
  list: "/users",
  item: "/users/:id",
} as const;

/**
 * Groups: one group, and the number of its members (direct or transitive) as `$count`.
 * https://learn.microsoft.com/graph/api/group-get and group-list-transitivemembers (`$count`)
 */
export const groupRoutes = {
  item: "/groups/:id",
  memberCount: "/groups/:id/members/$count",
  transitiveMemberCount: "/groups/:id/transitiveMembers/$count",
} as const;

export const allDirectoryRoutes: readonly string[] = [
  ...Object.values(userRoutes),
  ...Object.values(groupRoutes),
];
