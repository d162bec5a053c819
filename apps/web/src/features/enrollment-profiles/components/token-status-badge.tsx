import { Badge } from "@fluentui/react-components";
import {
  CheckmarkCircle16Regular,
  DismissCircle16Regular,
  ErrorCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { EnrollmentTokenStatus } from "@ihc/contracts";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { tokenStatusLook } from "./token-status-look";

const icons: Record<EnrollmentTokenStatus, ReactElement> = {
  active: <CheckmarkCircle16Regular />,
  expiring: <Warning16Regular />,
  expired: <ErrorCircle16Regular />,
  none: <DismissCircle16Regular />,
};

/** The token's status as the BFF computed it, in plain words with colour and icon. */
export function TokenStatusBadge({ status }: { status: EnrollmentTokenStatus }) {
  const { t } = useTranslation();
  const look = tokenStatusLook(status);
  return (
    <Badge appearance="tint" shape="rounded" color={look.color} icon={icons[status]}>
      {t(look.label)}
    </Badge>
  );
}
