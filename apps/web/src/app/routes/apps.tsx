import { AppsPage } from "../../features/apps/components/apps-page";

export default function AppsRoute() {
  return <AppsPage />;
}
