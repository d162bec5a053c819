import { useMutation } from "@tanstack/react-query";
import { useMsalSession } from "./msal";

const MAX_LOGIN_HINT_LENGTH = 256;

/**
 * `?login_hint=` on the SPA's URL is passed on to the authority (it pre-selects an account, e.g.
 * one of the simulator's demo accounts in tests). Only a hint: the agent still signs in there.
 */
export function readLoginHint(search: string): string | undefined {
  const hint = new URLSearchParams(search).get("login_hint")?.trim();
  return hint && hint.length <= MAX_LOGIN_HINT_LENGTH ? hint : undefined;
}

/** Starts the sign-in redirect for the API scopes; pending until the browser navigates away. */
export function useSignIn() {
  const { instance, apiScopes } = useMsalSession();
  return useMutation({
    mutationFn: () => {
      const loginHint = readLoginHint(window.location.search);
      return instance.loginRedirect({
        scopes: [...apiScopes],
        ...(loginHint === undefined ? {} : { loginHint }),
      });
    },
  });
}
