import type { ActionJournal } from "../actions/action-journal.js";
import type { Metrics } from "./metrics.js";

/**
 * The journal with each write timed and each state an action is put in counted; reads pass
 * through. Wraps the store the pipeline, the watchers and the queue all write through.
 */
export const measuredJournal = (journal: ActionJournal, metrics: Metrics): ActionJournal => {
  const timed = async <T>(operation: string, write: () => Promise<T>): Promise<T> => {
    const end = metrics.journalWriteSeconds.startTimer({ operation });
    try {
      return await write();
    } finally {
      end();
    }
  };
  const counted = (kind: string, state: string) => {
    metrics.actionStates.inc({ kind, state });
  };
  return {
    insert: async (record) => {
      const result = await timed("insert", () => journal.insert(record));
      if (result.created) counted(result.record.kind, result.record.state);
      return result;
    },
    update: async (id, patch) => {
      const record = await timed("update", () => journal.update(id, patch));
      if (patch.state !== undefined) counted(record.kind, record.state);
      return record;
    },
    replace: async (record) => {
      const stored = await timed("replace", () => journal.replace(record));
      counted(stored.kind, stored.state);
      return stored;
    },
    get: (id) => journal.get(id),
    findByKey: (actorOid, key) => journal.findByKey(actorOid, key),
    list: (query) => journal.list(query),
    listOpen: () => journal.listOpen(),
    close: () => journal.close(),
  };
};
