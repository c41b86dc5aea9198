/**
 * Record-screen handlers shared by desktop and mobile: save-time eligibility and visit checks,
 * process guards, the draw-only fields and the detail panel.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { Program } from "../adapters/program";
import { recordPages, renderDetailPanel } from "./detailPanel";
import { registerDrawOnlyFields } from "./drawOnlyFields";
import { guardProcessAction } from "./processGuard";
import { registerScreeningOnlyFields } from "./screeningOnlyFields";
import { onEvents } from "./handlers";
import { type Notify, validateOnSubmit } from "./submitValidation";
import { checkVisitOnSubmit } from "./visitChecks";

export interface RecordScreenOptions {
  prefix: "" | "mobile.";
  notify: Notify;
}

export function registerRecordScreens(
  k: KintoneApi,
  program: Program,
  options: RecordScreenOptions,
): void {
  const { prefix } = options;
  const screens = prefix === "" ? k.app : k.mobile.app;
  // Every handler meets its errors the same way (handlers.ts): a save or action is stopped with
  // the reason, a screen says what went wrong.
  const on = onEvents(k, { lang: program.lang, notify: options.notify });
  registerDrawOnlyFields(k, program, prefix);
  registerScreeningOnlyFields(k, program, prefix);
  on(`${prefix}app.record.create.submit`, (event) =>
    checkVisitOnSubmit(validateOnSubmit(event, program, options.notify, "create"), program),
  );
  const editEvents = [`${prefix}app.record.edit.submit`];
  if (prefix === "") editEvents.push("app.record.index.edit.submit");
  on(editEvents, (event) =>
    checkVisitOnSubmit(validateOnSubmit(event, program, options.notify, "edit"), program),
  );

  on(`${prefix}app.record.detail.process.proceed`, (event) => guardProcessAction(event, program));

  on(`${prefix}app.record.detail.show`, (event) => {
    const space = screens.record.getSpaceElement(program.config.panelSpaceId);
    if (space) {
      const pages = recordPages(
        prefix === "mobile.",
        location.pathname,
        program.apps.applications ?? screens.getId() ?? 0,
      );
      renderDetailPanel(space, event.record, program, pages).catch((error: unknown) =>
        console.error("followup panel:", error),
      );
    }
    return event;
  });
}
