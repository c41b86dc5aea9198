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
