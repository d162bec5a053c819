import { EnrollmentProfilesPage } from "../../features/enrollment-profiles/components/enrollment-profiles-page";

export default function EnrollmentProfilesRoute() {
  return <EnrollmentProfilesPage />;
}
