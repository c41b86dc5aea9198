/**
 * Dialogs and notices of the desktop screens (KUC). Content is always built as DOM nodes from text,
 * because KUC does not escape `content` strings.
 */
import { Button } from "kintone-ui-component/lib/button";
import { Dialog } from "kintone-ui-component/lib/dialog";
import { Notification } from "kintone-ui-component/lib/notification";
import { type Lang, pick } from "../core/i18n";
import { el } from "./dom";

export function notify(text: string, kind: "info" | "danger" | "success" = "info"): void {
  new Notification({ text, type: kind, duration: kind === "danger" ? -1 : 8000 }).open();
}

/** Paragraphs of plain text. */
export function paragraphs(...lines: string[]): HTMLElement {
  return el(
    "div",
    { className: "followup-dialog-body" },
    ...lines.map((line) => el("p", {}, line)),
  );
}

/** Asks before a change; resolves true on OK. */
export function confirmDialog(
  lang: Lang,
  title: string,
  body: HTMLElement,
  okText: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const ok = new Button({ text: okText, type: "submit", className: "followup-dialog-ok" });
    const cancel = new Button({
      text: pick(lang, { ja: "キャンセル", en: "Cancel" }),
      type: "normal",
      className: "followup-dialog-cancel",
    });
    const footer = el("div", { className: "followup-dialog-footer" }, cancel, ok);
    const dialog = new Dialog({ title, content: body, footer, icon: "question" });
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
    dialog.open();
  });
}

/** A dialog with a body that the caller updates (progress, then the result), closed by its button. */
export function workDialog(lang: Lang, title: string, body: HTMLElement) {
  const close = new Button({
    text: pick(lang, { ja: "閉じる", en: "Close" }),
    type: "normal",
    disabled: true,
    className: "followup-dialog-close",
  });
  const footer = el("div", { className: "followup-dialog-footer" }, close);
  const dialog = new Dialog({ title, content: body, footer });
  const closed = new Promise<void>((resolve) => {
    close.addEventListener("click", () => {
      dialog.close();
      resolve();
    });
    dialog.addEventListener("close", () => resolve());
  });
  dialog.open();
  return {
    /** Lets the user close the dialog (after the work ended); resolves when closed. */
    finish(icon: "success" | "error" | "info" = "info"): Promise<void> {
      dialog.icon = icon;
      close.disabled = false;
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
