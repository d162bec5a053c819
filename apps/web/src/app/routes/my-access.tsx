import { MyAccessPage } from "../../features/my-access/components/my-access-page";

export default function MyAccessRoute() {
  return <MyAccessPage />;
}
