import { Router } from "express";
import type { SimulatorContext } from "../simulator-context.js";
import { messagePage } from "./message-page.js";
import { isAllowedRedirectUri } from "./redirect-uri.js";
import { sendHtml } from "./send-html.js";
import { clearSession } from "./session-cookie.js";

/**
 * GET /{tenant}/oauth2/v2.0/logout: ends the simulator's sign-in session and returns to the
 * SPA. Like Entra's, it does not revoke refresh tokens; MSAL forgets its own cache.
 */
export function createLogoutRouter(ctx: SimulatorContext): Router {
  const router = Router({ mergeParams: true });
  router.get("/oauth2/v2.0/logout", (req, res) => {
    clearSession(res, `/${ctx.tenantId}`);
    res.set("Cache-Control", "no-store");
    const target =
      typeof req.query.post_logout_redirect_uri === "string"
        ? req.query.post_logout_redirect_uri
        : undefined;
    if (target !== undefined && isAllowedRedirectUri(target, ctx.spaOrigins)) {
      const url = new URL(target);
      if (typeof req.query.state === "string") url.searchParams.set("state", req.query.state);
      res.redirect(302, url.toString());
      return;
    }
    sendHtml(
      res,
      200,
      messagePage(
        "Signed out",
        "You have signed out of the tenant simulator. You can close this window.",
      ),
      ctx.spaOrigins,
    );
  });
  return router;
}
