import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { EnrollmentProfile } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { CopyButton } from "../../../components/copy-button";
import { ErrorPanel } from "../../../components/error-panel";
import { useRevealedEnrollmentToken } from "../api/reveal-enrollment-token";
import { TokenExpiryCell } from "./token-expiry-cell";
import { useFocusReturn } from "../../../components/use-focus-return";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  value: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  expiry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", flexGrow: 1 },
});

/** Reads the token (the BFF records each reveal) and shows it with a copy button. */
export function RevealTokenDialog({
  profile,
  onDismiss,
}: {
  profile: EnrollmentProfile;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const query = useRevealedEnrollmentToken(profile.kind, profile.id);
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
            {query.isPending ? (
              <Spinner label={t("enrollmentProfiles.revealDialog.loading")} />
            ) : query.isError ? (
              <ErrorPanel error={query.error} headingLevel={3} />
            ) : (
              <>
                <div className={styles.value}>
                  <code className={styles.code}>{query.data.tokenValue}</code>
                  <CopyButton
                    value={query.data.tokenValue}
                    label={t("enrollmentProfiles.revealDialog.copy")}
                  />
                </div>
                <div className={styles.expiry}>
                  <Caption1 className={styles.muted}>
                    {t("enrollmentProfiles.columns.expiry")}
                  </Caption1>
                  <TokenExpiryCell expiration={query.data.tokenExpirationDateTime} />
                </div>
              </>
            )}
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
