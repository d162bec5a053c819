import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowLeft16Regular, ArrowSync20Regular, Delete20Regular } from "@fluentui/react-icons";
import { GraphIdSchema, type ActionRecord, type VppToken } from "@ihc/contracts";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DestructiveButton } from "../../../components/destructive-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { PageSection } from "../../../components/page-section";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { useMe } from "../../../lib/api/get-me";
import { can } from "../../../lib/permissions";
import { routePaths } from "../../../lib/route-paths";
import { useVppToken } from "../api/get-vpp-token";
import { RevokeLicensesDialog } from "./revoke-licenses-dialog";
import { RevokeProgressPanel } from "./revoke-progress-panel";
import { SyncLicensesDialog } from "./sync-licenses-dialog";
import { TokenActionHistory } from "./token-action-history";
import { TokenFacts } from "./token-facts";
import { TokenImpact } from "./token-impact";
import { TokenJournal } from "./token-journal";

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
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 420px), 1fr))",
    gap: tokens.spacingHorizontalXXL,
    alignItems: "start",
  },
  card: {
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  text: { margin: 0 },
});

/** /vpp-tokens/:id — a token, what a revoke would touch, its latest revoke live, its history. */
export function VppTokenDetailPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { id = "" } = useParams();
  const valid = GraphIdSchema.safeParse(id).success;
  return (
    <PageLayout>
      <Link to={routePaths.vppTokens} className={styles.back}>
        <ArrowLeft16Regular aria-hidden />
        {t("vppTokens.detail.back")}
      </Link>
      {valid ? (
        <RegionErrorBoundary>
          <Suspense fallback={<Spinner label={t("vppTokens.detail.loading")} />}>
            <TokenDetail id={id} />
          </Suspense>
        </RegionErrorBoundary>
      ) : (
        <>
          <PageHeader title={t("vppTokens.detail.notFoundTitle")} />
          <Body1 as="p" className={styles.text}>
            {t("vppTokens.detail.notFoundBody")}
          </Body1>
        </>
      )}
    </PageLayout>
  );
}

function TokenDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { token, impact } = useVppToken(id);
  const me = useMe();
  const mayAct = can(me, "vpp:revoke");
  // A new key per opening: fresh form state and a fresh Idempotency-Key every time.
  const [dialog, setDialog] = useState<"revoke" | "sync" | undefined>(undefined);
  const [openings, setOpenings] = useState(0);
  // Marks the buttons that open a dialog: Fluent gives focus back to them when it closes.
  const [syncAccepted, setSyncAccepted] = useState<ActionRecord | undefined>(undefined);
  const openDialog = (kind: "revoke" | "sync") => {
    setOpenings((n) => n + 1);
    setDialog(kind);
  };
  const revokeButtonId = useId("revoke");
  const syncButtonId = useId("sync");
  const close = () => {
    const opener = dialog === "sync" ? syncButtonId : revokeButtonId;
    setDialog(undefined);
    // Fluent restores focus to the opener; if the focused control vanished first (e.g. "Try
    // again" replaced by the closing dialog), focus would fall to the page: catch that.
    window.setTimeout(() => {
      if (document.activeElement === document.body) document.getElementById(opener)?.focus();
    }, 300);
  };

  return (
    <>
      <PageHeader
        title={token.displayName}
        {...(token.organizationName === undefined ? {} : { description: token.organizationName })}
      />
      {mayAct ? (
        <div className={styles.toolbar}>
          <DestructiveButton
            id={revokeButtonId}
            icon={<Delete20Regular />}
            onClick={() => {
              openDialog("revoke");
            }}
          >
            {t("vppTokens.detail.revoke")}
          </DestructiveButton>
          <Button
            id={syncButtonId}
            appearance="secondary"
            icon={<ArrowSync20Regular />}
            onClick={() => {
              setSyncAccepted(undefined);
              openDialog("sync");
            }}
          >
            {t("vppTokens.detail.sync")}
          </Button>
        </div>
      ) : null}
      <TokenStateNotice token={token} />
      {syncAccepted ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("vppTokens.detail.syncAcceptedTitle")}</MessageBarTitle>
            {t("vppTokens.detail.syncAcceptedBody")}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner size="small" label={t("vppTokens.progress.loading")} />}>
          <RevokeProgressPanel token={token} />
        </Suspense>
      </RegionErrorBoundary>

      <div className={styles.columns}>
        <PageSection title={t("vppTokens.detail.factsTitle")} className={styles.card}>
          <TokenFacts token={token} />
        </PageSection>
        <PageSection title={t("vppTokens.detail.impactTitle")} className={styles.card}>
          <TokenImpact impact={impact} />
        </PageSection>
      </div>

      <PageSection title={t("vppTokens.detail.journalTitle")}>
        <RegionErrorBoundary fallback={SectionErrorFallback}>
          <Suspense fallback={<Spinner size="small" label={t("vppTokens.journal.loading")} />}>
            <TokenJournal tokenId={token.id} />
          </Suspense>
        </RegionErrorBoundary>
      </PageSection>

      <PageSection title={t("vppTokens.detail.historyTitle")}>
        <TokenActionHistory results={token.tokenActionResults} />
      </PageSection>

      <RevokeLicensesDialog
        key={`revoke-${String(openings)}`}
        open={dialog === "revoke"}
        token={token}
        impact={impact}
        onDismiss={close}
        onAccepted={close}
      />
      <SyncLicensesDialog
        key={`sync-${String(openings)}`}
        open={dialog === "sync"}
        token={token}
        onDismiss={close}
        onAccepted={(record) => {
          setSyncAccepted(record);
          close();
        }}
      />
    </>
  );
}

/** Says plainly when the token cannot work as it is, and what that means for the agent. */
function TokenStateNotice({ token }: { token: VppToken }) {
  const { t } = useTranslation();
  if (token.state === "valid" || token.state === "unknown") return null;
  const intent = token.state === "expired" || token.state === "invalid" ? "error" : "warning";
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(`vppTokens.stateNotice.${token.state}.title`)}</MessageBarTitle>
        {t(`vppTokens.stateNotice.${token.state}.body`)}
      </MessageBarBody>
    </MessageBar>
  );
}
