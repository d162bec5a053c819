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
  Spinner,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useEffect, useRef, type ReactElement, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DestructiveButton } from "./destructive-button";
import { SendingWaitNotice, type SendingWaitProps } from "./sending-wait-notice";
import { useFocusReturn } from "./use-focus-return";

const useStyles = makeStyles({
  surface: { maxWidth: "640px" },
  goesOn: { color: tokens.colorNeutralForeground3 },
  content: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will be affected, the options and the confirmation; the dialog's scrollable body. */
  children: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactElement;
  /** The confirm button in the danger colour, for actions that take something away. */
  destructive?: boolean;
  /** False until the agent has confirmed (e.g. typed the target's name). */
  canConfirm: boolean;
  /**
   * A request is in flight: the button shows a spinner. Cancel and Esc still close the dialog:
   * the request goes on, journaled, and its outcome shows in Activity.
   */
  submitting: boolean;
  /** The record this dialog's request makes: while it is held, the dialog says why and how long. */
  waitFor?: SendingWaitProps | undefined;
  onConfirm: () => void;
  onDismiss: () => void;
  /** What became of the last attempt (an error, "try again"): shown first and scrolled to. */
  feedback?: ReactNode | undefined;
  /**
   * Once the action was accepted: what became of it (live), instead of the form. Only "Close"
   * remains, and it takes the focus.
   */
  result?: ReactNode | undefined;
}

/**
 * The one way a destructive action is confirmed: a modal Fluent Dialog (focus trapped, title
 * announced) that Esc or Cancel closes at any time — closing never cancels a journaled action. Give the
 * component that renders it a new `key` for each opening, so each starts with fresh state (and
 * a fresh Idempotency-Key); keep it mounted while closed, so Fluent can close it cleanly.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  confirmIcon,
  destructive = false,
  canConfirm,
  submitting,
  waitFor,
  onConfirm,
  onDismiss,
  feedback,
  result,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const feedbackRef = useRef<HTMLDivElement>(null);
  const closeId = useId("confirm-dialog-close");
  const hasFeedback = feedback !== undefined;
  const hasResult = result !== undefined;
  useFocusReturn(open);
  useEffect(() => {
    // A long dialog scrolls: bring a failure into view instead of leaving it below the fold.
    if (hasFeedback) feedbackRef.current?.scrollIntoView({ block: "nearest" });
  }, [hasFeedback]);
  useEffect(() => {
    // The button that was clicked is gone: focus stays in the dialog, on the way out.
    if (hasResult) document.getElementById(closeId)?.focus();
  }, [hasResult, closeId]);
  const ConfirmButton = destructive ? DestructiveButton : Button;
  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_event, data) => {
        // A stray click beside the dialog must not throw away what the agent typed.
        if (data.open || data.type === "backdropClick") return;
        onDismiss();
      }}
    >
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {hasResult ? (
              result
            ) : (
              <>
                {submitting && waitFor !== undefined ? <SendingWaitNotice {...waitFor} /> : null}
                {submitting ? (
                  // Above the buttons' row, not in it: a long line there squeezed the buttons.
                  <Caption1 className={styles.goesOn}>{t("actionDialog.closingGoesOn")}</Caption1>
                ) : null}
                {hasFeedback ? <div ref={feedbackRef}>{feedback}</div> : null}
                {children}
              </>
            )}
          </DialogContent>
          {hasResult ? (
            <DialogActions>
              <Button id={closeId} appearance="primary" onClick={onDismiss}>
                {t("common.close")}
              </Button>
            </DialogActions>
          ) : (
            <DialogActions>
              <Button appearance="secondary" onClick={onDismiss}>
                {submitting ? t("common.close") : t("common.cancel")}
              </Button>
              <ConfirmButton
                appearance="primary"
                // Disabled but focusable: the button that was just clicked keeps focus when a
                // failure locks it, so focus (and Esc) stays in the dialog; clicks do nothing.
                disabledFocusable={submitting || !canConfirm}
                icon={submitting ? <Spinner size="tiny" aria-hidden /> : (confirmIcon ?? null)}
                onClick={onConfirm}
              >
                {confirmLabel}
              </ConfirmButton>
            </DialogActions>
          )}
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
