import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { Delete20Regular } from "@fluentui/react-icons";
import type { ReclaimableLicenseReport, ReclaimableToken } from "@ihc/contracts";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useTableStyles } from "../../../components/table-styles";
import { VisuallyHidden } from "../../../components/visually-hidden";
import { useMe } from "../../../lib/api/get-me";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { can } from "../../../lib/permissions";
import { appPath } from "../../../lib/route-paths";
import { useReclaimableLicenses } from "../api/get-reclaimable-licenses";
import { choiceOf, type LicenseChoice } from "./license-choice";
import { RevokeSelectionDialog } from "./revoke-selection-dialog";

const useOwnStyles = makeStyles({
  table: { minWidth: "820px" },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
  },
  token: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tokenHeading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  check: { width: "44px" },
  text: { margin: 0 },
});

interface Picked {
  app: { id: string; displayName: string };
  choice: LicenseChoice;
}

/** One bulk revoke per app: the dialogs open one after another. */
interface AppRevoke {
  app: { id: string; displayName: string };
  choices: LicenseChoice[];
}

const CSV_HEADER = [
  "vppTokenId",
  "vppToken",
  "appId",
  "app",
  "kind",
  "userPrincipalName",
  "userName",
  "userId",
  "deviceName",
  "managedDeviceId",
  "reasons",
];

const pickKey = (appId: string, choice: LicenseChoice) => `${appId.toLowerCase()}|${choice.key}`;

/** Every row of the report, in the page's order: what the CSV exports too. */
function rowsOf(report: ReclaimableLicenseReport) {
  return report.tokens.flatMap((token) =>
    token.apps.flatMap((app) =>
      app.licenses.map((license) => ({ token, app, license, choice: choiceOf(license) })),
    ),
  );
}

export function ReclaimPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader title={t("nav.reclaim")} description={t("pages.reclaim.description")} />
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner label={t("reclaim.loading")} />}>
          <ReclaimReport />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function ReclaimReport() {
  const { t, i18n } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const language = currentLanguage(i18n);
  const report = useReclaimableLicenses();
  const mayAct = can(useMe(), "apps:revoke");
  const [picked, setPicked] = useState<Map<string, Picked>>(() => new Map());
  const [queue, setQueue] = useState<AppRevoke[]>([]);
  const [openings, setOpenings] = useState(0);
  const rows = rowsOf(report);
  // A pick whose license has left the report (revoked meanwhile) no longer counts.
  const present = new Set(
    rows.flatMap((r) => (r.choice === undefined ? [] : [pickKey(r.app.appId, r.choice)])),
  );
  const selection = [...picked.entries()].filter(([key]) => present.has(key));

  const toggle = (key: string, value: Picked | undefined) => {
    setPicked((current) => {
      const next = new Map(current);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });
  };

  const revokeSelected = () => {
    const byApp = new Map<string, AppRevoke>();
    for (const [, { app, choice }] of selection) {
      const entry = byApp.get(app.id) ?? { app, choices: [] };
      entry.choices.push(choice);
      byApp.set(app.id, entry);
    }
    setOpenings((n) => n + 1);
    setQueue([...byApp.values()]);
  };
  const next = (accepted: boolean) => {
    const [current, ...rest] = queue;
    if (accepted && current !== undefined) {
      setPicked((map) => {
        const left = new Map(map);
        for (const choice of current.choices) left.delete(pickKey(current.app.id, choice));
        return left;
      });
    }
    setOpenings((n) => n + 1);
    setQueue(rest);
  };
  const current = queue[0];

  if (report.tokens.length === 0) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("reclaim.empty.title")}</MessageBarTitle>
          <Body1 className={styles.text}>
            {t("reclaim.empty.body", { apps: formatNumber(report.appsScanned, language) })}
          </Body1>
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <div className={styles.toolbar}>
        {mayAct ? (
          <Button
            appearance="primary"
            icon={<Delete20Regular />}
            disabled={selection.length === 0}
            onClick={revokeSelected}
          >
            {t("reclaim.revokeSelected", {
              count: selection.length,
              licenses: formatNumber(selection.length, language),
            })}
          </Button>
        ) : null}
        <ExportCsvButton
          name="reclaimable-licenses"
          header={CSV_HEADER}
          rows={() =>
            rows.map(({ token, app, license }) => [
              token.vppTokenId,
              token.vppTokenDisplayName,
              app.appId,
              app.appDisplayName,
              license.kind,
              license.userPrincipalName,
              license.userName,
              license.userId,
              license.deviceName,
              license.managedDeviceId,
              license.reasons.join(";"),
            ])
          }
        />
        <Caption1 className={styles.muted}>
          {t("reclaim.scanned", {
            apps: formatNumber(report.appsScanned, language),
            licenses: formatNumber(report.licensesScanned, language),
          })}
        </Caption1>
      </div>
      {report.tokens.map((token) => (
        <TokenSection
          key={token.vppTokenId ?? "none"}
          token={token}
          mayAct={mayAct}
          picked={picked}
          onToggle={toggle}
        />
      ))}
      {current === undefined ? null : (
        <RevokeSelectionDialog
          key={`reclaim-${String(openings)}`}
          open
          app={current.app}
          choices={current.choices}
          bulk
          onDismiss={() => {
            next(false);
          }}
          onAccepted={() => {
            next(true);
          }}
        />
      )}
    </>
  );
}

interface TokenSectionProps {
  token: ReclaimableToken;
  mayAct: boolean;
  picked: ReadonlyMap<string, Picked>;
  onToggle: (key: string, value: Picked | undefined) => void;
}

function TokenSection({ token, mayAct, picked, onToggle }: TokenSectionProps) {
  const { t, i18n } = useTranslation();
  const styles = useTableStyles(useOwnStyles());
  const language = currentLanguage(i18n);
  const name = token.vppTokenDisplayName ?? token.vppTokenId ?? t("reclaim.noToken");
  return (
    <section className={styles.token} aria-label={name}>
      <Subtitle2 as="h2" className={styles.tokenHeading}>
        {name}
        <Badge appearance="tint" color="warning">
          {t("reclaim.count", {
            count: token.reclaimableCount,
            licenses: formatNumber(token.reclaimableCount, language),
          })}
        </Badge>
      </Subtitle2>
      <div className={styles.scroller}>
        <Table className={styles.table} aria-label={t("reclaim.tableLabel", { token: name })}>
          <TableHeader>
            <TableRow>
              {mayAct ? (
                <TableHeaderCell className={styles.check}>
                  <VisuallyHidden>{t("reclaim.columns.select")}</VisuallyHidden>
                </TableHeaderCell>
              ) : null}
              <TableHeaderCell>{t("reclaim.columns.app")}</TableHeaderCell>
              <TableHeaderCell>{t("reclaim.columns.holder")}</TableHeaderCell>
              <TableHeaderCell>{t("reclaim.columns.kind")}</TableHeaderCell>
              <TableHeaderCell>{t("reclaim.columns.reason")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {token.apps.flatMap((app) =>
              app.licenses.map((license) => {
                const choice = choiceOf(license);
                const key = choice === undefined ? license.id : pickKey(app.appId, choice);
                const isPicked = picked.has(key);
                return (
                  <TableRow key={`${app.appId}-${license.id}`}>
                    {mayAct ? (
                      <TableCell className={styles.check}>
                        {choice === undefined ? null : (
                          <Checkbox
                            checked={isPicked}
                            aria-label={t("reclaim.selectLicense", {
                              who: choice.who,
                              app: app.appDisplayName,
                            })}
                            onChange={(_e, data) => {
                              onToggle(
                                key,
                                data.checked === true
                                  ? {
                                      app: { id: app.appId, displayName: app.appDisplayName },
                                      choice,
                                    }
                                  : undefined,
                              );
                            }}
                          />
                        )}
                      </TableCell>
                    ) : null}
                    <TableCell className={styles.cell}>
                      <Link className={styles.link} to={appPath(app.appId)}>
                        {app.appDisplayName}
                      </Link>
                    </TableCell>
                    <TableCell className={styles.cell}>
                      <div className={styles.stack}>
                        <Body1 className={styles.wrap}>{choice?.who ?? license.id}</Body1>
                        {choice?.detail === undefined ? null : (
                          <Caption1 className={styles.muted}>{choice.detail}</Caption1>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className={styles.cell}>
                      {t(`apps.licenses.kinds.${license.kind}`)}
                    </TableCell>
                    <TableCell className={styles.cell}>
                      {license.reasons.map((reason) => t(`reclaim.reasons.${reason}`)).join(", ")}
                    </TableCell>
                  </TableRow>
                );
              }),
            )}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
