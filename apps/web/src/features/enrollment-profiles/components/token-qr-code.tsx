import { Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  image: {
    width: "220px",
    height: "220px",
    // White quiet zone around the code so a camera reads it in the dark theme too.
    backgroundColor: "#ffffff",
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What was drawn, for which content: another content shows the spinner until it is drawn. */
type QrState = { content: string } & ({ state: "ready"; url: string } | { state: "failed" });

/**
 * The QR code a device scans to enroll, drawn in the browser from the profile's `qrCodeContent`.
 * The `qrcode` library is imported here, when a dialog shows a token, so the initial bundle does
 * not carry it (ADR 0014, 0028).
 */
export function TokenQrCode({ content, profileName }: { content: string; profileName: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [drawn, setDrawn] = useState<QrState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    import("qrcode")
      .then((library) =>
        library.toDataURL(content, { errorCorrectionLevel: "M", margin: 1, width: 440 }),
      )
      .then((url) => {
        if (live) setDrawn({ content, state: "ready", url });
      })
      .catch(() => {
        if (live) setDrawn({ content, state: "failed" });
      });
    return () => {
      live = false;
    };
  }, [content]);
  const qr = drawn?.content === content ? drawn : undefined;
  if (qr === undefined) {
    return <Spinner size="small" label={t("enrollmentProfiles.qr.loading")} />;
  }
  if (qr.state === "failed") {
    return <Caption1 className={styles.muted}>{t("enrollmentProfiles.qr.failed")}</Caption1>;
  }
  return (
    <img
      className={styles.image}
      src={qr.url}
      alt={t("enrollmentProfiles.qr.alt", { name: profileName })}
    />
  );
}
