/**
 * The same plugin in the questionnaire app (config role "questionnaires"): a new questionnaire
 * opened from an application's panel gets `application_no` from the link, and saving one moves
 * the application from 参加確定 to 質問票回答済 (action 質問票回答).
 */
import { advanceAfterQuestionnaire } from "../adapters/screening/syncQuestionnaires";
import { errorText } from "../adapters/kintone-js/session";
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { Program } from "../adapters/program";
import { pick } from "../core/i18n";
import { LIST_BUTTON_LABELS } from "./buttonLabels";
import type { Notify } from "./submitValidation";

export interface QuestionnaireScreenOptions {
  prefix: "" | "mobile.";
  notify: Notify;
  /** The page's query string (location.search). */
  search: () => string;
}

type RecordEvent = { record: Record<string, { value?: unknown; lookup?: boolean } | undefined> };

/** The application number in a create link such as `/k/12/edit?application_no=123`. */
export function applicationNoFromSearch(search: string, linkField: string): string | undefined {
  const value = new URLSearchParams(search).get(linkField)?.trim();
  return value && /^\d+$/.test(value) ? value : undefined;
}

export function registerQuestionnaireScreens(
  k: KintoneApi,
  program: Program,
  options: QuestionnaireScreenOptions,
): void {
  const { lang } = program;
  const linkField = program.config.questionnaireLinkField;
  k.events.on(`${options.prefix}app.record.create.show`, (event: RecordEvent) => {
    const applicationNo = applicationNoFromSearch(options.search(), linkField);
    const field = event.record[linkField];
    if (applicationNo && field) {
      field.value = applicationNo;
      field.lookup = true;
    }
    return event;
  });
  k.events.on(`${options.prefix}app.record.create.submit.success`, async (event: RecordEvent) => {
    const value = event.record[linkField]?.value;
    if (
      program.apps.applications === null ||
      (typeof value !== "string" && typeof value !== "number")
    ) {
      return event;
    }
    try {
      const result = await advanceAfterQuestionnaire(program, String(value));
      if (result.outcome === "moved") {
        options.notify(
          pick(lang, {
            ja: `申込 ${String(value)} を「${program.states.questionnaireDone}」に進めました。`,
            en: `Application ${String(value)} moved to "${program.states.questionnaireDone}".`,
          }),
          "info",
        );
      }
    } catch (error) {
      options.notify(
        pick(lang, {
          ja: `質問票は保存しましたが、申込を進められませんでした（申込アプリの「${LIST_BUTTON_LABELS.sync.ja}」で進められます）：${errorText(error)}`,
          en: `The questionnaire was saved, but the application could not be moved (use ${LIST_BUTTON_LABELS.sync.en} in the applications app): ${errorText(error)}`,
        }),
        "danger",
      );
    }
    return event;
  });
}
