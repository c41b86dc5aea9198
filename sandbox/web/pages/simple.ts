import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { setScreen } from "../kintone/screen";
import { callApi } from "../rest";
import { t } from "../text";
import { loadApp } from "./appData";
import { appHeader, errorBanner, globalHeader } from "./chrome";
import { restErrorMessages } from "./form";

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

export async function showPortal(boot: Bootstrap, root: HTMLElement): Promise<void> {
  const banner = errorBanner();
  const list = h("ul", { class: "sb-app-list" });
  clear(root);
  root.append(
    globalHeader(boot),
    h(
      "div",
      { class: "sb-page sb-portal" },
      h("h1", { class: "sb-page-title" }, t("portal")),
      h("h2", {}, t("apps")),
      banner.element,
      list,
    ),
  );
  try {
    const answer = await callApi<{
      apps: Array<{ appId: string; name: string; description?: string }>;
    }>("/k/v1/apps", "GET", {});
    if (answer.apps.length === 0) list.appendChild(h("li", { class: "sb-muted" }, t("noApps")));
    for (const app of answer.apps) {
      list.appendChild(
        h(
          "li",
          { class: "sb-app-item" },
          h("span", { class: "sb-app-icon", "aria-hidden": "true" }),
          h("a", { href: boot.mobile ? `/k/m/${app.appId}/` : `/k/${app.appId}/` }, app.name),
        ),
      );
    }
  } catch (error) {
    banner.show(restErrorMessages(error).top);
  }
}

/** The app's plugin list (gear → プラグイン), with each plugin's settings link. */
export async function showPluginList(boot: Bootstrap, root: HTMLElement): Promise<void> {
  const appId = boot.appId ?? 0;
  const data = await loadApp(appId).catch(() => undefined);
  const plugins = boot.plugins ?? [];
  clear(root);
  root.append(
    globalHeader(boot),
    appHeader(boot, data?.app.name ?? String(appId)),
    h(
      "div",
      { class: "sb-page sb-plugin-list" },
      h("h1", { class: "sb-page-title" }, t("plugins")),
      plugins.length === 0
        ? h("div", { class: "sb-muted" }, t("noPlugins"))
        : h(
            "ul",
            {},
            ...plugins.map((plugin) =>
              h(
                "li",
                { class: "sb-plugin-item", dataset: { pluginId: plugin.id } },
                h("strong", {}, plugin.name),
                h("div", { class: "sb-muted" }, plugin.description),
                plugin.configured
                  ? null
                  : h("div", { class: "sb-field-error sb-not-configured" }, t("notConfigured")),
                plugin.hasConfig
                  ? h(
                      "a",
                      {
                        class: "sb-button",
                        href: `/k/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(plugin.id)}`,
                      },
                      t("settings"),
                    )
                  : null,
              ),
            ),
          ),
    ),
  );
}

/** Wraps the plugin's own config.html (already in the page, put there by the server) in kintone's chrome. */
export async function showPluginSettings(boot: Bootstrap, root: HTMLElement): Promise<void> {
  setScreen({});
  const container = document.getElementById("sandbox-plugin-config");
  const data = await loadApp(boot.appId ?? 0).catch(() => undefined);
  const name = boot.plugins?.find((plugin) => plugin.id === boot.pluginId)?.name ?? "";
  const heading = h(
    "div",
    { class: "sb-settings-heading" },
    h("h1", { class: "sb-page-title" }, `${t("pluginSettings")}: ${name}`),
  );
  const header = h("div", {}, globalHeader(boot), appHeader(boot, data?.app.name ?? ""), heading);
  root.before(header);
  if (container) container.classList.add("sb-page");
}
