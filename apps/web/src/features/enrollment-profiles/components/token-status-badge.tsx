import { Badge, type BadgeProps } from "@fluentui/react-components";
import {
  CheckmarkCircle16Regular,
  DismissCircle16Regular,
  ErrorCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { EnrollmentTokenStatus } from "@ihc/contracts";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";

const looks: Record<
  EnrollmentTokenStatus,
  { color: NonNullable<BadgeProps["color"]>; icon: ReactElement }
> = {
  active: { color: "success", icon: <CheckmarkCircle16Regular /> },
  expiring: { color: "warning", icon: <Warning16Regular /> },
  expired: { color: "danger", icon: <ErrorCircle16Regular /> },
  none: { color: "subtle", icon: <DismissCircle16Regular /> },
};

/** The token's status as the BFF computed it, in plain words with colour and icon. */
export function TokenStatusBadge({ status }: { status: EnrollmentTokenStatus }) {
  const { t } = useTranslation();
  const look = looks[status];
  return (
    <Badge appearance="tint" shape="rounded" color={look.color} icon={look.icon}>
      {t(`enrollmentProfiles.status.${status}`)}
    </Badge>
  );
}
