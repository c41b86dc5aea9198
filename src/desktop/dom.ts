/** Small DOM builders. Text always goes in as text (textContent), never as markup. */
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A link that opens in a new tab; only http(s) and relative URLs are accepted. */
export function link(href: string, text: string, newTab = true): HTMLAnchorElement {
  const safe = /^(https?:\/\/|\/)/.test(href) ? href : "#";
  const anchor = el("a", { attrs: { href: safe } }, text);
  if (newTab) {
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer";
  }
  return anchor;
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * A button in kintone's look (plugin/css/desktop.css). Desktop builds its own controls instead of
 * kintone-ui-component: any KUC piece brings its ~7 KB base, over desktop.js's bundle budget (issue 16).
 */
export function newButton(
  text: string,
  props: { id?: string; className?: string; kind?: "normal" | "submit"; disabled?: boolean } = {},
): HTMLButtonElement {
  const kind = props.kind ?? "normal";
  const node = el(
    "button",
    {
      id: props.id,
      className: [`followup-button followup-button-${kind}`, props.className]
        .filter(Boolean)
        .join(" "),
      attrs: { type: "button" },
    },
    text,
  );
  node.disabled = props.disabled ?? false;
  return node;
}

/** A labelled one-line text input; the id goes on the input itself. */
export function textField(
  id: string,
  label: string,
): { field: HTMLElement; input: HTMLInputElement } {
  const input = el("input", { id, className: "followup-text-input", attrs: { type: "text" } });
  const field = el(
    "div",
    { className: "followup-text-field" },
    el("label", { attrs: { for: id } }, label),
    input,
  );
  return { field, input };
}
