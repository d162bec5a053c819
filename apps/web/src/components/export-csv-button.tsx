import { Button, makeStyles } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { csvDocument } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { saveBlob } from "../lib/api-client";

// In a page's column of sections: as wide as its words, not the column.
const useStyles = makeStyles({ root: { alignSelf: "flex-start" } });

type Cell = string | number | boolean | undefined;

export interface ExportCsvButtonProps {
  /** The file's name without the date and extension, e.g. `vpp-tokens`. */
  name: string;
  header: readonly string[];
  /** The rows of what the page shows, built when the button is pressed. */
  rows: () => readonly (readonly Cell[])[];
}

/**
 * "Export CSV" of a small list the page already holds (issue #18, 2), built in the browser with
 * the same writer, escaping included, as the BFF's streamed exports (`@ihc/contracts` csv.ts).
 */
export function ExportCsvButton({ name, header, rows }: ExportCsvButtonProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Button
      className={styles.root}
      icon={<ArrowDownloadRegular />}
      onClick={() => {
        const stamp = new Date().toISOString().slice(0, 10);
        const blob = new Blob([csvDocument(header, rows())], { type: "text/csv;charset=utf-8" });
        saveBlob(blob, `${name}-${stamp}.csv`);
      }}
    >
      {t("common.exportCsv")}
    </Button>
  );
}
