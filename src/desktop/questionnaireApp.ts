/**
 * The same plugin in the questionnaire app (config role "questionnaires"): a new questionnaire
 * opened from an application's panel gets `application_no` from the link, and saving one moves
 * the application from 参加確定 to 質問票回答済 (action 質問票回答), by the state and action names
 * the applications app's settings saved in the lottery log. When it cannot, the user is told why
 * and what to do: a silent miss would leave the application waiting with no one knowing.
 */
import {
  advanceAfterQuestionnaire,
  type ApplicationsNames,
  applicationsNames,
} from "../adapters/screening/syncQuestionnaires";
import { errorText } from "../adapters/kintone-js/session";
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import type { Program } from "../adapters/program";
import { type Lang, type Localized, pick } from "../core/i18n";
import { LIST_BUTTON_LABELS } from "./buttonLabels";
import type { Notify } from "./submitValidation";

export interface QuestionnaireScreenOptions {
  prefix: "" | "mobile.";
  notify: Notify;
  /** The page's query string (location.search). */
  search: () => string;
}

type RecordEvent = { record: Record<string, { value?: unknown; lookup?: boolean } | undefined> };

/** What to do when the application did not move (the names may differ between the two apps). */
function notMovedAdvice(names: ApplicationsNames): Localized {
  const where =
    names.from === "log"
      ? { ja: "申込管理アプリのプラグイン設定", en: "the applications app's plugin settings" }
      : {
          ja: "申込管理アプリとこの質問票アプリのプラグイン設定（抽選記録アプリが読めないため、この質問票アプリの設定の名前で確認しました）",
          en: "the plugin settings of the applications app and of this questionnaire app (the lottery log could not be read, so this app's names were used)",
        };
  return {
    ja: `申込アプリの「${LIST_BUTTON_LABELS.sync.ja}」ボタン、または申込の「${names.actions.answerQuestionnaire}」で進めてください。状態名・アクション名が変更されている場合は、${where.ja}の名前を確認してください。`,
    en: `Move it with ${LIST_BUTTON_LABELS.sync.en} in the applications app, or with "${names.actions.answerQuestionnaire}" on the application. If states or actions were renamed, check the names in ${where.en}.`,
  };
}

function notMovedText(
  lang: Lang,
  applicationNo: string,
  result: { outcome: string; status?: string },
  names: ApplicationsNames,
): string {
  const advice = pick(lang, notMovedAdvice(names));
  if (result.outcome === "not-found") {
    return pick(lang, {
      ja: `質問票は保存しましたが、受付番号 ${applicationNo} の申込が見つからないため、申込を進めていません。受付番号を確認してください。`,
      en: `The questionnaire was saved, but no application has the number ${applicationNo}, so none was moved. Check the number.`,
    });
  }
  const status = result.status ?? "";
  return pick(lang, {
    ja: `質問票は保存しましたが、申込 ${applicationNo} は「${status}」で「${names.states.confirmed}」ではないため、進めていません。${advice}`,
    en: `The questionnaire was saved, but application ${applicationNo} is in "${status}", not "${names.states.confirmed}", so it was not moved. ${advice}`,
  });
}

/** The application number in a create link such as `/k/12/edit?application_no=123`. */
export function applicationNoFromSearch(search: string, linkField: string): string | undefined {
  const value = new URLSearchParams(search).get(linkField)?.trim();
  return value && /^\d+$/.test(value) ? value : undefined;
}

export function registerQuestionnaireScreens(
  k: Pick<KintoneApi, "events">,
  program: Program,
  options: QuestionnaireScreenOptions,
): void {
  const { lang } = program;
  const linkField = program.config.questionnaireLinkField;
  let names: Promise<ApplicationsNames> | undefined;
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
    // Read once per page, when a questionnaire is first saved.
    names ??= applicationsNames(program);
    const known = await names;
    try {
      const result = await advanceAfterQuestionnaire(program, String(value), known);
      if (result.outcome === "moved") {
        options.notify(
          pick(lang, {
            ja: `申込 ${String(value)} を「${known.states.questionnaireDone}」に進めました。`,
            en: `Application ${String(value)} moved to "${known.states.questionnaireDone}".`,
          }),
          "info",
        );
      } else if (result.status !== known.states.questionnaireDone) {
        options.notify(notMovedText(lang, String(value), result, known), "danger");
      }
    } catch (error) {
      const failed = pick(lang, {
        ja: "質問票は保存しましたが、申込を進められませんでした：",
        en: "The questionnaire was saved, but the application could not be moved: ",
      });
      options.notify(
        `${failed}${errorText(error)}\n${pick(lang, notMovedAdvice(known))}`,
        "danger",
      );
    }
    return event;
  });
}
