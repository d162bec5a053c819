import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { z } from "zod";
import { actionEventAppliers } from "./app/action-event-appliers";
import { App } from "./app/app";
import { preloadConsoleIfSignedInLikely } from "./app/console-loader";
import { AppProviders, ThemeProvider } from "./app/providers";
import { FullPageSpinner } from "./components/full-page-spinner";
import { StartupErrorPage } from "./components/startup-error-page";
import { configureApiClient } from "./lib/api-client";
import { registerActionEventAppliers } from "./lib/console-event-cache";
import { getClientConfig } from "./lib/api/get-client-config";
import { initI18n } from "./lib/i18n";
import { createMsalSession, createMsalTokenSource } from "./lib/msal";
import { createQueryClient } from "./lib/query-client";

// Production runs under `script-src 'self'` (no eval): without this, zod 4 probes `new Function`
// for its JIT parser and the browser reports a CSP violation on every start.
z.config({ jitless: true });
registerActionEventAppliers(actionEventAppliers);

/**
 * Start-up, in order: translations; the tenant settings from the BFF (`/api/client-config`, the
 * bundle holds none); MSAL initialized and any redirect response processed; then the app.
 */
async function start(root: Root): Promise<void> {
  preloadConsoleIfSignedInLikely();
  const i18n = await initI18n();
  const retry = () => {
    void start(root);
  };
  root.render(
    <ThemeProvider>
      <FullPageSpinner label={i18n.t("startup.loading")} />
    </ThemeProvider>,
  );
  try {
    const config = await getClientConfig();
    const session = await createMsalSession(config);
    configureApiClient(createMsalTokenSource(session));
    root.render(
      <StrictMode>
        <AppProviders session={session} queryClient={createQueryClient()}>
          <App />
        </AppProviders>
      </StrictMode>,
    );
  } catch (error) {
    console.error("The console could not start", error);
    root.render(
      <ThemeProvider>
        <StartupErrorPage error={error} onRetry={retry} />
      </ThemeProvider>,
    );
  }
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
void start(createRoot(container));
