import { UserDetailPage } from "../../features/users/components/user-detail-page";

export default function UserRoute() {
  return <UserDetailPage />;
}
