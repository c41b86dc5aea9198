import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { t } from "../text";

/** kintone's login form; it posts to /login, which sets the session cookie. */
export function showLogin(boot: Bootstrap, root: HTMLElement): void {
  const failed = boot.loginFailed
    ? h("div", { class: "sb-error-banner", role: "alert" }, t("loginFailed"))
    : null;
  clear(root);
  root.append(
    h(
      "div",
      { class: "sb-login" },
      h("div", { class: "sb-login-brand" }, "kintone"),
      h("h1", {}, t("loginTitle")),
      failed,
      h(
        "form",
        { method: "post", action: "/login", class: "sb-login-form" },
        h("input", { type: "hidden", name: "redirect", value: boot.redirect ?? "/k/" }),
        h(
          "label",
          {},
          t("username"),
          h("input", {
            class: "sb-input",
            name: "username",
            autocomplete: "username",
            required: true,
          }),
        ),
        h(
          "label",
          {},
          t("password"),
          h("input", {
            class: "sb-input",
            name: "password",
            type: "password",
            autocomplete: "current-password",
            required: true,
          }),
        ),
        h(
          "button",
          { type: "submit", class: "sb-button sb-button-primary sb-login-submit" },
          t("login"),
        ),
      ),
    ),
  );
}
