/** The token service refused or could not be reached (not a claims challenge). */
export class TokenAcquisitionError extends Error {
  override readonly name: string = "TokenAcquisitionError";
  constructor(
    readonly errorCode: string,
    options?: ErrorOptions,
  ) {
    super(`Could not get a Microsoft Graph token (${errorCode}).`, options);
  }
}
