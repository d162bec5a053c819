import {
  Body1,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  SearchBox,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { IosVppApp } from "@ihc/contracts";
import { Suspense, useDeferredValue } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ExportCsvButton } from "../../../components/export-csv-button";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useApps } from "../api/get-apps";
import { AppTable, sortApps, type AppSort } from "./app-table";
import { appListViewOf, appListParamsOf } from "./app-list-view";

const useStyles = makeStyles({
  text: { margin: 0 },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalL,
  },
  search: { width: "320px", maxWidth: "100%" },
  token: { minWidth: "260px" },
  count: { color: tokens.colorNeutralForeground3 },
});

const ALL_TOKENS = "";

const APP_CSV_HEADER = [
  "id",
  "displayName",
  "publisher",
  "bundleId",
  "vppTokenDisplayName",
  "vppTokenId",
  "usedLicenseCount",
  "totalLicenseCount",
];

/** The text an app is found by: its name, publisher, bundle id and token. */
export function appMatches(app: IosVppApp, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (needle === "") return true;
  return [app.displayName, app.publisher, app.bundleId, app.vppTokenDisplayName].some((value) =>
    value?.toLocaleLowerCase().includes(needle),
  );
}

export function AppsPage() {
  const { t } = useTranslation();
  return (
    <PageLayout>
      <PageHeader title={t("nav.apps")} description={t("pages.apps.description")} />
      <RegionErrorBoundary fallback={SectionErrorFallback}>
        <Suspense fallback={<Spinner label={t("apps.loading")} />}>
          <AppList />
        </Suspense>
      </RegionErrorBoundary>
    </PageLayout>
  );
}

function AppList() {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const language = currentLanguage(i18n);
  const { items } = useApps();
  const [params, setParams] = useSearchParams();
  const view = appListViewOf(params);
  const { search, sort } = view;
  const tokenId = view.tokenId ?? ALL_TOKENS;
  // Typing replaces the history entry; a token or a sort is a step Back returns from.
  const setView = (patch: Partial<typeof view>, replace = false) => {
    setParams(appListParamsOf({ ...view, ...patch }), { replace });
  };
  const deferredSearch = useDeferredValue(search);
  const tokens = [
    ...new Map(
      items
        .filter((app) => app.vppTokenId !== undefined)
        .map((app) => [app.vppTokenId ?? "", app.vppTokenDisplayName ?? app.vppTokenId ?? ""]),
    ),
  ].sort((a, b) => a[1].localeCompare(b[1], language));

  if (items.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("apps.empty.title")}</MessageBarTitle>
          <Body1 className={styles.text}>{t("apps.empty.body")}</Body1>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const shown = items.filter(
    (app) =>
      (tokenId === ALL_TOKENS || app.vppTokenId === tokenId) && appMatches(app, deferredSearch),
  );
  const tokenLabel =
    tokenId === ALL_TOKENS
      ? t("apps.filters.allTokens")
      : tokens.find(([id]) => id === tokenId)?.[1];

  return (
    <>
      <div className={styles.filters} role="search">
        <Field label={t("apps.filters.search")}>
          <SearchBox
            className={styles.search}
            value={search}
            placeholder={t("apps.filters.searchPlaceholder")}
            onChange={(_event, data) => {
              setView({ search: data.value }, true);
            }}
          />
        </Field>
        <Field label={t("apps.filters.token")}>
          <Dropdown
            className={styles.token}
            value={tokenLabel ?? ""}
            selectedOptions={[tokenId]}
            onOptionSelect={(_event, data) => {
              const chosen = data.optionValue ?? ALL_TOKENS;
              setView({ tokenId: chosen === ALL_TOKENS ? undefined : chosen });
            }}
          >
            <Option value={ALL_TOKENS}>{t("apps.filters.allTokens")}</Option>
            {tokens.map(([id, name]) => (
              <Option key={id} value={id}>
                {name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Body1 className={styles.count} aria-live="polite">
          {t("apps.shown", {
            count: items.length,
            shown: formatNumber(shown.length, language),
            total: formatNumber(items.length, language),
          })}
        </Body1>
      </div>
      {shown.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("apps.noMatch.title")}</MessageBarTitle>
            <Body1 className={styles.text}>{t("apps.noMatch.body")}</Body1>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ExportCsvButton
            name="apps"
            header={APP_CSV_HEADER}
            rows={() =>
              sortApps(shown, sort.column, sort.direction, language).map((app) => [
                app.id,
                app.displayName,
                app.publisher,
                app.bundleId,
                app.vppTokenDisplayName,
                app.vppTokenId,
                app.usedLicenseCount,
                app.totalLicenseCount,
              ])
            }
          />
          <AppTable
            apps={shown}
            sort={sort}
            onSortChange={(next: AppSort) => {
              setView({ sort: next });
            }}
          />
        </>
      )}
    </>
  );
}
