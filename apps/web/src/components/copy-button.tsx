import { Button, makeStyles, Tooltip } from "@fluentui/react-components";
import { Checkmark16Regular, Copy16Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  status: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

type CopyState = "idle" | "copied" | "failed";

/** Copies a value (a request id) for the agent to paste into a ticket, and says it did. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => {
      setState("idle");
    }, 2500);
    return () => {
      window.clearTimeout(timer);
    };
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => {
        setState("copied");
      },
      () => {
        setState("failed");
      },
    );
  };

  const name = t("errors.copy", { label });
  return (
    <>
      <Tooltip content={name} relationship="label">
        <Button
          size="small"
          appearance="subtle"
          icon={state === "copied" ? <Checkmark16Regular /> : <Copy16Regular />}
          onClick={copy}
        />
      </Tooltip>
      <span className={styles.status} role="status">
        {state === "copied" ? t("errors.copied") : state === "failed" ? t("errors.copyFailed") : ""}
      </span>
    </>
  );
}
