import { type PageKind, readBootstrap } from "./bootstrap";
import { createKintone } from "./kintone/global";
import { pageRoot } from "./pages/chrome";
import { showRecordPage } from "./pages/detail";
import { showForm } from "./pages/form";
import { showList } from "./pages/list";
import { showLogin } from "./pages/login";
import { showPluginList, showPluginSettings } from "./pages/pluginPages";
import { showPortal } from "./pages/portal";
import { setSession } from "./rest";
import { setLanguage } from "./text";
import { setTimeZone } from "./fields/timeZone";

/**
 * The sandbox's kintone screens. This script installs the `kintone` global while the page loads,
 * before the plugins' scripts; the screen is drawn on DOMContentLoaded, after they registered
 * their handlers (as in kintone, handlers registered later miss the onload events).
 */
const boot = readBootstrap(document);
setLanguage(boot.lang);
setTimeZone(boot.loginUser?.timezone);
setSession(boot.requestToken ?? "", boot.lang, boot.guestSpaceId);
(window as unknown as { kintone: unknown }).kintone = createKintone(boot);

const screens: Record<PageKind, (root: HTMLElement) => void | Promise<void>> = {
  login: (root) => showLogin(boot, root),
  portal: (root) => showPortal(boot, root),
  index: (root) => showList(boot, root),
  create: (root) => (boot.recordId ? showRecordPage(boot, root) : showForm(boot, root)),
  show: (root) => {
    window.addEventListener("hashchange", () => {
      showRecordPage(boot, root).catch(report);
    });
    return showRecordPage(boot, root);
  },
  plugins: (root) => showPluginList(boot, root),
  config: (root) => showPluginSettings(boot, root),
};

async function run(): Promise<void> {
  await screens[boot.page](pageRoot());
}

function report(error: unknown): void {
  console.error("[sandbox] page failed", error);
  const root = document.getElementById("sandbox-root");
  if (root) {
    const box = document.createElement("div");
    box.className = "sb-error-banner";
    box.setAttribute("role", "alert");
    box.textContent = error instanceof Error ? error.message : String(error);
    root.prepend(box);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  run()
    .then(() => document.body.setAttribute("data-sandbox-ready", "true"))
    .catch(report);
});
