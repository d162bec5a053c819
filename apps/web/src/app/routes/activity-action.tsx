import { ActionDetailPage } from "../../features/activity/components/action-detail-page";

export default function ActivityActionRoute() {
  return <ActionDetailPage />;
}
