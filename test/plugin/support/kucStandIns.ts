/**
 * Stand-ins for the KUC components (KUC ships ES modules that jest's CommonJS runtime cannot load).
 * Each is a plain element with the same props the plugin sets; text props become text, never markup.
 */
export class Button extends HTMLElement {
  constructor(props: { id?: string; text?: string; disabled?: boolean; className?: string } = {}) {
    super();
    if (props.id) this.id = props.id;
    if (props.className) this.className = props.className;
    this.textContent = props.text ?? "";
    this.disabled = props.disabled ?? false;
  }
  disabled = false;
}
export class Text extends HTMLElement {
  value: string;
  constructor(props: { id?: string; value?: string } = {}) {
    super();
    if (props.id) this.id = props.id;
    this.value = props.value ?? "";
  }
}
export class Dialog extends HTMLElement {
  icon = "";
  constructor(props: { title?: string; content?: HTMLElement; footer?: HTMLElement } = {}) {
    super();
    this.className = "stand-in-dialog";
    this.setAttribute("data-title", props.title ?? "");
    if (props.content) this.append(props.content);
    if (props.footer) this.append(props.footer);
  }
  open() {
    document.body.append(this);
  }
  close() {
    this.remove();
  }
}
export class Notification extends HTMLElement {
  constructor(props: { text?: string } = {}) {
    super();
    this.textContent = props.text ?? "";
  }
  open() {
    document.body.append(this);
  }
}
customElements.define("stand-in-button", Button);
customElements.define("stand-in-text", Text);
customElements.define("stand-in-dialog", Dialog);
customElements.define("stand-in-notification", Notification);
