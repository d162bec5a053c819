export * from "./client-config.js";
export * from "./health.js";
export * from "./me.js";
export * from "./permissions.js";
export * from "./problem.js";
export * from "./route.js";
export * from "./routes.js";
