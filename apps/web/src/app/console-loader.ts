/** The signed-in console's chunk (router, shell, pages): kept out of the initial load. */
export const loadConsole = () => import("./console");

/**
 * An agent coming back from sign-in (an authorization code in the URL) or returning with MSAL
 * state cached (its keys start with "msal.") will most likely see the console: fetch its chunk
 * now, while translations, the client config and MSAL start, instead of after them. A wrong
 * guess costs one download; a first visit never matches (bundle budget, ADR 0014).
 */
export function preloadConsoleIfSignedInLikely(): void {
  try {
    const returningFromSignIn = /[#?&]code=/.test(window.location.hash + window.location.search);
    const msalState = Object.keys(window.localStorage).some((key) => key.startsWith("msal."));
    if (!returningFromSignIn && !msalState) return;
  } catch {
    // Storage disabled by policy: no guess, the console loads when it is shown.
    return;
  }
  // A failure here is retried by React.lazy when the console is shown.
  loadConsole().catch(() => undefined);
}
