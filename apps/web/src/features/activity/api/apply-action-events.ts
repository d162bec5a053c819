import type { ActionList } from "@ihc/contracts";
import type { InfiniteData, QueryKey } from "@tanstack/react-query";
import { upsertAction } from "../../../lib/action-records";
import type { ActionEventApplier } from "../../../lib/console-event-cache";
import { actionKeys } from "../../../lib/query-keys";

type JournalPages = InfiniteData<ActionList, string | undefined>;

/** The unfiltered journal: `["actions", "journal"]`; a filtered one has the filter after it. */
const isUnfiltered = (key: QueryKey): boolean => key.length === actionKeys.journal().length;

/**
 * The Activity feature's part of the event stream: the journal, page by page. A record goes
 * where it is already listed; a new one goes at the top of the unfiltered journal, and a
 * filtered view that does not list it is read again (the BFF decides what matches).
 */
export const activityEventApplier: ActionEventApplier = {
  onAction: (client, action) => {
    for (const [key, data] of client.getQueriesData<JournalPages>({
      queryKey: actionKeys.journal(),
    })) {
      if (!data) continue;
      const pageIndex = data.pages.findIndex((page) => page.items.some((i) => i.id === action.id));
      if (pageIndex === -1 && !isUnfiltered(key)) {
        void client.invalidateQueries({ queryKey: key, exact: true });
        continue;
      }
      const target = pageIndex === -1 ? 0 : pageIndex;
      client.setQueryData<JournalPages>(key, {
        ...data,
        pages: data.pages.map((page, i) =>
          i === target ? { ...page, items: upsertAction(page.items, action) } : page,
        ),
      });
    }
  },
  copiesOf: (client, id) =>
    client
      .getQueriesData<JournalPages>({ queryKey: actionKeys.journal() })
      .flatMap(
        ([, data]) =>
          data?.pages.flatMap((page) => page.items.filter((item) => item.id === id)) ?? [],
      ),
  onUnheldItems: (client) => {
    void client.invalidateQueries({ queryKey: actionKeys.journal() });
  },
  liveKeys: [actionKeys.journal()],
};
