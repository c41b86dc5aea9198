/**
 * Record-screen handlers shared by desktop and mobile: save-time eligibility checks, process
 * guards and the detail panel.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { ClientFactory } from "../adapters/kintone-js/session";
import type { Lang } from "../core/i18n";
import type { PluginConfig } from "../core/settings/pluginConfig";
import { recordPages, renderDetailPanel } from "./detailPanel";
import { registerDrawOnlyFields } from "./drawOnlyFields";
import { guardProcessAction } from "./processGuard";
import { type Notify, validateOnSubmit } from "./submitValidation";
import { checkVisitOnSubmit } from "./visitChecks";

export interface RecordScreenOptions {
  prefix: "" | "mobile.";
  client: ClientFactory;
  notify: Notify;
}

export function registerRecordScreens(
  k: KintoneApi,
  config: PluginConfig,
  lang: Lang,
  options: RecordScreenOptions,
): void {
  const { prefix } = options;
  const screens = prefix === "" ? k.app : k.mobile.app;
  registerDrawOnlyFields(k, config, prefix);
  // kintone's record events carry the app id; the screen's id is the fallback for older events.
  const appId = (event: { appId?: number }): number => event.appId ?? screens.getId() ?? 0;
  k.events.on(`${prefix}app.record.create.submit`, (event) =>
    checkVisitOnSubmit(
      validateOnSubmit(event, config, lang, options.notify, "create"),
      config,
      lang,
      options.client(),
      appId(event),
    ),
  );
  const editEvents = [`${prefix}app.record.edit.submit`];
  if (prefix === "") editEvents.push("app.record.index.edit.submit");
  k.events.on(editEvents, (event) =>
    checkVisitOnSubmit(
      validateOnSubmit(event, config, lang, options.notify, "edit"),
      config,
      lang,
      options.client(),
      appId(event),
    ),
  );

  k.events.on(`${prefix}app.record.detail.process.proceed`, (event) =>
    guardProcessAction(event, config, lang, options.client(), appId(event)),
  );

  k.events.on(`${prefix}app.record.detail.show`, (event) => {
    const space = screens.record.getSpaceElement(config.panelSpaceId);
    if (space) {
      const pages = recordPages(prefix === "mobile.", location.pathname, appId(event));
      renderDetailPanel(space, event.record, config, lang, options.client(), pages).catch(
        (error: unknown) => console.error("followup panel:", error),
      );
    }
    return event;
  });
}
