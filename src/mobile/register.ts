import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import {
  type ClientFactory,
  readPluginConfig,
  sessionClient,
  userLang,
} from "../adapters/kintone-js/session";
import { registerQuestionnaireScreens } from "../desktop/questionnaireApp";
import { registerRecordScreens } from "../desktop/recordScreens";
import { registerRoundPanel } from "../desktop/roundPanel";
import type { Notify } from "../desktop/submitValidation";
import { el } from "../desktop/dom";

export interface MobileDeps {
  client?: ClientFactory;
  notify?: Notify;
  search?: () => string;
  reload?: () => void;
  now?: () => Date;
}

/** A notice at the top of the mobile screen (KUC's desktop Notification does not suit the small screen). */
const banner: Notify = (text, kind) => {
  const node = el(
    "div",
    { className: `followup-mobile-notice followup-mobile-notice-${kind}` },
    text,
  );
  node.addEventListener("click", () => node.remove());
  document.body.prepend(node);
  setTimeout(() => node.remove(), 10_000);
};

/** Registers the mobile handlers: save checks, process guards, the detail panel, the questionnaire app. */
export function registerMobile(k: KintoneApi, pluginId: string, deps: MobileDeps = {}): void {
  const { config } = readPluginConfig(k, pluginId);
  const lang = userLang(k);
  const client = deps.client ?? sessionClient(k);
  const notify = deps.notify ?? banner;
  if (config.role === "questionnaires") {
    registerQuestionnaireScreens(k, config, lang, {
      prefix: "mobile.",
      client,
      notify,
      search: deps.search ?? (() => location.search),
    });
    return;
  }
  registerRecordScreens(k, config, lang, { prefix: "mobile.", client, notify });
  registerRoundPanel(k, config, lang, {
    prefix: "mobile.",
    client,
    reload: deps.reload ?? (() => location.reload()),
    now: deps.now,
  });
}
