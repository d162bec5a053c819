import "./full-page-spinner.css";

/**
 * Start-up and sign-in hand-overs: one calm spinner that says what is happening. Plain markup
 * and a stylesheet, no Fluent UI: it shows before any page is loaded, and Fluent stays out of
 * the initial download (bundle budget, ADR 0014). It looks like Fluent's large spinner.
 */
export function FullPageSpinner({ label }: { label: string }) {
  return (
    <main className="ihc-full-page-spinner">
      <div role="progressbar" aria-busy="true" aria-labelledby="ihc-full-page-spinner-label">
        <span className="ihc-full-page-spinner__ring" />
      </div>
      <span id="ihc-full-page-spinner-label">{label}</span>
    </main>
  );
}
