import type { ActionList } from "@ihc/contracts";
import type { InfiniteData } from "@tanstack/react-query";
import { upsertAction } from "../../../lib/action-records";
import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

type JournalPages = InfiniteData<ActionList, string | undefined>;

/** The Activity feature's part of the event stream: the journal, page by page. */
export const activityEventApplier: ActionEventApplier = {
  // A record goes where it is already listed, else at the top of the first page.
  onAction: (client, action) => {
    client.setQueryData<JournalPages>(actionKeys.journal(), (data) => {
      if (!data) return data;
      const pageIndex = data.pages.findIndex((page) => page.items.some((i) => i.id === action.id));
      const target = pageIndex === -1 ? 0 : pageIndex;
      return {
        ...data,
        pages: data.pages.map((page, i) =>
          i === target ? { ...page, items: upsertAction(page.items, action) } : page,
        ),
      };
    });
  },
  copiesOf: (client, id) =>
    client
      .getQueryData<JournalPages>(actionKeys.journal())
      ?.pages.flatMap((page) => page.items.filter((item) => item.id === id)) ?? [],
  onUnheldItems: (client) => {
    void client.invalidateQueries({ queryKey: actionKeys.journal() });
  },
  liveKeys: [actionKeys.journal()],
};
