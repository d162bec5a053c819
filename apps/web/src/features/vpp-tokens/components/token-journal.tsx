import { Body1, makeStyles } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ActionTable } from "../../../components/action-table";
import { useTargetActions } from "../../../lib/api/get-target-actions";

const useStyles = makeStyles({ text: { margin: 0 } });

/** The console's journal for this token: revokes and syncs, who asked, how they ended. */
export function TokenJournal({ tokenId }: { tokenId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { items } = useTargetActions({ type: "vppToken", id: tokenId });
  if (items.length === 0) {
    return (
      <Body1 as="p" className={styles.text}>
        {t("vppTokens.journal.empty")}
      </Body1>
    );
  }
  return (
    <ActionTable actions={items} label={t("vppTokens.journal.tableLabel")} showTarget={false} />
  );
}
