import { useTranslation } from "react-i18next";
import { ComingSoonNotice } from "../../../components/coming-soon-notice";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";

export function VppTokensPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader title={t("nav.vppTokens")} description={t("pages.vppTokens.description")} />
      <ComingSoonNotice />
    </PageLayout>
  );
}
