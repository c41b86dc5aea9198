/**
 * An app where the plugin was added but never configured (e.g. right after `followup upload`) shows
 * ONE notice on its list instead of silently showing no buttons: administrators get a link to the
 * plugin's settings, everyone else whom to ask. Who administers the app is asked the documented way,
 * `kintone.app.getPermissions().editApp`; where a kintone lacks that API, members of the
 * Administrators group (kintone's system administrators, who may open every app's settings).
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { userGroupCodes } from "../adapters/kintone-js/session";
import { type Lang, pick } from "../core/i18n";
import { el, link } from "./dom";

export const UNCONFIGURED_NOTICE_ID = "followup-unconfigured";
const ADMINISTRATORS = "Administrators";

/** The plugin settings page of this app (guest-space aware, as kintone's own URLs are). */
export function pluginSettingsPath(appId: number, pluginId: string, pathname: string): string {
  const guest = /^\/k\/guest\/(\d+)\//.exec(pathname);
  const base = guest ? `/k/guest/${guest[1]}` : "/k";
  return `${base}/admin/app/${appId}/plugin/config?pluginId=${encodeURIComponent(pluginId)}`;
}

/** True when this app's plugin settings were never saved (getConfig answers no keys). */
export function pluginUnconfigured(k: KintoneApi, pluginId: string): boolean {
  const raw: unknown = k.plugin.app.getConfig(pluginId);
  return !raw || typeof raw !== "object" || Object.keys(raw).length === 0;
}

/** Shows the notice in the list's header menu space (once; the list event fires on paging). */
export async function showUnconfiguredNotice(
  k: KintoneApi,
  pluginId: string,
  lang: Lang,
): Promise<void> {
  const space = k.app.getHeaderMenuSpaceElement();
  const appId = k.app.getId();
  if (!space || appId === null || space.querySelector(`#${UNCONFIGURED_NOTICE_ID}`)) return;
  const notice = el("div", {
    id: UNCONFIGURED_NOTICE_ID,
    className: "followup-unconfigured",
    attrs: { role: "status" },
  });
  space.append(notice);
  const administers = k.app.getPermissions
    ? (await k.app.getPermissions()).editApp
    : (await userGroupCodes(k, k.getLoginUser().code)).includes(ADMINISTRATORS);
  const t = (text: { ja: string; en: string }) => pick(lang, text);
  notice.append(
    el(
      "strong",
      {},
      t({
        ja: "申込・抽選管理プラグインはまだ設定されていません。",
        en: "The applications and lottery plugin is not configured yet.",
      }),
    ),
    " ",
  );
  if (administers) {
    notice.append(
      link(
        pluginSettingsPath(appId, pluginId, location.pathname),
        t({ ja: "プラグインの設定を開く", en: "Open the plugin settings" }),
        false,
      ),
    );
  } else {
    notice.append(
      t({
        ja: "審査・抽選のボタンは設定後に表示されます。このアプリの管理者に、アプリの設定 →「プラグイン」からの設定を依頼してください。",
        en: "The screening and lottery buttons appear once it is set up. Ask this app's administrator to configure it (App settings → Plug-ins).",
      }),
    );
  }
}
