/**
 * The one way the plugin's kintone event handlers meet an error. A handler that throws (or whose
 * promise rejects) never leaves kintone with an unexplained failure: on an event that decides a
 * write (save, process action) the write is stopped with the reason, so nothing is half-written;
 * on a screen event the user is told and the screen stays as kintone drew it.
 */
import type { KintoneApi, KintoneEventHandler } from "../adapters/kintone-js/kintoneApi";
import { errorText } from "../adapters/kintone-js/session";
import { type Lang, pick } from "../core/i18n";
import type { Notify } from "./submitValidation";

/** Events whose handler decides whether kintone writes (event.error cancels the write). */
function decidesWrite(eventName: string): boolean {
  return /\.(submit|proceed)$/.test(eventName);
}

function failure(lang: Lang, error: unknown): string {
  return pick(lang, {
    ja: `プラグインの処理でエラーが発生しました：${errorText(error)}`,
    en: `The plugin ran into an error: ${errorText(error)}`,
  });
}

/** `handler` for `eventName`, with the plugin's way of meeting its errors. */
export function guarded(
  eventName: string,
  handler: KintoneEventHandler,
  options: { lang: Lang; notify: Notify },
): KintoneEventHandler {
  const meet = (event: { error?: string | null } | undefined, error: unknown) => {
    console.error(`followup ${eventName}:`, error);
    if (event && decidesWrite(eventName)) {
      event.error = failure(options.lang, error);
    } else {
      options.notify(failure(options.lang, error), "danger");
    }
    return event;
  };
  return (event: { error?: string | null } | undefined) => {
    try {
      const result = handler(event);
      if (result instanceof Promise) return result.catch((error: unknown) => meet(event, error));
      return result;
    } catch (error) {
      return meet(event, error);
    }
  };
}

/** `k.events.on` with every handler guarded. */
export function onEvents(
  k: KintoneApi,
  options: { lang: Lang; notify: Notify },
): (events: string | string[], handler: KintoneEventHandler) => void {
  return (events, handler) => {
    for (const name of Array.isArray(events) ? events : [events]) {
      k.events.on(name, guarded(name, handler, options));
    }
  };
}
