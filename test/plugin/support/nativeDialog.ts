/**
 * jsdom has HTMLDialogElement but not its methods; these follow the HTML standard's steps that the
 * desktop dialogs rely on (showModal opens, close fires "close", Esc fires a cancelable "cancel"
 * and then closes). Test support only: the product uses the browser's own <dialog>.
 */
const proto = HTMLDialogElement.prototype;
if (typeof proto.showModal !== "function") {
  Object.assign(proto, {
    showModal(this: HTMLDialogElement) {
      if (!this.isConnected) throw new DOMException("not connected", "InvalidStateError");
      this.setAttribute("open", "");
    },
    close(this: HTMLDialogElement) {
      if (!this.hasAttribute("open")) return;
      this.removeAttribute("open");
      this.dispatchEvent(new Event("close"));
    },
  });
}

/** What the browser does when the user presses Esc in an open modal dialog. */
export function pressEscape(dialog: HTMLDialogElement): void {
  const cancel = new Event("cancel", { cancelable: true });
  if (dialog.dispatchEvent(cancel)) dialog.close();
}
