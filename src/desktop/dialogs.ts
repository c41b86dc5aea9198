/**
 * Dialogs and notices of the desktop screens: a native <dialog> and plain DOM in kintone's look
 * (plugin/css/desktop.css), not kintone-ui-component — any KUC piece brings its ~7 KB base, over
 * desktop.js's bundle budget (issue 16). Content is always built as DOM nodes from text.
 */
import { type Lang, pick } from "../core/i18n";
import { el, newButton } from "./dom";

type Icon = "question" | "success" | "error" | "info";

/** A notice at the top of the screen; errors stay until closed, the others go after 8 seconds. */
export function notify(text: string, kind: "info" | "danger" | "success" = "info"): void {
  const close = el("button", {
    className: "followup-notification-close",
    attrs: { type: "button", "aria-label": "×" },
  });
  close.textContent = "×";
  const notice = el(
    "div",
    {
      className: `followup-notification followup-notification-${kind}`,
      attrs: { role: kind === "danger" ? "alert" : "status" },
    },
    el("p", { className: "followup-notification-text" }, text),
    close,
  );
  close.addEventListener("click", () => notice.remove());
  document.body.append(notice);
  if (kind !== "danger") setTimeout(() => notice.remove(), 8000);
}

/** Paragraphs of plain text. */
export function paragraphs(...lines: string[]): HTMLElement {
  return el(
    "div",
    { className: "followup-dialog-body" },
    ...lines.map((line) => el("p", {}, line)),
  );
}

/**
 * A modal: title, body, footer. Esc cancels (as the close event); it is removed from the page once
 * closed, so the next dialog's buttons are the only ones there. Focus goes to its text input if any,
 * else to the footer's first button.
 */
function modal(title: string, body: HTMLElement, footer: HTMLElement, icon?: Icon) {
  const dialog = el(
    "dialog",
    { className: "followup-dialog", attrs: { "aria-labelledby": "followup-dialog-title" } },
    el("h2", { className: "followup-dialog-title", id: "followup-dialog-title" }, title),
    body,
    footer,
  );
  const setIcon = (value: Icon | undefined) => {
    if (value) dialog.dataset.icon = value;
  };
  setIcon(icon);
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  (dialog.querySelector("input") ?? footer.querySelector("button"))?.focus();
  return { dialog, setIcon };
}

/** Asks before a change; resolves true on OK (Cancel and Esc resolve false). */
export function confirmDialog(
  lang: Lang,
  title: string,
  body: HTMLElement,
  okText: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const ok = newButton(okText, { kind: "submit", className: "followup-dialog-ok" });
    const cancel = newButton(pick(lang, { ja: "キャンセル", en: "Cancel" }), {
      className: "followup-dialog-cancel",
    });
    const footer = el("div", { className: "followup-dialog-footer" }, cancel, ok);
    const { dialog } = modal(title, body, footer, "question");
    let answered = false;
    const answer = (value: boolean) => {
      if (answered) return;
      answered = true;
      dialog.close();
      resolve(value);
    };
    ok.addEventListener("click", () => answer(true));
    cancel.addEventListener("click", () => answer(false));
    dialog.addEventListener("close", () => answer(false));
  });
}

/**
 * A dialog with a body that the caller updates (progress, then the result), closed by its button.
 * Esc does not close it while the work runs, so the outcome is not missed.
 */
export function workDialog(lang: Lang, title: string, body: HTMLElement) {
  const close = newButton(pick(lang, { ja: "閉じる", en: "Close" }), {
    disabled: true,
    className: "followup-dialog-close",
  });
  const footer = el("div", { className: "followup-dialog-footer" }, close);
  const { dialog, setIcon } = modal(title, body, footer);
  dialog.addEventListener("cancel", (event) => {
    if (close.disabled) event.preventDefault();
  });
  const closed = new Promise<void>((resolve) => {
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => resolve());
  });
  return {
    /** Lets the user close the dialog (after the work ended); resolves when closed. */
    finish(icon: "success" | "error" | "info" = "info"): Promise<void> {
      setIcon(icon);
      close.disabled = false;
      close.focus();
      return closed;
    },
  };
}

/** Offers a JSON document as a file download. */
export function downloadJson(fileName: string, document_: unknown): void {
  const blob = new Blob([JSON.stringify(document_, null, 2) + "\n"], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const anchor = el("a", { attrs: { href: url, download: fileName } });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
