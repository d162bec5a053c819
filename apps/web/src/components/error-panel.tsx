import { Body1, Button, makeStyles, Subtitle1, tokens, useId } from "@fluentui/react-components";
import { ArrowClockwise20Regular, ErrorCircle24Regular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { describeError } from "../lib/api-error";
import { formatDateTime } from "../lib/format";
import { currentLanguage } from "../lib/i18n";
import { CopyButton } from "./copy-button";
import { problemWords } from "./problem-words";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "70ch",
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorStatusDangerBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  icon: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  text: { margin: 0 },
  technical: { margin: 0, color: tokens.colorNeutralForeground3 },
  fields: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  meta: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  value: {
    margin: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    userSelect: "all",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface ErrorPanelProps {
  error: unknown;
  /** Without it, no "Try again" (e.g. a refusal that the same request cannot change). */
  onRetry?: (() => void) | undefined;
  /** What failed, in the agent's words (e.g. "This part of the console could not be shown"). */
  intro?: string | undefined;
  /** 1 for a page's main region; lower inside a page's sections and dialogs. */
  headingLevel?: 1 | 2 | 3 | undefined;
}

/**
 * A failure, readable: what went wrong in the agent's language, the server's explanation, the ids
 * support needs (copyable) and when it happened, and one way forward.
 */
export function ErrorPanel({ error, onRetry, intro, headingLevel = 1 }: ErrorPanelProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const headingId = useId("error-heading");
  const language = currentLanguage(i18n);
  const info = describeError(error, import.meta.env.DEV);
  const { heading, explanation } = problemWords(t, language, info, new Date());

  return (
    <section className={styles.root} role="alert" aria-labelledby={headingId}>
      <Subtitle1 as={`h${headingLevel}`} id={headingId} className={styles.heading}>
        <ErrorCircle24Regular className={styles.icon} aria-hidden />
        {heading}
      </Subtitle1>
      {intro === undefined ? null : (
        <Body1 as="p" className={styles.text}>
          {intro}
        </Body1>
      )}
      {explanation === undefined ? null : (
        <Body1 as="p" className={styles.text}>
          {explanation}
        </Body1>
      )}
      {explanation !== undefined || info.status === 0 ? null : (
        // No explanation from the server: the status line at least tells support where to look.
        <Body1 as="p" className={styles.technical}>
          HTTP {info.status} · {info.title}
        </Body1>
      )}
      {info.fields.length === 0 ? null : (
        <div>
          <Body1 as="p" className={styles.text}>
            {t("errors.fields")}
          </Body1>
          <ul className={styles.fields}>
            {info.fields.map((field) => (
              <li key={field.path}>
                <Body1>
                  <code className={styles.code}>{field.path}</code>: {field.message}
                </Body1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {info.retryAfterSeconds === undefined ? null : (
        <Body1 as="p" className={styles.text}>
          {t("errors.retryAfter", { count: info.retryAfterSeconds })}
        </Body1>
      )}
      {info.requestId === undefined && info.occurredAt === undefined ? null : (
        <dl className={styles.meta}>
          {info.requestId === undefined ? null : (
            <>
              <dt className={styles.term}>{t("errors.requestId")}</dt>
              <dd className={styles.value}>
                <code className={styles.code}>{info.requestId}</code>
                <CopyButton value={info.requestId} label={t("errors.requestId")} />
              </dd>
            </>
          )}
          {info.graphRequestId === undefined ? null : (
            <>
              <dt className={styles.term}>{t("errors.graphRequestId")}</dt>
              <dd className={styles.value}>
                <code className={styles.code}>{info.graphRequestId}</code>
                <CopyButton value={info.graphRequestId} label={t("errors.graphRequestId")} />
              </dd>
            </>
          )}
          {info.occurredAt === undefined ? null : (
            <>
              <dt className={styles.term}>{t("errors.occurredAt")}</dt>
              <dd className={styles.value}>
                <Body1>
                  <time dateTime={info.occurredAt.toISOString()}>
                    {formatDateTime(info.occurredAt, language, {
                      dateStyle: "medium",
                      timeStyle: "medium",
                    })}
                  </time>
                </Body1>
              </dd>
            </>
          )}
        </dl>
      )}
      {onRetry === undefined ? null : (
        <div className={styles.actions}>
          <Button appearance="primary" icon={<ArrowClockwise20Regular />} onClick={onRetry}>
            {t("errors.tryAgain")}
          </Button>
        </div>
      )}
    </section>
  );
}
