import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { type ClientFactory, programOfScreen, sessionClient } from "../adapters/kintone-js/session";
import { pick } from "../core/i18n";
import { notify as kucNotify } from "./dialogs";
import { showListButtons } from "./listButtons";
import { registerQuestionnaireScreens } from "./questionnaireApp";
import { registerRecordScreens } from "./recordScreens";
import { renderSendBack } from "./sendBackButton";
import { registerRoundPanel } from "./roundPanel";
import { pluginUnconfigured, showUnconfiguredNotice } from "./unconfiguredNotice";
import type { Notify } from "./submitValidation";

export interface DesktopDeps {
  client?: ClientFactory;
  notify?: Notify;
  reload?: () => void;
  search?: () => string;
  /** The clock the round panel compares the reply deadline with (tests fix it). */
  now?: () => Date;
}

/** Registers every desktop handler of the plugin on `k` (the kintone global, or a test fake). */
export function registerDesktop(k: KintoneApi, pluginId: string, deps: DesktopDeps = {}): void {
  const client = (deps.client ?? sessionClient(k))();
  const { program, issues } = programOfScreen(k, pluginId, client, k.app.getId());
  const { config, lang } = program;
  const notify = deps.notify ?? kucNotify;
  if (issues.length > 0) {
    const details = issues.map((i) => `${i.path}: ${pick(lang, i.message)}`).join("\n");
    let told = false;
    k.events.on(["app.record.index.show", "app.record.detail.show"], (event) => {
      // The list event fires again on paging and sorting; say it once per page load.
      if (told) return event;
      told = true;
      notify(
        pick(lang, {
          ja: `プラグイン設定に問題があるため、既定の設定で動いています。\n${details}`,
          en: `The plugin settings have problems; running with the defaults.\n${details}`,
        }),
        "danger",
      );
      return event;
    });
  }
  if (pluginUnconfigured(k, pluginId)) {
    k.events.on("app.record.index.show", (event) => {
      showUnconfiguredNotice(k, pluginId, lang).catch((error: unknown) =>
        console.error("followup notice:", error),
      );
      return event;
    });
  }
  if (config.role === "questionnaires") {
    registerQuestionnaireScreens(k, program, {
      prefix: "",
      notify,
      search: deps.search ?? (() => location.search),
    });
    return;
  }
  registerRecordScreens(k, program, { prefix: "", notify });
  // After the panel's handler, which empties the space before it draws: the button goes under it.
  k.events.on("app.record.detail.show", (event) => {
    const space = k.app.record.getSpaceElement(config.panelSpaceId);
    if (space) {
      renderSendBack(
        k,
        space,
        event.record,
        program,
        deps.reload ?? (() => location.reload()),
      ).catch((error: unknown) => console.error("followup send back:", error));
    }
    return event;
  });
  registerRoundPanel(k, program, {
    prefix: "",
    reload: deps.reload ?? (() => location.reload()),
    now: deps.now,
  });
  k.events.on("app.record.index.show", (event) => {
    showListButtons(k, program, {
      reload: deps.reload ?? (() => location.reload()),
    }).catch((error: unknown) => console.error("followup buttons:", error));
    return event;
  });
}
