/**
 * Object ids of the service principals behind the app registrations in demo-tenant.ts. App-only
 * tokens carry the service principal's object id as `oid`, which differs from the client id.
 */
export const appServicePrincipals = {
  spa: "7d3c1b2a-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
  api: "3f8e2d1c-6b5a-4e9f-a8d7-c6b5a4e3d2f1",
} as const;
