/**
 * @jest-environment jsdom
 */
import "./support/jsdomGlobals";
import { pressEscape } from "./support/nativeDialog";
import { confirmDialog, notify, paragraphs, workDialog } from "../../src/desktop/dialogs";

const MARKUP = '<img src=x onerror="alert(1)">';
const openDialog = () => document.querySelector<HTMLDialogElement>("dialog.followup-dialog");
function theDialog(): HTMLDialogElement {
  const dialog = openDialog();
  if (!dialog) throw new Error("no dialog open");
  return dialog;
}

beforeEach(() => document.body.replaceChildren());

describe("confirmDialog (native <dialog>, no kintone-ui-component)", () => {
  it("shows title and body as text, Cancel then OK, focus on Cancel; OK resolves true and removes it", async () => {
    const answer = confirmDialog("ja", MARKUP, paragraphs(MARKUP), "実行する");
    const dialog = openDialog();
    expect(dialog?.open).toBe(true);
    expect(dialog?.querySelector("img")).toBeNull();
    expect(dialog?.querySelector(".followup-dialog-title")?.textContent).toBe(MARKUP);
    const buttons = [...(dialog?.querySelectorAll(".followup-dialog-footer button") ?? [])];
    expect(buttons.map((b) => b.textContent)).toEqual(["キャンセル", "実行する"]);
    expect(document.activeElement).toBe(buttons[0]);
    document.querySelector<HTMLElement>(".followup-dialog-ok")?.click();
    await expect(answer).resolves.toBe(true);
    expect(openDialog()).toBeNull();
  });

  it("Esc cancels: resolves false and the dialog is gone", async () => {
    const answer = confirmDialog("en", "Draw", paragraphs("Sure?"), "Draw");
    pressEscape(theDialog());
    await expect(answer).resolves.toBe(false);
    expect(openDialog()).toBeNull();
  });
});

describe("workDialog", () => {
  it("keeps Close disabled and ignores Esc while the work runs; closes once finished", async () => {
    const work = workDialog("ja", "審査", paragraphs("書き込み中…"));
    const close = theDialog().querySelector(".followup-dialog-close") as HTMLButtonElement;
    expect(close.disabled).toBe(true);
    pressEscape(theDialog());
    expect(openDialog()?.open).toBe(true);
    const closed = work.finish("success");
    expect(close.disabled).toBe(false);
    expect(openDialog()?.dataset.icon).toBe("success");
    close.click();
    await closed;
    expect(openDialog()).toBeNull();
  });
});

describe("notify", () => {
  it("puts the text in as text; an error stays until closed, other notices go after 8 s", () => {
    jest.useFakeTimers();
    try {
      notify(MARKUP, "danger");
      notify("保存しました", "info");
      const notices = () => [...document.querySelectorAll(".followup-notification")];
      expect(notices().map((n) => n.querySelector("p")?.textContent)).toEqual([
        MARKUP,
        "保存しました",
      ]);
      expect(document.querySelector(".followup-notification img")).toBeNull();
      expect(notices()[0]?.getAttribute("role")).toBe("alert");
      jest.advanceTimersByTime(8000);
      expect(notices()).toHaveLength(1);
      notices()[0]?.querySelector<HTMLElement>(".followup-notification-close")?.click();
      expect(notices()).toHaveLength(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
