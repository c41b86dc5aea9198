/**
 * The plugin settings page as plain DOM: every input registers where its value goes in the config
 * document (a dotted path) and gets an error line next to it, so each validation problem shows
 * beside the input that caused it.
 */
import { type Lang, type Localized, pick } from "../core/i18n";
import { japanWallClock } from "../core/settings/japanWallClock";
import { el } from "../desktop/dom";
import { CONFIG_TEXTS } from "./texts";

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

  private bind(
    path: string,
    label: string,
    node: HTMLElement,
    hint?: string,
    suffix?: string,
  ): HTMLElement {
    const error = this.register(path, node);
    return el(
      "div",
      { className: "kintoneplugin-row followup-config-row" },
      el("label", { className: "kintoneplugin-label", attrs: { for: node.id } }, label),
      hint ? el("div", { className: "kintoneplugin-desc" }, hint) : null,
      el(
        "div",
        { className: "kintoneplugin-input-outer" },
        node,
        suffix ? el("span", { className: "followup-config-suffix" }, suffix) : null,
      ),
      error,
    );
  }

  /** Records where the input's value goes and makes its error line. */
  private register(path: string, node: HTMLElement): HTMLElement {
    const error = el("div", {
      className: "followup-config-error",
      attrs: { "data-path": path, role: "alert" },
    });
    this.inputs.push({ path, node, error });
    node.setAttribute("data-path", path);
    node.id = `followup-input-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
    return error;
  }

  text(path: string, label: string, value: string, hint?: string): HTMLElement {
    const input = el("input", { className: "kintoneplugin-input-text", attrs: { type: "text" } });
    input.value = value;
    return this.bind(path, label, input, hint);
  }

  /** Several lines of text (one entry per line). */
  lines(path: string, label: string, value: string, hint?: string): HTMLElement {
    const input = el("textarea", {
      className: "kintoneplugin-input-text followup-config-lines",
      attrs: { rows: "5" },
    });
    input.value = value;
    return this.bind(path, label, input, hint);
  }

  /** A date and time in Japan time; `instant` is the stored ISO instant (any offset). */
  japanTime(path: string, label: string, instant: string, hint?: string): HTMLElement {
    const input = el("input", {
      className: "kintoneplugin-input-text followup-config-datetime",
      attrs: { type: "datetime-local" },
    });
    const wallClock = japanWallClock(instant);
    // Seconds are shown only when the stored instant has them.
    if (wallClock.length > 16) input.step = "1";
    input.value = wallClock;
    return this.bind(path, label, input, hint, this.t(CONFIG_TEXTS.jst));
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
    const error = this.register(path, input);
    return el(
      "div",
      { className: "kintoneplugin-row followup-config-row" },
      el(
        "div",
        { className: "kintoneplugin-input-checkbox-item" },
        input,
        el("label", { attrs: { for: input.id } }, label),
      ),
      error,
    );
  }

  /** The raw value of the input bound to `path`. */
  value(path: string): string | boolean | undefined {
    const input = this.inputs.find((i) => i.path === path)?.node;
    if (input instanceof HTMLInputElement && input.type === "checkbox") return input.checked;
    if (
      input instanceof HTMLInputElement ||
      input instanceof HTMLSelectElement ||
      input instanceof HTMLTextAreaElement
    ) {
      return input.value;
    }
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
