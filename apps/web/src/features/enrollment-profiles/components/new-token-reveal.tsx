import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { QrCode20Regular } from "@fluentui/react-icons";
import type { ActionRecord, EnrollmentProfile } from "@ihc/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../lib/api/get-me";
import { useLiveAction } from "../../../lib/api/get-action";
import { can } from "../../../lib/permissions";
import { RevealedTokenPanel } from "./revealed-token-panel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * After a replace succeeded: "Show the new token and QR code", for an agent allowed to see it.
 * Showing it is the same audited reveal as the row's "Show token" (one journal record per read),
 * so it waits for the agent's click rather than reading the token on its own.
 */
export function NewTokenReveal({
  accepted,
  profile,
}: {
  accepted: ActionRecord;
  profile: EnrollmentProfile;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const me = useMe();
  const action = useLiveAction(accepted);
  const [shown, setShown] = useState(false);
  if (action.state !== "succeeded" || !can(me, "enrollment:reveal-token")) return null;
  if (shown) return <RevealedTokenPanel profile={profile} />;
  return (
    <div className={styles.root}>
      <div>
        <Button
          icon={<QrCode20Regular />}
          onClick={() => {
            setShown(true);
          }}
        >
          {t("enrollmentProfiles.qr.showNew")}
        </Button>
      </div>
      <Caption1 className={styles.muted}>{t("enrollmentProfiles.revealDialog.recorded")}</Caption1>
    </div>
  );
}
