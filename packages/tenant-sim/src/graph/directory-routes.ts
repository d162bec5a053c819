/** Directory (Entra ID) routes the simulator serves, relative to /v1.0 and /beta. */
export const userRoutes = {
  list: "/users",
  item: "/users/:id",
} as const;

export const allDirectoryRoutes: readonly string[] = Object.values(userRoutes);
