import { Badge, type BadgeProps } from "@fluentui/react-components";
import {
  CheckmarkCircle16Regular,
  Clock16Regular,
  DismissCircle16Regular,
  ErrorCircle16Regular,
  Info16Regular,
  QuestionCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { statusTone, type ActionStatus, type StatusTone } from "../lib/action-status";
import { graphEnumLabel, type WithUnrecognized } from "../lib/graph-enum-label";
import { useBadgeStyles } from "./badge-styles";

const badgeColor: Record<StatusTone, NonNullable<BadgeProps["color"]>> = {
  informative: "informative",
  brand: "brand",
  success: "success",
  warning: "warning",
  danger: "danger",
  subtle: "subtle",
};

const icons: Record<ActionStatus, ReactElement> = {
  recorded: <Info16Regular />,
  sending: <Clock16Regular />,
  pending: <Clock16Regular />,
  inProgress: <Clock16Regular />,
  unconfirmed: <QuestionCircle16Regular />,
  unwatched: <QuestionCircle16Regular />,
  succeeded: <CheckmarkCircle16Regular />,
  done: <CheckmarkCircle16Regular />,
  refused: <DismissCircle16Regular />,
  failed: <ErrorCircle16Regular />,
  canceled: <Warning16Regular />,
  notSupported: <Warning16Regular />,
  reassigned: <Warning16Regular />,
};

export interface ActionStatusBadgeProps {
  status: ActionStatus;
  /** Licenses that failed in a finished revoke: "Done" then shows as a warning. */
  failedCount?: number;
  size?: BadgeProps["size"];
  /** Graph's progress: an `actionState` this build does not know is named as Graph sent it. */
  progress?: WithUnrecognized | undefined;
}

/** Where an action stands, in a word with colour and icon (never colour alone). */
export function ActionStatusBadge({
  status,
  failedCount = 0,
  size = "medium",
  progress,
}: ActionStatusBadgeProps) {
  const { t } = useTranslation();
  const styles = useBadgeStyles();
  return (
    <Badge
      className={styles.wrap}
      appearance="tint"
      shape="rounded"
      size={size}
      color={badgeColor[statusTone(status, failedCount)]}
      icon={icons[status]}
    >
      {graphEnumLabel(t, progress, "actionState", t(`actionStatus.${status}`))}
    </Badge>
  );
}
