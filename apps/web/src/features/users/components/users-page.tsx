import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { MAX_USER_SEARCH_LENGTH, type UserSummary } from "@ihc/contracts";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorPanel } from "../../../components/error-panel";
import { PageHeader } from "../../../components/page-header";
import { PageLayout } from "../../../components/page-layout";
import { ApiError } from "../../../lib/api-error";
import { formatNumber } from "../../../lib/format";
import { currentLanguage } from "../../../lib/i18n";
import { userPath } from "../../../lib/route-paths";
import { useUserSearch } from "../api/search-users";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { UserSearchResults } from "./user-search-results";

/** How long typing must pause before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  search: { width: "100%", maxWidth: "560px" },
  summary: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "24px",
    color: tokens.colorNeutralForeground2,
  },
  text: { margin: 0 },
  quoted: { overflowWrap: "anywhere" },
});

/** Where the user page's "Back" returns to: this search. */
export interface FromSearchState {
  search: string;
}

/**
 * /users?q= — find anyone by the start of a name, UPN or mail. Typing is sent 250 ms after the
 * last keystroke; the URL keeps the search (replaced, not pushed) so Back from a person returns
 * here with the same results.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(() => params.get("q") ?? "");
  const search = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const tooLong = search.length > MAX_USER_SEARCH_LENGTH;
  const listRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    const inUrl = params.get("q") ?? "";
    if (inUrl === search) return;
    setParams(search === "" ? {} : { q: search }, { replace: true });
  }, [search, params, setParams]);

  const query = useUserSearch(search, search !== "" && !tooLong);
  const open = (user: UserSummary) => {
    const state: FromSearchState = { search };
    void navigate(userPath(user.id), { state });
  };

  return (
    <PageLayout>
      <PageHeader title={t("nav.users")} description={t("pages.users.description")} />
      <SearchBox
        className={styles.search}
        size="large"
        value={text}
        placeholder={t("users.search.placeholder")}
        aria-label={t("users.search.label")}
        aria-describedby="user-search-summary"
        autoComplete="off"
        spellCheck={false}
        onChange={(_event, data) => {
          setText(data.value);
        }}
        onKeyDown={(event) => {
          if ((event.key === "ArrowDown" || event.key === "Enter") && listRef.current) {
            event.preventDefault();
            listRef.current.focus();
          }
        }}
      />
      <SearchOutcome
        search={search}
        typing={text.trim() !== search}
        tooLong={tooLong}
        query={query}
        onOpen={open}
        listRef={listRef}
        styles={styles}
      />
    </PageLayout>
  );
}

interface SearchOutcomeProps {
  search: string;
  typing: boolean;
  tooLong: boolean;
  query: ReturnType<typeof useUserSearch>;
  onOpen: (user: UserSummary) => void;
  listRef: RefObject<HTMLDivElement | null>;
  styles: ReturnType<typeof useStyles>;
}

/** The one state the search is in: nothing typed, too long, failed, searching, none, results. */
function SearchOutcome({
  search,
  typing,
  tooLong,
  query,
  onOpen,
  listRef,
  styles,
}: SearchOutcomeProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const n = (value: number) => formatNumber(value, language);

  if (search === "") {
    return (
      <Body1 as="p" id="user-search-summary" className={styles.text}>
        {t("users.search.start")}
      </Body1>
    );
  }
  if (tooLong) {
    return (
      <MessageBar intent="warning" layout="multiline" id="user-search-summary">
        <MessageBarBody>
          <MessageBarTitle>{t("users.search.tooLongTitle")}</MessageBarTitle>
          {t("users.search.tooLong", { max: n(MAX_USER_SEARCH_LENGTH), length: n(search.length) })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (query.isError && !query.isFetching) {
    const refused = query.error instanceof ApiError && query.error.status === 400;
    return (
      <div id="user-search-summary">
        <ErrorPanel
          error={query.error}
          intro={refused ? t("users.search.refused") : t("users.search.failed")}
          onRetry={
            refused
              ? undefined
              : () => {
                  void query.refetch();
                }
          }
          headingLevel={2}
        />
      </div>
    );
  }
  const pages = query.data?.pages;
  if (pages === undefined) {
    return <Spinner id="user-search-summary" size="small" label={t("users.search.searching")} />;
  }
  const stale = query.isPlaceholderData;
  const users = pages.flatMap((page) => page.items);
  const total = pages[0]?.count;
  const busy = stale || typing;

  if (users.length === 0 && !busy) {
    return (
      <MessageBar
        intent="info"
        layout="multiline"
        id="user-search-summary"
        data-results-for={search}
      >
        <MessageBarBody>
          <MessageBarTitle>{t("users.search.noneTitle")}</MessageBarTitle>
          <span className={styles.quoted}>{t("users.search.none", { search })}</span>
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <>
      <div className={styles.summary}>
        <Caption1 id="user-search-summary" role="status">
          {busy
            ? t("users.search.searching")
            : total === undefined
              ? t("users.search.shown", { count: users.length, shown: n(users.length) })
              : t("users.search.count", {
                  count: total,
                  total: n(total),
                  shown: n(users.length),
                })}
        </Caption1>
        {busy ? <Spinner size="extra-tiny" aria-hidden /> : null}
      </div>
      {users.length === 0 ? null : (
        <UserSearchResults
          users={users}
          total={total}
          search={search}
          stale={stale}
          hasMore={query.hasNextPage}
          loadingMore={query.isFetchingNextPage}
          loadMore={() => {
            void query.fetchNextPage();
          }}
          onOpen={onOpen}
          label={t("users.search.resultsLabel", { search })}
          listRef={listRef}
        />
      )}
    </>
  );
}
