import { Badge } from "@fluentui/react-components";
import {
  ArrowSync16Regular,
  CheckmarkCircle16Regular,
  Clock16Regular,
  ErrorCircle16Regular,
  QuestionCircle16Regular,
} from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useBadgeStyles } from "../../../components/badge-styles";
import type { Look } from "../../../components/device-state-badges";
import type { DeviceRetireState } from "../hooks/retire-progress";

const retireLooks: Record<DeviceRetireState, Look> = {
  waiting: { color: "subtle", icon: <Clock16Regular /> },
  unknown: { color: "informative", icon: <QuestionCircle16Regular /> },
  retirePending: { color: "warning", icon: <ArrowSync16Regular /> },
  retired: { color: "success", icon: <CheckmarkCircle16Regular /> },
  failed: { color: "danger", icon: <ErrorCircle16Regular /> },
};

/** One device's place in a retire: waiting, retiring, retired (gone from Intune), failed… */
export function RetireStateBadge({ state }: { state: DeviceRetireState }) {
  const { t } = useTranslation();
  const styles = useBadgeStyles();
  const look = retireLooks[state];
  return (
    <Badge
      className={styles.wrap}
      appearance="tint"
      shape="rounded"
      color={look.color}
      icon={look.icon}
    >
      {t(`users.retireState.${state}`)}
    </Badge>
  );
}
