import { DevicePage } from "../../features/devices/components/device-page";

export default function DeviceRoute() {
  return <DevicePage />;
}
