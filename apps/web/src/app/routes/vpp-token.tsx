import { VppTokenDetailPage } from "../../features/vpp-tokens/components/vpp-token-detail-page";

export default function VppTokenRoute() {
  return <VppTokenDetailPage />;
}
