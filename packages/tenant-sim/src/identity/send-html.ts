import type { Response } from "express";
import { styleCspSource } from "./html-page.js";

/** Sends one of the simulator's script-free pages with a CSP that allows nothing else. */
export function sendHtml(
  res: Response,
  status: number,
  html: string,
  spaOrigins: readonly string[],
): void {
  // A posted sign-in form redirects to the SPA; Chromium applies form-action to that redirect.
  const formAction = ["'self'", ...spaOrigins].join(" ");
  res
    .status(status)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": `default-src 'none'; style-src ${styleCspSource}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    })
    .send(html);
}
