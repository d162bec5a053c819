import { createHash } from "node:crypto";

const styles = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: Canvas; color: CanvasText; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  p { line-height: 1.5; }
  ul { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: 0.75rem; }
  button { width: 100%; text-align: start; font: inherit; padding: 0.75rem 1rem; cursor: pointer;
    border: 1px solid GrayText; border-radius: 0.5rem; background: Canvas; color: CanvasText; }
  button:hover { border-color: CanvasText; }
  button:focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
  .name { display: block; font-weight: 600; }
  .upn, .roles { display: block; font-size: 0.9rem; }
  .hint { padding: 0.5rem 0.75rem; border-inline-start: 4px solid GrayText; }
`;

/** Lets the page's CSP allow exactly this stylesheet instead of any inline style. */
export const styleCspSource = `'sha256-${createHash("sha256").update(styles).digest("base64")}'`;

/** A complete, script-free HTML document; callers pass already-escaped body markup. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
