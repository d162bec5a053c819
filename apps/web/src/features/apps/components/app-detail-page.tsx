import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowLeft16Regular, Delete20Regular, DismissCircle20Regular } from "@fluentui/react-icons";
import {
  GraphIdSchema,
  MAX_BULK_LICENSES,
  type ActionRecord,
  type IosVppApp,
} from "@ihc/contracts";
import { Suspense, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DestructiveButton } from "../../../components/destructive-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { PageSection } from "../../../components/page-section";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useMe } from "../../../lib/api/get-me";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { can } from "../../../lib/permissions";
import { routePaths } from "../../../lib/route-paths";
import { useApp } from "../api/get-app";
import { useTargetActions } from "../../../lib/api/get-target-actions";
import { revokingKeysOf } from "../hooks/revoking-keys";
import { useLicensesRefresh } from "../hooks/use-licenses-refresh";
import { useUsedCountFollowUp } from "../hooks/use-used-count-follow-up";
import { AppActionCard } from "./app-action-card";
import { AppFacts } from "./app-facts";
import type { LicenseChoice } from "./license-choice";
import { LicenseList } from "./license-list";
import { RevokeAllDialog } from "./revoke-all-dialog";
import { RevokeSelectionDialog } from "./revoke-selection-dialog";

/** Recent revokes shown on the page; older ones are in Activity. */
const SHOWN_ACTIONS = 3;

const useStyles = makeStyles({
  back: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    alignSelf: "flex-start",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    ":hover": { textDecorationLine: "underline", color: tokens.colorBrandForegroundLinkHover },
  },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  card: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** /apps/:id — an iOS VPP app, its licenses, and the revokes taken on them, live. */
export function AppDetailPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = "" } = useParams();
  const valid = GraphIdSchema.safeParse(id).success;
  return (
    <PageLayout>
      <Link to={routePaths.apps} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {t("apps.detail.back")}
      </Link>
      {valid ? (
        <RegionErrorBoundary>
          <Suspense fallback={<Spinner label={t("apps.detail.loading")} />}>
            <AppDetail id={id} />
          </Suspense>
        </RegionErrorBoundary>
      ) : (
        <>
          <PageHeader title={t("apps.detail.notFoundTitle")} />
          <Body1 as="p" className={styles.text}>
            {t("apps.detail.notFoundBody")}
          </Body1>
        </>
      )}
    </PageLayout>
  );
}

type DialogState =
  | { kind: "selection"; choices: LicenseChoice[]; bulk: boolean; clearSelection: boolean }
  | { kind: "all" };

function AppDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const app = useApp(id);
  const me = useMe();
  const mayAct = can(me, "apps:revoke");
  const count = useUsedCountFollowUp(app);
  const [selected, setSelected] = useState<Map<string, LicenseChoice>>(() => new Map());
  // What the dialog shows stays while it animates out: closing must not flash "Revoke 0 licenses".
  const [dialog, setDialog] = useState<DialogState | undefined>(undefined);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [openings, setOpenings] = useState(0);
  // What the agent saw of a single license, by action id: the record holds only its id.
  const [subjects, setSubjects] = useState<Record<string, string>>({});
  // The count the agent saw when they opened the dialog: what a revoke's count follows from.
  const [seenCount, setSeenCount] = useState(app.usedLicenseCount);
  const open = (next: DialogState) => {
    setOpenings((n) => n + 1);
    setSeenCount(app.usedLicenseCount);
    setDialog(next);
    setDialogOpen(true);
  };
  const close = () => {
    setDialogOpen(false);
  };
  const accepted = (record: ActionRecord) => {
    count.follow(record.id, seenCount);
    if (dialog?.kind === "selection") {
      const [only] = dialog.choices;
      if (!dialog.bulk && only) setSubjects((s) => ({ ...s, [record.id]: only.who }));
      if (dialog.clearSelection) setSelected(new Map());
    }
    close();
  };
  const tooMany = selected.size > MAX_BULK_LICENSES;

  return (
    <>
      <PageHeader
        title={app.displayName}
        {...(app.publisher === undefined ? {} : { description: app.publisher })}
      />
      {mayAct ? (
        <div className={styles.toolbar}>
          <DestructiveButton
            icon={<Delete20Regular />}
            disabled={app.usedLicenseCount === 0}
            onClick={() => {
              open({ kind: "all" });
            }}
          >
            {t("apps.detail.revokeAll")}
          </DestructiveButton>
        </div>
      ) : null}

      <PageSection title={t("apps.detail.factsTitle")} className={styles.card}>
        <AppFacts app={app} countFreshness={count.freshness} />
      </PageSection>

      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner size="small" label={t("apps.progress.loading")} />}>
          <AppActions
            app={app}
            mayAct={mayAct}
            subjects={subjects}
            onRetry={(choices) => {
              open({ kind: "selection", choices, bulk: true, clearSelection: false });
            }}
            render={(revoking) => (
              <PageSection title={t("apps.detail.licensesTitle")}>
                {mayAct ? (
                  <div
                    className={styles.toolbar}
                    role="toolbar"
                    aria-label={t("apps.detail.selectionToolbar")}
                  >
                    <Body1 aria-live="polite">
                      {t("apps.detail.selected", {
                        count: selected.size,
                        selected: formatNumber(selected.size, language),
                      })}
                    </Body1>
                    <DestructiveButton
                      icon={<Delete20Regular />}
                      disabled={selected.size === 0 || tooMany}
                      onClick={() => {
                        open({
                          kind: "selection",
                          choices: [...selected.values()],
                          bulk: true,
                          clearSelection: true,
                        });
                      }}
                    >
                      {t("apps.detail.revokeSelected")}
                    </DestructiveButton>
                    <Button
                      appearance="subtle"
                      icon={<DismissCircle20Regular />}
                      disabled={selected.size === 0}
                      onClick={() => {
                        setSelected(new Map());
                      }}
                    >
                      {t("apps.detail.clearSelection")}
                    </Button>
                  </div>
                ) : null}
                {tooMany ? (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>
                      {t("apps.detail.tooMany", {
                        max: formatNumber(MAX_BULK_LICENSES, language),
                        selected: formatNumber(selected.size, language),
                      })}
                    </MessageBarBody>
                  </MessageBar>
                ) : null}
                <LicenseList
                  appId={app.id}
                  appName={app.displayName}
                  mayAct={mayAct}
                  selected={selected}
                  onSelectedChange={setSelected}
                  revoking={revoking}
                  onRevoke={(choice) => {
                    open({
                      kind: "selection",
                      choices: [choice],
                      bulk: false,
                      clearSelection: false,
                    });
                  }}
                />
              </PageSection>
            )}
          />
        </Suspense>
      </RegionErrorBoundary>

      <RevokeSelectionDialog
        key={`selection-${String(openings)}`}
        open={dialogOpen && dialog?.kind === "selection"}
        app={app}
        choices={dialog?.kind === "selection" ? dialog.choices : []}
        bulk={dialog?.kind === "selection" ? dialog.bulk : true}
        onDismiss={close}
        onAccepted={accepted}
      />
      <RevokeAllDialog
        key={`all-${String(openings)}`}
        open={dialogOpen && dialog?.kind === "all"}
        app={app}
        onDismiss={close}
        onAccepted={accepted}
      />
    </>
  );
}

interface AppActionsProps {
  app: IosVppApp;
  mayAct: boolean;
  subjects: Readonly<Record<string, string>>;
  onRetry: (choices: LicenseChoice[]) => void;
  /** The licenses section, given the licenses whose revoke is on its way. */
  render: (revoking: ReadonlySet<string>) => ReactNode;
}

/** The app's recent revokes from the journal (live through the event stream), then its licenses. */
function AppActions({ app, mayAct, subjects, onRetry, render }: AppActionsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useTargetActions({ type: "app", id: app.id });
  useLicensesRefresh(app, items);
  const recent = items.filter((action) => action.kind.startsWith("app.")).slice(0, SHOWN_ACTIONS);
  return (
    <>
      {recent.length === 0 ? null : (
        <PageSection title={t("apps.detail.actionsTitle")}>
          <div className={styles.actions}>
            {recent.map((action) => (
              <AppActionCard
                key={action.id}
                action={action}
                subject={subjects[action.id]}
                mayAct={mayAct}
                onRetry={onRetry}
              />
            ))}
          </div>
        </PageSection>
      )}
      {render(revokingKeysOf(items))}
    </>
  );
}
