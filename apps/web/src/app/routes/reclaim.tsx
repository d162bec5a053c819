import { ReclaimPage } from "../../features/apps/components/reclaim-page";

export default function ReclaimRoute() {
  return <ReclaimPage />;
}
