import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

/** Marks a page that is not built yet, so an agent does not wait for content that won't come. */
export function ComingSoonNotice() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" layout="multiline" politeness="polite">
      <MessageBarBody>
        <MessageBarTitle>{t("pages.comingSoonTitle")}</MessageBarTitle>
        {t("pages.comingSoonBody")}
      </MessageBarBody>
    </MessageBar>
  );
}
