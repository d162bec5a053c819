import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { SignOut20Regular } from "@fluentui/react-icons";
import { AppRoles, type Me } from "@ihc/contracts";
import { useTranslation } from "react-i18next";
import { appRoleDescriptionKeys } from "../lib/app-role-words";
import { useSignOut } from "../lib/use-sign-out";
import { PageHeader } from "./page-header";
import { PageLayout } from "./page-layout";

const useStyles = makeStyles({
  text: { margin: 0, maxWidth: "70ch" },
  table: { maxWidth: "760px", backgroundColor: tokens.colorNeutralBackground1 },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
  },
  roleColumn: { width: "14rem" },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  roleName: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: "nowrap" },
  actions: { display: "flex" },
});

/**
 * Shown instead of the console to a signed-in user without `console:read`: what that means, who
 * can fix it (an administrator, by assigning an app role in Entra ID) and a way to sign out.
 */
export function NoAccessPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const signOut = useSignOut();
  return (
    <PageLayout>
      <PageHeader title={t("noAccess.title")} />
      <Body1 as="p" className={styles.text}>
        {t("noAccess.signedInAs", { user: me.userPrincipalName })}
      </Body1>
      {me.roles.length === 0 ? null : (
        <Body1 as="p" className={styles.text}>
          {t("noAccess.currentRoles", { roles: me.roles.join(", ") })}
        </Body1>
      )}
      <Body1 as="p" className={styles.text}>
        {t("noAccess.whatItMeans")}
      </Body1>
      <Table className={styles.table}>
        <caption className={styles.caption}>{t("noAccess.rolesCaption")}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={styles.roleColumn}>
              {t("noAccess.roleColumn")}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t("noAccess.allowsColumn")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {AppRoles.map((role) => (
            <TableRow key={role}>
              <TableCell className={mergeClasses(styles.cell, styles.roleName)}>{role}</TableCell>
              <TableCell className={styles.cell}>{t(appRoleDescriptionKeys[role])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Body1 as="p" className={styles.text}>
        {t("noAccess.afterAssignment")}
      </Body1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<SignOut20Regular />}
          disabled={signOut.isPending}
          onClick={() => {
            signOut.mutate();
          }}
        >
          {t("noAccess.signOut")}
        </Button>
      </div>
    </PageLayout>
  );
}
