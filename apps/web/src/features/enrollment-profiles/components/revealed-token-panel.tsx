import {
  Button,
  Caption1,
  makeStaticStyles,
  makeStyles,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { Print20Regular } from "@fluentui/react-icons";
import type { EnrollmentProfile } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { CopyButton } from "../../../components/copy-button";
import { ErrorPanel } from "../../../components/error-panel";
import { useRevealedEnrollmentToken } from "../api/reveal-enrollment-token";
import { TokenExpiryCell } from "./token-expiry-cell";
import { TokenQrCode } from "./token-qr-code";

/**
 * Printing a shown token prints only the sheet: the QR code, the profile's name and the expiry
 * (the console, the dialog's buttons and the backdrop are hidden).
 */
const usePrintStyles = makeStaticStyles(`
@media print {
  body * { visibility: hidden !important; }
  [data-token-sheet], [data-token-sheet] * { visibility: visible !important; }
  [data-token-sheet] { position: fixed; inset: 0; padding: 24px; color: #000; background: #fff; }
  [data-token-sheet] [data-no-print] { display: none !important; }
}
`);

const useStyles = makeStyles({
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  value: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", flexGrow: 1 },
  qrRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalL,
  },
  facts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  expiry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The token of a profile read through the audited reveal (the BFF journals every read): its
 * value with a copy button, its QR code, its expiry, and "Print" for a sheet to hand out.
 */
export function RevealedTokenPanel({ profile }: { profile: EnrollmentProfile }) {
  const { t } = useTranslation();
  const styles = useStyles();
  usePrintStyles();
  const query = useRevealedEnrollmentToken(profile.kind, profile.id);
  if (query.isPending) return <Spinner label={t("enrollmentProfiles.revealDialog.loading")} />;
  if (query.isError) return <ErrorPanel error={query.error} headingLevel={3} />;
  const token = query.data;
  return (
    <section
      className={styles.sheet}
      data-token-sheet=""
      aria-label={t("enrollmentProfiles.qr.sheet", { name: profile.displayName })}
    >
      <div className={styles.value} data-no-print="">
        <code className={styles.code}>{token.tokenValue}</code>
        <CopyButton value={token.tokenValue} label={t("enrollmentProfiles.revealDialog.copy")} />
      </div>
      <div className={styles.qrRow}>
        {token.qrCodeContent === undefined || token.qrCodeContent === "" ? (
          <Caption1 className={styles.muted}>{t("enrollmentProfiles.qr.none")}</Caption1>
        ) : (
          <TokenQrCode content={token.qrCodeContent} profileName={profile.displayName} />
        )}
        <div className={styles.facts}>
          <Subtitle2>{profile.displayName}</Subtitle2>
          <div className={styles.expiry}>
            <Caption1 className={styles.muted}>{t("enrollmentProfiles.columns.expiry")}</Caption1>
            <TokenExpiryCell expiration={token.tokenExpirationDateTime} />
          </div>
          <div data-no-print="">
            <Button
              icon={<Print20Regular />}
              onClick={() => {
                window.print();
              }}
            >
              {t("enrollmentProfiles.qr.print")}
            </Button>
          </div>
        </div>
      </div>
    </section>
  );
}
