import type { UserRecord } from "../store/user-record.js";

/** The signed-in user as tokens describe them. */
export interface Principal {
  oid: string;
  upn: string;
  name: string;
  givenName: string | undefined;
  surname: string | undefined;
  /** App roles on the BFF's API. */
  roles: readonly string[];
}

export function principalFromUser(user: UserRecord): Principal {
  return {
    oid: user.id,
    upn: user.userPrincipalName,
    name: user.displayName,
    givenName: user.givenName ?? undefined,
    surname: user.surname ?? undefined,
    roles: user.appRoles,
  };
}
