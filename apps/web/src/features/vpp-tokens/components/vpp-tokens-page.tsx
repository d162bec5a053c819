import {
  Body1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useVppTokens } from "../api/get-vpp-tokens";
import { VppTokenTable } from "./vpp-token-table";

const useStyles = makeStyles({ text: { margin: 0 } });

const VPP_TOKEN_CSV_HEADER = [
  "id",
  "displayName",
  "organizationName",
  "appleId",
  "state",
  "expirationDateTime",
  "lastSyncDateTime",
  "lastSyncStatus",
];

export function VppTokensPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader title={t("nav.vppTokens")} description={t("pages.vppTokens.description")} />
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner label={t("vppTokens.loading")} />}>
          <VppTokenList />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function VppTokenList() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useVppTokens();
  if (items.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("vppTokens.empty.title")}</MessageBarTitle>
          <Body1 className={styles.text}>{t("vppTokens.empty.body")}</Body1>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <ExportCsvButton
        name="vpp-tokens"
        header={VPP_TOKEN_CSV_HEADER}
        rows={() =>
          items.map((token) => [
            token.id,
            token.displayName,
            token.organizationName,
            token.appleId,
            token.state,
            token.expirationDateTime,
            token.lastSyncDateTime,
            token.lastSyncStatus,
          ])
        }
      />
      <VppTokenTable tokens={items} />
    </>
  );
}
