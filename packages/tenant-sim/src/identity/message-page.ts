import { escapeHtml, htmlPage } from "./html-page.js";

/** A plain page for outcomes with nowhere to redirect: a bad authorize request, signed out. */
export function messagePage(title: string, message: string, detail?: string): string {
  const detailHtml = detail === undefined ? "" : `\n<p><code>${escapeHtml(detail)}</code></p>`;
  return htmlPage(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>${detailHtml}`,
  );
}
