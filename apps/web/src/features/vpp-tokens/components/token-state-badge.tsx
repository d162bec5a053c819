import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import {
  CheckmarkCircle16Regular,
  ErrorCircle16Regular,
  QuestionCircle16Regular,
  Warning16Regular,
} from "@fluentui/react-icons";
import type { VppToken } from "@ihc/contracts";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { graphEnumLabel } from "../../../lib/graph-enum-label";

const looks: Record<
  VppToken["state"],
  { color: NonNullable<BadgeProps["color"]>; icon: ReactElement }
> = {
  valid: { color: "success", icon: <CheckmarkCircle16Regular /> },
  expired: { color: "danger", icon: <ErrorCircle16Regular /> },
  invalid: { color: "danger", icon: <ErrorCircle16Regular /> },
  assignedToExternalMDM: { color: "warning", icon: <Warning16Regular /> },
  duplicateLocationId: { color: "warning", icon: <Warning16Regular /> },
  unknown: { color: "subtle", icon: <QuestionCircle16Regular /> },
};

const useStyles = makeStyles({
  wrap: {
    height: "auto",
    minHeight: "20px",
    whiteSpace: "normal",
    // Graph's raw value in "Unknown (revokedByApple)" is one long word: break it, never spill.
    maxWidth: "100%",
    overflowWrap: "anywhere",
    paddingTop: "1px",
    paddingBottom: "1px",
  },
});

/** Graph's token state in plain words, with colour and icon; a state we don't know as Graph says. */
export function TokenStateBadge({ token }: { token: Pick<VppToken, "state" | "unrecognized"> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const look = looks[token.state];
  return (
    <Badge
      className={styles.wrap}
      appearance="tint"
      shape="rounded"
      color={look.color}
      icon={look.icon}
    >
      {graphEnumLabel(t, token, "state", t(`vppTokens.states.${token.state}`))}
    </Badge>
  );
}
