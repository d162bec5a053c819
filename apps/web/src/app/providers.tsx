import { MsalProvider } from "@azure/msal-react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { MsalSessionContext, type MsalSession } from "../lib/msal";

export interface AppProvidersProps {
  session: MsalSession;
  queryClient: QueryClient;
  children: ReactNode;
}

/**
 * The app's context: MSAL, its session settings and React Query. No theme: the screens under
 * it bring Fluent's (ThemeProvider) in their own chunks.
 */
export function AppProviders({ session, queryClient, children }: AppProvidersProps) {
  return (
    <MsalProvider instance={session.instance}>
      <MsalSessionContext value={session}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MsalSessionContext>
    </MsalProvider>
  );
}
