import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import type { EnrollmentProfile } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { RevealedTokenPanel } from "./revealed-token-panel";
import { useFocusReturn } from "../../../components/use-focus-return";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Reads the token (the BFF records each reveal) and shows it, its QR code and its expiry. */
export function RevealTokenDialog({
  profile,
  onDismiss,
}: {
  profile: EnrollmentProfile;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  useFocusReturn(true);
  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open) onDismiss();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t("enrollmentProfiles.revealDialog.title", { name: profile.displayName })}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("enrollmentProfiles.revealDialog.recorded")}</MessageBarBody>
            </MessageBar>
            <RevealedTokenPanel profile={profile} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onDismiss}>
              {t("enrollmentProfiles.revealDialog.close")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
