import { VppTokensPage } from "../../features/vpp-tokens/components/vpp-tokens-page";

export default function VppTokensRoute() {
  return <VppTokensPage />;
}
