import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { ActionKinds, ActionStates, type ActionFilter } from "@ihc/contracts";
import { useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";
import { activityFilterOf } from "../api/activity-filter";

const useStyles = makeStyles({
  form: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    alignItems: "end",
    gap: tokens.spacingHorizontalM,
  },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
  // Long action names must not widen a select past its column.
  select: { minWidth: 0, width: "100%" },
});

export interface ActivityFilterFormProps {
  filter: ActionFilter;
  /** Whether the actor field is offered (everyone's records are visible). */
  showActor: boolean;
  onApply: (filter: ActionFilter) => void;
}

type Draft = Record<keyof ActionFilter, string>;

const draftOf = (filter: ActionFilter): Draft => ({
  actor: filter.actor ?? "",
  kind: filter.kind ?? "",
  targetId: filter.targetId ?? "",
  subject: filter.subject ?? "",
  state: filter.state ?? "",
  from: filter.from?.slice(0, 10) ?? "",
  to: filter.to?.slice(0, 10) ?? "",
  q: filter.q ?? "",
  order: filter.order ?? "",
});

/**
 * Activity's filters (issue #18, 1). Applied together to the URL, which the journal query
 * reads; the store does the filtering.
 */
export function ActivityFilterForm({ filter, showActor, onApply }: ActivityFilterFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(filter));
  const set = (field: keyof Draft) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [field, value] of Object.entries(draft)) {
      if (value.trim() !== "") next[field] = value.trim();
    }
    // A value the contract refuses (a half-typed date) is left out, as in the URL.
    onApply(activityFilterOf(new URLSearchParams(next)));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t("activity.filters.label")}>
      {showActor ? (
        <Field label={t("activity.filters.actor")}>
          <Input
            value={draft.actor}
            placeholder={t("activity.filters.actorPlaceholder")}
            onChange={(_e, data) => {
              set("actor")(data.value);
            }}
          />
        </Field>
      ) : null}
      <Field label={t("activity.filters.kind")}>
        <Select
          className={styles.select}
          value={draft.kind}
          onChange={(_e, data) => {
            set("kind")(data.value);
          }}
        >
          <option value="">{t("activity.filters.anyKind")}</option>
          {ActionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`actionKinds.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("activity.filters.state")}>
        <Select
          className={styles.select}
          value={draft.state}
          onChange={(_e, data) => {
            set("state")(data.value);
          }}
        >
          <option value="">{t("activity.filters.anyState")}</option>
          {ActionStates.map((state) => (
            <option key={state} value={state}>
              {t(`activity.states.${state}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("activity.filters.subject")}>
        <Input
          value={draft.subject}
          placeholder={t("activity.filters.subjectPlaceholder")}
          onChange={(_e, data) => {
            set("subject")(data.value);
          }}
        />
      </Field>
      <Field label={t("activity.filters.text")}>
        <Input
          value={draft.q}
          placeholder={t("activity.filters.textPlaceholder")}
          onChange={(_e, data) => {
            set("q")(data.value);
          }}
        />
      </Field>
      <Field label={t("activity.filters.targetId")}>
        <Input
          value={draft.targetId}
          onChange={(_e, data) => {
            set("targetId")(data.value);
          }}
        />
      </Field>
      <Field label={t("activity.filters.from")}>
        <Input
          type="date"
          value={draft.from}
          onChange={(_e, data) => {
            set("from")(data.value);
          }}
        />
      </Field>
      <Field label={t("activity.filters.to")}>
        <Input
          type="date"
          value={draft.to}
          onChange={(_e, data) => {
            set("to")(data.value);
          }}
        />
      </Field>
      <Field label={t("activity.filters.order")}>
        <Select
          value={draft.order}
          onChange={(_e, data) => {
            set("order")(data.value);
          }}
        >
          <option value="">{t("activity.filters.newest")}</option>
          <option value="oldest">{t("activity.filters.oldest")}</option>
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary">
          {t("activity.filters.apply")}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setDraft(draftOf({}));
            onApply({});
          }}
        >
          {t("activity.filters.clear")}
        </Button>
      </div>
    </form>
  );
}
