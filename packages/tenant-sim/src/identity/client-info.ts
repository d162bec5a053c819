/**
 * MSAL's `client_info`: base64url JSON of the user's object id and tenant id. MSAL builds its
 * home account id from it and fails a sign-in without it (client_info_empty_error).
 */
export function clientInfo(oid: string, tenantId: string): string {
  return Buffer.from(JSON.stringify({ uid: oid, utid: tenantId })).toString("base64url");
}
