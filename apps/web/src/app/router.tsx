import { lazy } from "react";
import { Navigate, createBrowserRouter } from "react-router";
import { AppShell } from "../components/layout/app-shell";
import { NotFoundPage } from "../components/not-found-page";
import { RouteErrorPage } from "../components/route-error-page";
import { routePaths } from "../lib/route-paths";
import { ExpiryBanner } from "./expiry-banner";

const VppTokensRoute = lazy(() => import("./routes/vpp-tokens"));
const VppTokenRoute = lazy(() => import("./routes/vpp-token"));
const AppsRoute = lazy(() => import("./routes/apps"));
const AppRoute = lazy(() => import("./routes/app"));
const ReclaimRoute = lazy(() => import("./routes/reclaim"));
const EnrollmentProfilesRoute = lazy(() => import("./routes/enrollment-profiles"));
const UsersRoute = lazy(() => import("./routes/users"));
const UserRoute = lazy(() => import("./routes/user"));
const DeviceRoute = lazy(() => import("./routes/device"));
const ActivityRoute = lazy(() => import("./routes/activity"));
const ActivityActionRoute = lazy(() => import("./routes/activity-action"));
const MyAccessRoute = lazy(() => import("./routes/my-access"));

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppShell banner={<ExpiryBanner />} />,
      // Only if the shell itself fails to render; pages fail inside the shell's regions.
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={routePaths.vppTokens} replace /> },
        { path: routePaths.vppTokens, element: <VppTokensRoute /> },
        { path: routePaths.vppToken, element: <VppTokenRoute /> },
        { path: routePaths.apps, element: <AppsRoute /> },
        { path: routePaths.app, element: <AppRoute /> },
        { path: routePaths.reclaim, element: <ReclaimRoute /> },
        { path: routePaths.enrollmentProfiles, element: <EnrollmentProfilesRoute /> },
        { path: routePaths.users, element: <UsersRoute /> },
        { path: routePaths.user, element: <UserRoute /> },
        { path: routePaths.device, element: <DeviceRoute /> },
        { path: routePaths.activity, element: <ActivityRoute /> },
        { path: routePaths.activityAction, element: <ActivityActionRoute /> },
        { path: routePaths.myAccess, element: <MyAccessRoute /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
