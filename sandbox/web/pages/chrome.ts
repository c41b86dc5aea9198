import { appBase } from "./context";
import type { Bootstrap } from "../bootstrap";
import { h } from "../dom";
import { t } from "../text";

/** kintone's global header: product name, portal link and the login user. */
export function globalHeader(boot: Bootstrap): HTMLElement {
  return h(
    "header",
    { class: "sb-global-header" },
    h("a", { class: "sb-brand", href: boot.mobile ? "/k/m/" : "/k/" }, "kintone"),
    h("span", { class: "sb-brand-note" }, "sandbox"),
    h("span", { class: "sb-spacer-flex" }),
    h(
      "a",
      { class: "sb-device-switch", href: otherDeviceUrl(boot) },
      t(boot.mobile ? "desktopVersion" : "mobileVersion"),
    ),
    boot.loginUser ? h("span", { class: "sb-user" }, boot.loginUser.name) : null,
    boot.loginUser ? h("a", { class: "sb-logout", href: "/logout" }, t("logout")) : null,
  );
}

/** The app's title bar: icon, name and, for admins, the gear to the app's settings. */
export function appHeader(
  boot: Bootstrap,
  appName: string,
  tools: Array<HTMLElement | null> = [],
): HTMLElement {
  const listUrl = appBase(boot);
  return h(
    "div",
    { class: "sb-app-header" },
    h("span", { class: "sb-app-icon", "aria-hidden": "true" }),
    h("a", { class: "sb-app-name", href: listUrl }, appName),
    h("span", { class: "sb-spacer-flex" }),
    ...tools,
    boot.mobile || boot.rights?.manage === false
      ? null
      : h("a", {
          class: "sb-gear",
          href: `/k/admin/app/${boot.appId}/plugin/`,
          title: t("appSettings"),
          "aria-label": t("appSettings"),
        }),
  );
}

/** The red box at the top of a form that shows the record's error (kintone's `event.error`). */
export function errorBanner(): { element: HTMLElement; show(messages: string[]): void } {
  const element = h("div", { class: "sb-error-banner", role: "alert" });
  element.hidden = true;
  return {
    element,
    show(messages) {
      element.textContent = "";
      for (const message of messages) element.appendChild(h("div", {}, message));
      element.hidden = messages.length === 0;
    },
  };
}

export function pageRoot(): HTMLElement {
  const root = document.getElementById("sandbox-root");
  if (!root) throw new Error("page root missing");
  return root;
}

/** The same screen on the other device: `/k/1/show#record=5` ↔ `/k/m/1/show?record=5`. */
export function otherDeviceUrl(boot: Bootstrap): string {
  const record =
    new URLSearchParams(location.hash.replace(/^#/, "")).get("record") ??
    new URLSearchParams(location.search).get("record");
  let page = "";
  if (boot.page === "show") page = "show";
  else if (boot.page === "create" && !record) page = "edit";
  if (!boot.appId) return boot.mobile ? "/k/" : "/k/m/";
  const other = appBase(boot, !boot.mobile);
  if (boot.mobile) return `${other}${page}${page === "show" && record ? `#record=${record}` : ""}`;
  return `${other}${page}${page === "show" && record ? `?record=${record}` : ""}`;
}
