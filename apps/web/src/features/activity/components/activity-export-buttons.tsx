import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { api, type ActionFilter } from "@ihc/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../../components/error-panel";
import { downloadApiFile } from "../../../lib/api-client";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Export of what the filter selects, streamed by the BFF (issue #18, 2). */
export function ActivityExportButtons({ filter }: { filter: ActionFilter }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const download = useMutation({
    mutationFn: (format: "csv" | "jsonl") =>
      downloadApiFile(
        format === "csv" ? api.actionsExportCsv : api.actionsExportJsonl,
        filter,
        `activity.${format}`,
      ),
  });
  const busy = download.isPending;
  return (
    <>
      <div className={styles.root}>
        <Button
          icon={
            busy && download.variables === "csv" ? (
              <Spinner size="tiny" />
            ) : (
              <ArrowDownloadRegular />
            )
          }
          disabledFocusable={busy}
          onClick={() => {
            download.mutate("csv");
          }}
        >
          {t("activity.export.csv")}
        </Button>
        <Button
          icon={
            busy && download.variables === "jsonl" ? (
              <Spinner size="tiny" />
            ) : (
              <ArrowDownloadRegular />
            )
          }
          disabledFocusable={busy}
          onClick={() => {
            download.mutate("jsonl");
          }}
        >
          {t("activity.export.jsonl")}
        </Button>
      </div>
      {download.isError ? (
        <ErrorPanel
          error={download.error}
          headingLevel={2}
          onRetry={() => {
            download.mutate(download.variables);
          }}
        />
      ) : null}
    </>
  );
}
