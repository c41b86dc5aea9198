import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { callApi } from "../rest";
import { t } from "../text";
import { errorBanner, globalHeader } from "./chrome";
import { restErrorMessages } from "./form";

/** The portal: the apps the user may open. */
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
