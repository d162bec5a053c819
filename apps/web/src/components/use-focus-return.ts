import { useEffect } from "react";

const DIALOG = '[role="dialog"], [role="alertdialog"]';

// The element focused last outside any dialog: the control that opened the dialog, since the
// dialog takes focus only after the click that opened it. Tracked once per document.
let lastOutside: HTMLElement | undefined;
let tracking = false;
function track(): void {
  if (tracking || typeof document === "undefined") return;
  tracking = true;
  document.addEventListener(
    "focusin",
    (event) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.closest(DIALOG) === null) lastOutside = target;
    },
    true,
  );
}
track();

/** The opener's ancestors, nearest first: where focus goes if the opener itself is gone. */
const ancestorsOf = (element: HTMLElement): HTMLElement[] => {
  const chain: HTMLElement[] = [];
  for (let e = element.parentElement; e !== null; e = e.parentElement) chain.push(e);
  return chain;
};

const PLACES = new Set(["table", "grid", "rowgroup", "region", "section", "main"]);

function returnFocus(element: HTMLElement, ancestors: readonly HTMLElement[]): void {
  // Fluent keeps the surface mounted (and focus trapped) while it animates out.
  let tries = 0;
  const timer = window.setInterval(() => {
    tries += 1;
    if (document.querySelector(DIALOG) !== null && tries < 50) return;
    window.clearInterval(timer);
    const active = document.activeElement;
    // The agent went on somewhere of their own (typing in a field) meanwhile: leave it there.
    // Fluent's focus history may have put it on any button: that one we take back.
    const choseElsewhere =
      active instanceof HTMLElement &&
      active !== document.body &&
      active.closest(DIALOG) === null &&
      !active.matches("button, [role='button'], a, [role='menuitem']");
    if (choseElsewhere) return;
    if (element.isConnected && !element.matches(":disabled")) {
      element.focus();
      return;
    }
    // A place that outlives its rows (the table, its scroller, the section, main): the row
    // itself may leave next (a revoked license), and a plain wrapper made focusable would
    // break the structure around it (a table's rowgroup).
    const place = ancestors.find(
      (e) =>
        e.isConnected &&
        (PLACES.has(e.getAttribute("role") ?? "") || PLACES.has(e.tagName.toLowerCase())),
    );
    if (place === undefined) return;
    if (!place.hasAttribute("tabindex")) place.setAttribute("tabindex", "-1");
    place.focus();
  }, 30);
}

/**
 * Focus returns to the control that opened the dialog once it has closed (WAI-ARIA APG dialog
 * pattern) — never to whatever Fluent's focus history last held ("Revoke all licenses…" after a
 * single revoke). If the opener has left the page (its row was revoked away) or is disabled now,
 * focus goes to the nearest place it was in that still is, never on to another control.
 */
export function useFocusReturn(open: boolean): void {
  useEffect(() => {
    if (!open) return undefined;
    track();
    const element = lastOutside;
    if (element === undefined) return undefined;
    const ancestors = ancestorsOf(element);
    // On closing, and on unmounting while open alike.
    return () => {
      returnFocus(element, ancestors);
    };
  }, [open]);
}
