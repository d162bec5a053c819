import { lazy, StrictMode, Suspense } from "react";
import { createRoot, type Root } from "react-dom/client";
import { App } from "./app/app";
import { preloadConsoleIfSignedInLikely } from "./app/console-loader";
import { AppProviders } from "./app/providers";
import { FullPageSpinner } from "./components/full-page-spinner";
import { PlainStartupError } from "./components/plain-startup-error";
import { initI18n } from "./lib/i18n";
import { createMsalSession, createMsalTokenSource } from "./lib/msal";
import { createQueryClient } from "./lib/query-client";

// Rare, and Fluent UI with it: not in the initial download (bundle budget, ADR 0014).
// If even that chunk cannot be fetched (the network is what failed), plain words and a retry.
const StartupErrorScreen = lazy(() =>
  import("./app/startup-error-screen").then(
    (module) => ({ default: module.StartupErrorScreen }),
    () => ({ default: PlainStartupError }),
  ),
);

/**
 * Start-up, in order: translations (and, meanwhile, the API client's chunk); the tenant
 * settings from the BFF (`/api/client-config`, the bundle holds none); MSAL initialized and any
 * redirect response processed; then the app.
 */
async function start(root: Root): Promise<void> {
  preloadConsoleIfSignedInLikely();
  const startApi = import("./app/start-api");
  // Awaited below inside the try; until then a failure must not count as unhandled.
  startApi.catch(() => undefined);
  const i18n = await initI18n();
  const retry = () => {
    void start(root);
  };
  root.render(<FullPageSpinner label={i18n.t("startup.loading")} />);
  try {
    const { configureApiClient, getClientConfig } = await startApi;
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
      <Suspense fallback={<FullPageSpinner label={i18n.t("startup.loading")} />}>
        <StartupErrorScreen error={error} onRetry={retry} />
      </Suspense>,
    );
  }
}

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
void start(createRoot(container));
