import { ActivityPage } from "../../features/activity/components/activity-page";

export default function ActivityRoute() {
  return <ActivityPage />;
}
