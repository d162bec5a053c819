import type { Request, Response } from "express";

/**
 * The simulator's single sign-on session: which demo user last signed in at /authorize, so a
 * silent request (prompt=none, e.g. MSAL's hidden iframe) can succeed without a login_hint.
 */
const cookieName = "tenant_sim_session";

export function readSessionUserId(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== cookieName) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function writeSession(res: Response, userId: string, path: string): void {
  res.cookie(cookieName, userId, { httpOnly: true, sameSite: "lax", path });
}

export function clearSession(res: Response, path: string): void {
  res.clearCookie(cookieName, { httpOnly: true, sameSite: "lax", path });
}
