/**
 * The plugin settings page as plain DOM: every input registers where its value goes in the config
 * document (a dotted path) and gets an error line next to it, so each validation problem shows
 * beside the input that caused it.
 */
import { type Lang, type Localized, pick } from "../core/i18n";
import { el } from "../desktop/dom";

export interface BoundInput {
  path: string;
  node: HTMLElement;
  error: HTMLElement;
}

export class ConfigForm {
  readonly inputs: BoundInput[] = [];

  constructor(readonly lang: Lang) {}

  t(text: Localized): string {
    return pick(this.lang, text);
  }

  private bind(path: string, label: string, node: HTMLElement, hint?: string): HTMLElement {
    const error = el("div", {
      className: "followup-config-error",
      attrs: { "data-path": path, role: "alert" },
    });
    this.inputs.push({ path, node, error });
    node.setAttribute("data-path", path);
    const id = `followup-input-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
    node.id = id;
    return el(
      "div",
      { className: "kintoneplugin-row followup-config-row" },
      el("label", { className: "kintoneplugin-label", attrs: { for: id } }, label),
      hint ? el("div", { className: "kintoneplugin-desc" }, hint) : null,
      el("div", { className: "kintoneplugin-input-outer" }, node),
      error,
    );
  }

  text(path: string, label: string, value: string, hint?: string): HTMLElement {
    const input = el("input", { className: "kintoneplugin-input-text", attrs: { type: "text" } });
    input.value = value;
    return this.bind(path, label, input, hint);
  }

  select(
    path: string,
    label: string,
    options: Array<{ value: string; text: string }>,
    value: string,
    hint?: string,
  ): HTMLElement {
    const select = el(
      "select",
      { className: "kintoneplugin-select" },
      ...options.map((o) => el("option", { attrs: { value: o.value } }, o.text)),
    );
    select.value = options.some((o) => o.value === value) ? value : (options[0]?.value ?? "");
    return this.bind(path, label, select, hint);
  }

  checkbox(path: string, label: string, checked: boolean): HTMLElement {
    const input = el("input", { attrs: { type: "checkbox" } });
    input.checked = checked;
    return this.bind(path, label, input);
  }

  /** The raw value of the input bound to `path`. */
  value(path: string): string | boolean | undefined {
    const input = this.inputs.find((i) => i.path === path)?.node;
    if (input instanceof HTMLInputElement && input.type === "checkbox") return input.checked;
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) return input.value;
    return undefined;
  }

  clearErrors(): void {
    for (const input of this.inputs) {
      input.error.textContent = "";
      input.node.classList.remove("followup-config-invalid");
    }
  }

  /**
   * Shows a problem next to the input of its path (or of the nearest enclosing path); returns false
   * when no input matches, so the caller lists it at the top.
   */
  showError(path: string, message: string): boolean {
    let target: BoundInput | undefined;
    for (let p = path; ; p = p.slice(0, Math.max(0, p.lastIndexOf(".")))) {
      target =
        this.inputs.find((i) => i.path === p) ??
        this.inputs.find((i) => p !== "" && i.path.startsWith(`${p}.`));
      if (target || p === "") break;
    }
    if (!target) return false;
    target.error.textContent = target.error.textContent
      ? `${target.error.textContent}\n${message}`
      : message;
    target.node.classList.add("followup-config-invalid");
    return true;
  }
}
