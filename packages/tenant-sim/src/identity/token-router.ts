import { randomUUID } from "node:crypto";
import express, { Router, type Request, type Response } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { EntraError, entraErrorBody, missingParameter } from "./entra-error.js";
import { authorizationCodeGrant } from "./grants/authorization-code-grant.js";
import type { GrantRequest } from "./grants/grant-request.js";
import { jwtBearerGrantType, onBehalfOfGrant } from "./grants/on-behalf-of-grant.js";
import { refreshTokenGrant } from "./grants/refresh-token-grant.js";
import { singleValuedParams } from "./single-valued-params.js";
import type { TokenResponse } from "./token-response.js";

type Grant = (ctx: SimulatorContext, request: GrantRequest) => Promise<TokenResponse>;

const grants: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  [jwtBearerGrantType]: onBehalfOfGrant,
};

/** POST /{tenant}/oauth2/v2.0/token, answering in Entra's JSON shapes. */
export function createTokenRouter(ctx: SimulatorContext): Router {
  const router = Router({ mergeParams: true });
  const path = "/oauth2/v2.0/token";
  router.post(path, express.urlencoded({ extended: false, limit: "64kb" }), async (req, res) => {
    res.set({ "Cache-Control": "no-store", Pragma: "no-cache" });
    try {
      const params = singleValuedParams(req.body);
      const grantType = params.get("grant_type");
      if (grantType === undefined) throw missingParameter("grant_type");
      const grant = grants[grantType];
      if (grant === undefined) {
        throw new EntraError(
          "unsupported_grant_type",
          70003,
          `The app requested an unsupported grant type '${grantType}'.`,
        );
      }
      const response = await grant(ctx, {
        params,
        authorization: req.headers.authorization,
        origin: req.headers.origin,
      });
      res.json(response);
    } catch (error) {
      if (!(error instanceof EntraError)) throw error;
      sendEntraError(req, res, ctx, error);
    }
  });
  return router;
}

export function sendEntraError(
  req: Request,
  res: Response,
  ctx: SimulatorContext,
  error: EntraError,
): void {
  const correlationId = correlationIdOf(req);
  res
    .status(error.status)
    .set({ "client-request-id": correlationId, "x-ms-request-id": randomUUID() })
    .json(entraErrorBody(error, correlationId, `${ctx.url}/error?code=${error.aadsts}`));
}

/** MSAL sends its correlation id as a client-request-id header or query parameter. */
function correlationIdOf(req: Request): string {
  const header = req.headers["client-request-id"];
  if (typeof header === "string" && header !== "") return header;
  const query = req.query["client-request-id"];
  return typeof query === "string" && query !== "" ? query : randomUUID();
}
