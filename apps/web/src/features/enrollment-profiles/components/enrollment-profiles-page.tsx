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
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { useEnrollmentProfiles } from "../api/get-enrollment-profiles";
import { EnrollmentProfileTable } from "./enrollment-profile-table";

const useStyles = makeStyles({ text: { margin: 0 } });

const PROFILE_CSV_HEADER = [
  "id",
  "displayName",
  "kind",
  "enrollmentMode",
  "tokenStatus",
  "tokenExpirationDateTime",
  "enrolledDeviceCount",
  "maskedToken",
];

export function EnrollmentProfilesPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader
        title={t("nav.enrollmentProfiles")}
        description={t("pages.enrollmentProfiles.description")}
      />
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner label={t("enrollmentProfiles.loading")} />}>
          <EnrollmentProfileList />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function EnrollmentProfileList() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useEnrollmentProfiles();
  if (items.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("enrollmentProfiles.empty.title")}</MessageBarTitle>
          <Body1 className={styles.text}>{t("enrollmentProfiles.empty.body")}</Body1>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <ExportCsvButton
        name="enrollment-profiles"
        header={PROFILE_CSV_HEADER}
        rows={() =>
          items.map((profile) => [
            profile.id,
            profile.displayName,
            profile.kind,
            profile.enrollmentMode,
            profile.tokenStatus,
            profile.tokenExpirationDateTime,
            profile.enrolledDeviceCount,
            profile.maskedToken,
          ])
        }
      />
      <EnrollmentProfileTable profiles={items} />
    </>
  );
}
