import { Button, Spinner } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { api, type LicenseSortColumn } from "@ihc/contracts";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../../components/error-panel";
import type { TableSort } from "../../../components/use-sorted-rows";
import { downloadApiFile } from "../../../lib/api-client";

/**
 * "Export CSV" of an app's licenses as the search selects them: every page, streamed by the
 * BFF from Graph (the list loads pages as the agent scrolls; the file holds them all). A sorted
 * list is exported sorted the same way, by the BFF over every license (ADR 0032).
 */
export function LicenseExportButton({
  appId,
  search,
  sort,
}: {
  appId: string;
  search: string;
  sort: TableSort<LicenseSortColumn>;
}) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () =>
      downloadApiFile(
        api.appLicensesExportCsv,
        {
          ...(search === "" ? {} : { search }),
          ...(sort.column === undefined ? {} : { sort: sort.column, dir: sort.direction }),
        },
        "app-licenses.csv",
        { id: appId },
      ),
  });
  return (
    <>
      <Button
        icon={download.isPending ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
        disabledFocusable={download.isPending}
        onClick={() => {
          download.mutate();
        }}
      >
        {t("common.exportCsv")}
      </Button>
      {download.isError ? (
        <ErrorPanel
          error={download.error}
          headingLevel={3}
          onRetry={() => {
            download.mutate();
          }}
        />
      ) : null}
    </>
  );
}
