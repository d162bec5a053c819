import type { UserRecord } from "../store/user-record.js";
import type { GraphVersion } from "./graph-request-context.js";
import { applySelect } from "./odata-select.js";

export const userEntityType = "microsoft.graph.user";

/** Properties of `microsoft.graph.user` the simulator knows, for `$select`. */
export const userProperties = [
  "id",
  "accountEnabled",
  "businessPhones",
  "createdDateTime",
  "department",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "usageLocation",
  "userPrincipalName",
] as const;

/** What Graph returns without `$select`: v1.0 a fixed default set, beta rather more. */
const defaultProperties: Record<GraphVersion, readonly string[]> = {
  "v1.0": [
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
  ],
  beta: userProperties.filter((p) => p !== "id"),
};

/** A user in Graph's JSON shape, `@odata.context` first as Graph writes it. */
export function userEntity(
  user: UserRecord,
  version: GraphVersion,
  selected: readonly string[] | undefined,
  entitySet = "users",
): Record<string, unknown> {
  const contextSet = selected === undefined ? entitySet : `${entitySet}(${selected.join(",")})`;
  return {
    "@odata.context": `https://graph.microsoft.com/${version}/$metadata#${contextSet}/$entity`,
    ...userValue(user, version, selected),
  };
}

/** A user's properties as Graph serves them (default or selected), without `@odata.context`. */
export function userValue(
  user: UserRecord,
  version: GraphVersion,
  selected: readonly string[] | undefined,
): Record<string, unknown> {
  const { appRoles: _appRoles, ...graphUser } = user;
  return applySelect(graphUser, selected ?? defaultProperties[version]);
}
