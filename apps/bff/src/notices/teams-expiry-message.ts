import { daysLeftOf, type ExpiryOverviewItem } from "@ihc/contracts";

/**
 * One expiring token as a Teams message: an Adaptive Card in a message attachment, the shape
 * Teams incoming webhooks (and the Workflows webhooks that replace Office 365 connectors) accept.
 * https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
 * Only what the console's expiry banner shows: name, kind, expiry, days left, a link. Never a
 * token's value.
 */
export const teamsExpiryMessage = (
  item: ExpiryOverviewItem,
  now: number,
  consoleOrigin: string,
): TeamsMessage => {
  const daysLeft = daysLeftOf(item.expiration, now);
  const kind =
    item.kind === "vpp"
      ? "Apple VPP token"
      : `Android Enterprise enrollment token (${profileKindName(item.profileKind)})`;
  const headline = item.expired
    ? `${kind} expired ${ago(daysLeft)}`
    : `${kind} expires ${within(daysLeft)}`;
  const link =
    item.kind === "vpp"
      ? `${consoleOrigin}/vpp-tokens/${encodeURIComponent(item.id)}`
      : `${consoleOrigin}/enrollment-profiles`;
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              text: headline,
              weight: "Bolder",
              size: "Medium",
              wrap: true,
              color: item.expired ? "Attention" : "Warning",
            },
            {
              type: "FactSet",
              facts: [
                { title: "Token", value: plain(item.displayName) },
                { title: "Kind", value: kind },
                { title: "Expiry date", value: utcDate(item.expiration) },
                { title: "Days left", value: String(Math.max(daysLeft, 0)) },
              ],
            },
          ],
          actions: [{ type: "Action.OpenUrl", title: "Open in the console", url: link }],
        },
      },
    ],
  };
};

export interface TeamsMessage {
  type: "message";
  attachments: {
    contentType: "application/vnd.microsoft.card.adaptive";
    contentUrl: null;
    content: Record<string, unknown>;
  }[];
}

const profileKindName = (kind: string): string =>
  kind === "androidDeviceOwner"
    ? "corporate-owned"
    : kind === "androidForWork"
      ? "work profile"
      : kind;

const within = (days: number): string => (days <= 1 ? "within a day" : `in ${String(days)} days`);

const ago = (daysLeft: number): string => {
  const days = -daysLeft;
  return days < 1 ? "today" : days === 1 ? "1 day ago" : `${String(days)} days ago`;
};

/** `2026-12-10 08:40 UTC`: the admins' channel may span time zones. */
const utcDate = (iso: string): string =>
  `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** A Graph display name as text: Teams renders Markdown in card text, so its marks are escaped. */
const plain = (text: string): string => text.replace(/[\\`*_{}[\]()#+!<>~|]/g, "\\$&");
