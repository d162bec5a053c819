import { useTranslation } from "react-i18next";
import { ComingSoonNotice } from "../../../components/coming-soon-notice";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";

export function EnrollmentProfilesPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader
        title={t("nav.enrollmentProfiles")}
        description={t("pages.enrollmentProfiles.description")}
      />
      <ComingSoonNotice />
    </PageLayout>
  );
}
