import { ACTION_EXPORT_COLUMNS, type ActionRecord } from "@ihc/contracts";

type ExportColumn = (typeof ACTION_EXPORT_COLUMNS)[number];
type ExportRow = Record<ExportColumn, string | number | undefined>;

/**
 * A record as lines of `export.csv` (issue #18, 2): one line, or one per item of a bulk run
 * (each license or device with its own outcome and Graph request id).
 */
export const actionExportRows = (record: ActionRecord): (string | number | undefined)[][] => {
  const base: Omit<ExportRow, "subject" | "itemKind" | "itemId" | "itemState"> = {
    actionId: record.id,
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    kind: record.kind,
    state: record.state,
    actorUpn: record.actor.userPrincipalName,
    actorName: record.actor.displayName,
    targetType: record.target.type,
    targetId: record.target.id,
    targetName: record.target.displayName,
    reason: record.reason,
    graphRequestId: record.graph?.requestId,
    graphStatus: record.graph?.status,
    graphCode: record.graph?.code,
  };
  const rows: ExportRow[] =
    record.items !== undefined && record.items.length > 0
      ? record.items.map((item) => ({
          ...base,
          subject: item.label,
          itemKind: item.kind,
          itemId: item.id,
          itemState: item.state,
          graphRequestId: item.graph?.requestId,
          graphStatus: item.graph?.status,
          graphCode: item.graph?.code,
        }))
      : [
          {
            ...base,
            subject: (record.subjects ?? [])
              .map((s) => s.userPrincipalName ?? s.deviceName ?? s.serialNumber ?? s.id)
              .join("; "),
            itemKind: undefined,
            itemId: undefined,
            itemState: undefined,
          },
        ];
  return rows.map((row) => ACTION_EXPORT_COLUMNS.map((column) => row[column]));
};
