import { makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useQueryClient } from "@tanstack/react-query";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { useMe, useMeUpdatedAt } from "../../lib/api/get-me";
import { useEventStream } from "../../lib/event-stream";
import { can } from "../../lib/permissions";
import { NoAccessPage } from "../no-access-page";
import { RegionErrorBoundary } from "../region-error-boundary";
import { AppHeader } from "./app-header";
import { LiveIndicator } from "./live-indicator";
import { SideNav } from "./side-nav";
import { MAIN_CONTENT_ID, SkipLink } from "./skip-link";
import { UserMenu } from "./user-menu";
import { useActionNotices } from "./use-action-notices";
import { UserMenuFallback } from "./user-menu-fallback";

const useStyles = makeStyles({
  root: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  body: {
    flexGrow: 1,
    display: "flex",
    "@media (max-width: 720px)": { flexDirection: "column" },
  },
  main: {
    flexGrow: 1,
    minWidth: 0,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    "@media (max-width: 720px)": { padding: tokens.spacingHorizontalL },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

const renderNothing = () => null;

/**
 * The signed-in layout: header, navigation and main content are separate regions, each with its
 * own error boundary and loading state, so one failure never blanks the console.
 */
export function AppShell({ banner }: { banner?: ReactNode } = {}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const meUpdatedAt = useMeUpdatedAt();

  return (
    <div className={styles.root}>
      <SkipLink />
      <AppHeader>
        <LiveIndicator />
        <RegionErrorBoundary resetKeys={[meUpdatedAt]} fallback={UserMenuFallback}>
          <Suspense fallback={<Spinner size="tiny" label={t("userMenu.loading")} />}>
            <UserMenu />
          </Suspense>
        </RegionErrorBoundary>
      </AppHeader>
      <div className={styles.body}>
        <RegionErrorBoundary resetKeys={[meUpdatedAt]} fallback={renderNothing}>
          <Suspense fallback={null}>
            <SideNav />
          </Suspense>
        </RegionErrorBoundary>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className={styles.main}>
          <RegionErrorBoundary resetKeys={[meUpdatedAt]}>
            <Suspense fallback={<Spinner label={t("loading.access")} />}>
              <MainContent banner={banner} />
            </Suspense>
          </RegionErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/** The page, under the shell's banner (e.g. expiring tokens) for those who may read. */
function MainContent({ banner }: { banner: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const mayRead = can(me, "console:read");
  // One connection per tab, for as long as the agent may read the console (DESIGN §6.5).
  useEventStream(useQueryClient(), mayRead);
  useActionNotices(me.id);
  if (!mayRead) return <NoAccessPage me={me} />;
  return (
    <>
      {banner === undefined ? null : (
        <RegionErrorBoundary resetKeys={[pathname]} fallback={renderNothing}>
          <Suspense fallback={null}>{banner}</Suspense>
        </RegionErrorBoundary>
      )}
      <RegionErrorBoundary resetKeys={[pathname]}>
        <Suspense fallback={<Spinner label={t("loading.page")} />}>
          <Outlet />
        </Suspense>
      </RegionErrorBoundary>
    </>
  );
}
