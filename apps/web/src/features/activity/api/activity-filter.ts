import { ACTION_FILTER_FIELDS, ActionFilterSchema, type ActionFilter } from "@ihc/contracts";

/**
 * Activity's filter as the URL keeps it (issue #18, 1): one search param per field, so a
 * filtered view can be bookmarked and sent to a colleague. A value the contract refuses is
 * dropped, not sent: a hand-edited URL shows the journal, never an error.
 */
export function activityFilterOf(params: URLSearchParams): ActionFilter {
  const filter: Record<string, string> = {};
  for (const field of ACTION_FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value === undefined || value === "") continue;
    const parsed = ActionFilterSchema.shape[field].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filter[field] = parsed.data;
  }
  // Each field was parsed by its own schema above.
  return ActionFilterSchema.parse(filter);
}

/** The filter as search params, in a fixed order (the same filter, the same URL). */
export function activitySearchOf(filter: ActionFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const field of ACTION_FILTER_FIELDS) {
    const value = filter[field];
    if (value !== undefined && value !== "") params.set(field, value);
  }
  return params;
}

export const isFiltered = (filter: ActionFilter): boolean =>
  ACTION_FILTER_FIELDS.some((field) => filter[field] !== undefined);
