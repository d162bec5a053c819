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
import { Suspense, useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { RegionErrorBoundary } from "../../../components/region-error-boundary";
import { SectionErrorFallback } from "../../../components/section-error-fallback";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { useApps } from "../api/get-apps";
import { AppTable } from "./app-table";

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
  const [search, setSearch] = useState("");
  const [tokenId, setTokenId] = useState(ALL_TOKENS);
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
              setSearch(data.value);
            }}
          />
        </Field>
        <Field label={t("apps.filters.token")}>
          <Dropdown
            className={styles.token}
            value={tokenLabel ?? ""}
            selectedOptions={[tokenId]}
            onOptionSelect={(_event, data) => {
              setTokenId(data.optionValue ?? ALL_TOKENS);
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
        <AppTable apps={shown} />
      )}
    </>
  );
}
