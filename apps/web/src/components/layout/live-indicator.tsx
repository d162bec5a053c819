import { Caption1, makeStyles, mergeClasses, tokens, Tooltip } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useEventStreamStatus } from "../../lib/event-stream";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground2,
    cursor: "default",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  dot: { width: "8px", height: "8px", borderRadius: tokens.borderRadiusCircular, flexShrink: 0 },
  live: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  waiting: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  off: { backgroundColor: tokens.colorNeutralForeground4 },
});

/** A discreet "Live" in the header: whether what the page shows updates by itself right now. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useEventStreamStatus();
  if (status === "idle") return null;
  const view =
    status === "connected"
      ? { text: t("live.connected"), hint: t("live.connectedHint"), dot: styles.live }
      : status === "stopped"
        ? { text: t("live.stopped"), hint: t("live.stoppedHint"), dot: styles.off }
        : { text: t("live.reconnecting"), hint: t("live.reconnectingHint"), dot: styles.waiting };
  return (
    <Tooltip content={view.hint} relationship="description">
      {/* Focusable so keyboard users reach the explanation too. */}
      <span className={styles.root} tabIndex={0} role="status">
        <span className={mergeClasses(styles.dot, view.dot)} aria-hidden />
        <Caption1>{view.text}</Caption1>
      </span>
    </Tooltip>
  );
}
