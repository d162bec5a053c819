import { randomUUID } from "node:crypto";
import express, { Router, type Request, type Response } from "express";
import { demoAccounts, demoTenant } from "../seed/demo-tenant.js";
import type { SimulatorContext } from "../simulator-context.js";
import {
  validateAuthorizeRequest,
  type AuthorizeRequest,
  type RedirectTarget,
} from "./authorize-request.js";
import { clientInfo } from "./client-info.js";
import { entraDescription, EntraError } from "./entra-error.js";
import { messagePage } from "./message-page.js";
import { sendHtml } from "./send-html.js";
import { readSessionUserId, writeSession } from "./session-cookie.js";
import { signInPage } from "./sign-in-page.js";
import { singleValuedParams } from "./single-valued-params.js";

/**
 * GET and POST /{tenant}/oauth2/v2.0/authorize: the sign-in page. A login_hint naming a demo
 * account (what e2e tests and MSAL's silent renewal send) signs in without the page.
 */
export function createAuthorizeRouter(ctx: SimulatorContext): Router {
  const router = Router({ mergeParams: true });
  const path = "/oauth2/v2.0/authorize";
  const sessionPath = `/${ctx.tenantId}`;

  router.get(path, (req, res) => {
    const request = validated(req, res, ctx);
    if (request === undefined) return;
    const hinted = demoAccounts.find(
      (a) => a.userPrincipalName.toLowerCase() === request.loginHint?.toLowerCase(),
    );
    if (hinted !== undefined) {
      issueCode(res, ctx, request, hinted.id, sessionPath);
      return;
    }
    if (request.prompt === "none") {
      // A hint naming someone else must not silently yield the session's user.
      const sessionUser = request.loginHint === undefined ? readSessionUserId(req) : undefined;
      if (sessionUser !== undefined && ctx.store.findUser(sessionUser) !== undefined) {
        issueCode(res, ctx, request, sessionUser, sessionPath);
        return;
      }
      redirectWithError(
        res,
        request,
        new EntraError(
          "login_required",
          50058,
          "A silent sign-in request was sent but no user is signed in.",
        ),
      );
      return;
    }
    sendHtml(
      res,
      200,
      signInPage({
        accounts: demoAccounts,
        formAction: req.originalUrl,
        appName: demoTenant.spa.displayName,
        unmatchedHint: request.loginHint,
      }),
      ctx.spaOrigins,
    );
  });

  router.post(path, express.urlencoded({ extended: false, limit: "16kb" }), (req, res) => {
    const request = validated(req, res, ctx);
    if (request === undefined) return;
    const account = demoAccounts.find((a) => a.key === postedAccount(req.body));
    if (account === undefined) {
      sendHtml(
        res,
        400,
        messagePage("Sign-in failed", "Choose one of the listed demo accounts."),
        ctx.spaOrigins,
      );
      return;
    }
    issueCode(res, ctx, request, account.id, sessionPath);
  });

  return router;
}

function postedAccount(body: unknown): string | undefined {
  try {
    return singleValuedParams(body).get("account");
  } catch {
    return undefined;
  }
}

function validated(
  req: Request,
  res: Response,
  ctx: SimulatorContext,
): AuthorizeRequest | undefined {
  let params: Map<string, string>;
  try {
    params = singleValuedParams(req.query);
  } catch (error) {
    if (!(error instanceof EntraError)) throw error;
    sendHtml(
      res,
      400,
      messagePage("Sign-in request not valid", entraDescription(error)),
      ctx.spaOrigins,
    );
    return undefined;
  }
  const validation = validateAuthorizeRequest(params, ctx.spaOrigins);
  switch (validation.kind) {
    case "ok":
      return validation.request;
    case "page-error":
      sendHtml(
        res,
        400,
        messagePage("Sign-in request not valid", entraDescription(validation.error)),
        ctx.spaOrigins,
      );
      return undefined;
    case "redirect-error":
      redirectWithError(res, validation.target, validation.error);
      return undefined;
  }
}

function issueCode(
  res: Response,
  ctx: SimulatorContext,
  request: AuthorizeRequest,
  userId: string,
  sessionPath: string,
): void {
  const code = ctx.codes.issue({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    nonce: request.nonce,
    userId,
    scopes: request.scopes,
    scopeParam: request.scopeParam,
    claims: request.claims,
  });
  writeSession(res, userId, sessionPath);
  redirect(res, request, {
    code,
    ...(request.wantsClientInfo ? { client_info: clientInfo(userId, ctx.tenantId) } : {}),
    session_state: randomUUID(),
  });
}

function redirectWithError(res: Response, target: RedirectTarget, error: EntraError): void {
  redirect(res, target, {
    error: error.error,
    error_description: entraDescription(error),
    ...(error.extras.suberror === undefined ? {} : { suberror: error.extras.suberror }),
    ...(error.extras.claims === undefined ? {} : { claims: error.extras.claims }),
  });
}

function redirect(res: Response, target: RedirectTarget, values: Record<string, string>): void {
  const params = new URLSearchParams(values);
  if (target.state !== undefined) params.set("state", target.state);
  const url = new URL(target.redirectUri);
  if (target.responseMode === "fragment") {
    url.hash = params.toString();
  } else {
    for (const [name, value] of params) url.searchParams.append(name, value);
  }
  res.set("Cache-Control", "no-store").redirect(302, url.toString());
}
