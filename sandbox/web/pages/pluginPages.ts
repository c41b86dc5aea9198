import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { setScreen } from "../kintone/screen";
import { t } from "../text";
import { loadApp } from "./appData";
import { appHeader, globalHeader } from "./chrome";

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
