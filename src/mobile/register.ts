import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { type ClientFactory, programOfScreen, sessionClient } from "../adapters/kintone-js/session";
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
  const client = (deps.client ?? sessionClient(k))();
  const { program } = programOfScreen(k, pluginId, client, k.mobile.app.getId());
  const notify = deps.notify ?? banner;
  if (program.config.role === "questionnaires") {
    registerQuestionnaireScreens(k, program, {
      prefix: "mobile.",
      notify,
      search: deps.search ?? (() => location.search),
    });
    return;
  }
  registerRecordScreens(k, program, { prefix: "mobile.", notify });
  registerRoundPanel(k, program, {
    prefix: "mobile.",
    reload: deps.reload ?? (() => location.reload()),
    now: deps.now,
  });
}
