import type { DemoAccount } from "../seed/demo-tenant.js";
import { escapeHtml, htmlPage } from "./html-page.js";

export const signInHeading = "Sign in to the tenant simulator";

export interface SignInPageInput {
  accounts: readonly DemoAccount[];
  /** Where each account's form posts: the same /authorize URL, query string included. */
  formAction: string;
  appName: string;
  /** A login_hint that named no demo account, shown so the mismatch is not silent. */
  unmatchedHint: string | undefined;
}

const roleDescriptions: Record<string, string> = {
  "Console.Read": "view the console",
  "Licenses.Revoke": "revoke app licenses",
  "Enrollment.Manage": "revoke enrollment tokens",
  "Enrollment.RevealToken": "reveal enrollment tokens",
  "Devices.Retire": "retire devices",
  "Devices.Wipe": "wipe devices",
  "Activity.ReadAll": "read everyone's activity",
};

/**
 * The account picker: one plain POST form per demo account, no script, so it works with
 * JavaScript off and reads well to a screen reader (one labelled button per account).
 */
export function signInPage(input: SignInPageInput): string {
  const hint =
    input.unmatchedHint === undefined
      ? ""
      : `<p class="hint">No demo account is called ${escapeHtml(input.unmatchedHint)}. Choose one below.</p>\n`;
  const items = input.accounts
    .map(
      (account) => `<li>
<form method="post" action="${escapeHtml(input.formAction)}">
<input type="hidden" name="account" value="${escapeHtml(account.key)}">
<button type="submit">
<span class="name">${escapeHtml(account.displayName)}</span>
<span class="upn">${escapeHtml(account.userPrincipalName)}</span>
<span class="roles">${escapeHtml(describeRoles(account.roles))}</span>
<span class="roles">${escapeHtml(describeIntuneRoles(account.intuneRoles))}</span>
</button>
</form>
</li>`,
    )
    .join("\n");
  return htmlPage(
    signInHeading,
    `<h1>${escapeHtml(signInHeading)}</h1>
<p>${escapeHtml(input.appName)} wants you to sign in. This is a local stand-in for Microsoft Entra ID: there are no passwords, pick an account.</p>
${hint}<ul aria-label="Demo accounts">
${items}
</ul>`,
  );
}

export function describeRoles(roles: readonly string[]): string {
  if (roles.length === 0) return "No app roles: can sign in but not use the console.";
  const phrases = roles.map((role) => roleDescriptions[role] ?? role);
  const last = phrases.pop() ?? "";
  const list = phrases.length === 0 ? last : `${phrases.join(", ")} and ${last}`;
  return `Can ${list}.`;
}

/** Intune RBAC is enforced in the realistic profile; the page says what each account holds. */
export function describeIntuneRoles(roles: readonly string[]): string {
  return roles.length === 0 ? "No Intune role." : `Intune roles: ${roles.join(", ")}.`;
}
