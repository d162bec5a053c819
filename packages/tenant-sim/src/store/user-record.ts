/**
 * A directory user as the store keeps it: Graph's `microsoft.graph.user` properties we serve
 * (see shared/reference/graph-schema.json), plus the app roles assigned on the BFF's API.
 * Graph's nulls stay nulls here because this is Graph's own shape.
 */
export interface UserRecord {
  id: string;
  accountEnabled: boolean;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  preferredLanguage: string | null;
  usageLocation: string | null;
  createdDateTime: string;
  /** App roles on the BFF's API app registration; they surface in the API token's `roles`. */
  appRoles: readonly string[];
}
