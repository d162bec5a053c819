import { useMutation } from "@tanstack/react-query";
import { useMsalSession } from "./msal";

/** Signs out at the authority and returns to the sign-in page (postLogoutRedirectUri). */
export function useSignOut() {
  const { instance } = useMsalSession();
  return useMutation({
    mutationFn: () => {
      const account = instance.getActiveAccount();
      return instance.logoutRedirect(account ? { account } : {});
    },
  });
}
