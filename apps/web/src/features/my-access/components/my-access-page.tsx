import {
  Badge,
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import {
  ArrowClockwise20Regular,
  CheckmarkCircle16Regular,
  DismissCircle16Regular,
  ErrorCircle16Regular,
  QuestionCircle16Regular,
} from "@fluentui/react-icons";
import {
  AppRoles,
  IntunePermissions,
  intunePermissionLabels,
  type IntuneAccessState,
  type Me,
} from "@ihc/contracts";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { PageSection } from "../../../components/page-section";
import { useFreshMe } from "../../../lib/api/get-me";
import { appRoleDescriptionKeys, isAppRole } from "../../../lib/app-role-words";

const useStyles = makeStyles({
  text: { margin: 0, maxWidth: "70ch" },
  table: { maxWidth: "900px", backgroundColor: tokens.colorNeutralBackground1 },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingBottom: tokens.spacingVerticalS,
  },
  nameColumn: { width: "16rem" },
  stateColumn: { width: "11rem" },
  cell: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  roleName: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  badge: { height: "auto", minHeight: "20px", whiteSpace: "normal" },
  notice: { maxWidth: "900px" },
  actions: { display: "flex" },
});

type Look = { color: NonNullable<BadgeProps["color"]>; icon: ReactElement };

const intuneLooks: Record<IntuneAccessState, Look> = {
  granted: { color: "success", icon: <CheckmarkCircle16Regular /> },
  missing: { color: "danger", icon: <ErrorCircle16Regular /> },
  unknown: { color: "subtle", icon: <QuestionCircle16Regular /> },
};

/**
 * What the signed-in person may do: the console's app roles (from their token) and the Intune
 * permissions the BFF has learned from Intune's answers to their own requests (Intune offers no
 * delegated way to read one's effective permissions, so these start "not known yet").
 */
export function MyAccessPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { data: me, refetch, isFetching } = useFreshMe();
  return (
    <PageLayout>
      <PageHeader title={t("myAccess.title")} description={t("myAccess.description")} />
      <Body1 as="p" className={styles.text}>
        {t("myAccess.signedInAs", { user: me.userPrincipalName })}
      </Body1>
      <AppRolesSection me={me} />
      <IntuneSection me={me} />
      <div className={styles.actions}>
        <Button
          icon={<ArrowClockwise20Regular />}
          disabled={isFetching}
          onClick={() => {
            void refetch();
          }}
        >
          {t("myAccess.refresh")}
        </Button>
      </div>
    </PageLayout>
  );
}

function AppRolesSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const styles = useStyles();
  // Roles Entra ID issued that this console does not define: shown, so nothing is hidden.
  const otherRoles = me.roles.filter((role) => !isAppRole(role));
  return (
    <PageSection title={t("myAccess.appRoles.title")}>
      <Body1 as="p" className={styles.text}>
        {t("myAccess.appRoles.intro")}
      </Body1>
      <Table className={styles.table}>
        <caption className={styles.caption}>{t("myAccess.appRoles.caption")}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={styles.nameColumn}>
              {t("myAccess.appRoles.roleColumn")}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t("myAccess.appRoles.allowsColumn")}</TableHeaderCell>
            <TableHeaderCell scope="col" className={styles.stateColumn}>
              {t("myAccess.appRoles.yoursColumn")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {AppRoles.map((role) => {
            const assigned = me.roles.includes(role);
            return (
              <TableRow key={role}>
                <TableCell className={mergeClasses(styles.cell, styles.roleName)}>{role}</TableCell>
                <TableCell className={styles.cell}>{t(appRoleDescriptionKeys[role])}</TableCell>
                <TableCell className={styles.cell}>
                  <Badge
                    className={styles.badge}
                    appearance="tint"
                    shape="rounded"
                    color={assigned ? "success" : "subtle"}
                    icon={assigned ? <CheckmarkCircle16Regular /> : <DismissCircle16Regular />}
                  >
                    {assigned
                      ? t("myAccess.appRoles.assigned")
                      : t("myAccess.appRoles.notAssigned")}
                  </Badge>
                </TableCell>
              </TableRow>
            );
          })}
          {otherRoles.map((role) => (
            <TableRow key={role}>
              <TableCell className={mergeClasses(styles.cell, styles.roleName)}>
                <bdi>{role}</bdi>
              </TableCell>
              <TableCell className={styles.cell}>{t("myAccess.appRoles.otherRole")}</TableCell>
              <TableCell className={styles.cell}>
                <Badge
                  className={styles.badge}
                  appearance="tint"
                  shape="rounded"
                  color="informative"
                  icon={<CheckmarkCircle16Regular />}
                >
                  {t("myAccess.appRoles.assigned")}
                </Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </PageSection>
  );
}

function IntuneSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const stateOf = (permission: (typeof IntunePermissions)[number]): IntuneAccessState =>
    me.intuneAccess?.[permission] ?? "unknown";
  const missing = IntunePermissions.filter((permission) => stateOf(permission) === "missing");
  return (
    <PageSection title={t("myAccess.intune.title")}>
      <Body1 as="p" className={styles.text}>
        {t("myAccess.intune.intro")}
      </Body1>
      {me.intuneAccess === undefined ? (
        <Body1 as="p" className={styles.text}>
          {t("myAccess.intune.notReported")}
        </Body1>
      ) : null}
      {missing.length === 0 ? null : (
        <MessageBar intent="warning" layout="multiline" className={styles.notice}>
          <MessageBarBody>
            <MessageBarTitle>{t("myAccess.intune.missingTitle")}</MessageBarTitle>
            {t("myAccess.intune.missingBody", {
              count: missing.length,
              permissions: missing
                .map((permission) =>
                  t("myAccess.intune.quoted", { name: intunePermissionLabels[permission] }),
                )
                .join(", "),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Table className={styles.table}>
        <caption className={styles.caption}>{t("myAccess.intune.caption")}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className={styles.nameColumn}>
              {t("myAccess.intune.permissionColumn")}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t("myAccess.intune.neededForColumn")}</TableHeaderCell>
            <TableHeaderCell scope="col" className={styles.stateColumn}>
              {t("myAccess.intune.stateColumn")}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {IntunePermissions.map((permission) => {
            const state = stateOf(permission);
            const look = intuneLooks[state];
            return (
              <TableRow key={permission} data-intune-permission={permission}>
                <TableCell className={styles.cell}>{intunePermissionLabels[permission]}</TableCell>
                <TableCell className={styles.cell}>
                  {t(`myAccess.intune.purposes.${permission}`)}
                </TableCell>
                <TableCell className={styles.cell}>
                  <Badge
                    className={styles.badge}
                    appearance="tint"
                    shape="rounded"
                    color={look.color}
                    icon={look.icon}
                  >
                    {t(`myAccess.intune.states.${state}`)}
                  </Badge>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </PageSection>
  );
}
