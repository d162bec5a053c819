/** A query option Graph's OData layer rejects: the caller turns it into a 400 BadRequest. */
export class ODataQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ODataQueryError";
  }
}
