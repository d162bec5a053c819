import { AppDetailPage } from "../../features/apps/components/app-detail-page";

export default function AppRoute() {
  return <AppDetailPage />;
}
