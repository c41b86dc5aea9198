/**
 * The panel in the `followup_panel` space of the detail screen: screening result with reasons,
 * lottery rank and waitlist number, the questionnaire, and what the next step is.
 */
import { canViewApp, questionnairesOf } from "../adapters/applicationFacts";
import type { Program } from "../adapters/program";
import { applicationFromRecord, fieldText, type KintoneRecordLike } from "../core/application";
import {
  type EligibilityReason,
  readEligibilityNotes,
  reasonsOf,
  screenApplication,
} from "../core/eligibility";
import { type Lang, type Localized, pick } from "../core/i18n";
import {
  ELIGIBILITY_LABELS,
  PARTICIPATION_INTENTS,
  STAFF_DECISIONS,
  type StateKey,
} from "../core/vocabulary";
import {
  type ProcessNames,
  stateKeyOf,
  type WorkflowRecord,
  workflowRecordFromRecord,
} from "../core/workflow";
import { LIST_BUTTON_LABELS } from "./buttonLabels";
import { clear, el, link } from "./dom";

export const PANEL_ID = "followup-detail-panel";

/**
 * What the secretariat does next with this application. Buttons are named as they read: the
 * plugin's list buttons in the user's language, kintone's process actions and the result field's
 * options by the names the app defines (quoted, since kintone shows them as they are).
 */
export function nextStep(record: WorkflowRecord, names: ProcessNames): Localized {
  const { states, actions } = names;
  const button = LIST_BUTTON_LABELS;
  const state = stateKeyOf(record.status, names);
  switch (state) {
    case "applied":
      if (record.eligibility === "" || record.eligibility === ELIGIBILITY_LABELS.unscreened) {
        return {
          ja: `一覧画面の「${button.screen.ja}」で審査してください。`,
          en: `Screen it with "${button.screen.en}" on the list screen.`,
        };
      }
      if (record.staffDecision === STAFF_DECISIONS.eligible) {
        return {
          ja: `事務局の判断で「${STAFF_DECISIONS.eligible}」です。抽選を待っています。`,
          en: `Decided "${STAFF_DECISIONS.eligible}" (eligible) by the secretariat. Waiting for the draw.`,
        };
      }
      if (
        record.staffDecision === STAFF_DECISIONS.ineligible ||
        record.eligibility === ELIGIBILITY_LABELS.ineligible
      ) {
        return {
          ja: `対象外が提案されています。理由を確認し、正しければ一覧画面の「${button.screen.ja}」の結果画面（又はこの申込の「${actions.registerIneligible}」）で${states.ineligible}にしてください。誤りなら「事務局の判断」で「${STAFF_DECISIONS.eligible}」を選び、理由を書いて保存します。`,
          en: `Proposed ineligible. If the reasons hold, move it to "${states.ineligible}" from the "${button.screen.en}" result on the list screen (or with this record's "${actions.registerIneligible}"). If not, choose "${STAFF_DECISIONS.eligible}" (eligible) as the secretariat's decision and write the reason.`,
        };
      }
      if (record.eligibility === ELIGIBILITY_LABELS.review) {
        return {
          ja: `要確認の理由を確認してください（必要なら申込者に確認します）。判断したら「事務局の判断」で「${STAFF_DECISIONS.eligible}」か「${STAFF_DECISIONS.ineligible}」を選び、理由を書いて保存します。申込内容を直した場合は、一覧画面の「${button.screen.ja}」で審査し直してください。`,
          en: `Check the points (with the applicant if needed). To decide, choose "${STAFF_DECISIONS.eligible}" (eligible) or "${STAFF_DECISIONS.ineligible}" (ineligible) as the secretariat's decision and write the reason. After correcting the application, screen again with "${button.screen.en}" on the list screen.`,
        };
      }
      return { ja: "抽選を待っています。", en: "Waiting for the draw." };
    case "winner":
      return {
        ja: `参加意思を確認し、「${PARTICIPATION_INTENTS.participate}」なら「${actions.confirm}」、「${PARTICIPATION_INTENTS.decline}」なら「${actions.decline}」に進めてください。申込内容に虚偽があった場合は「取消・辞退の理由」を入力して「${actions.cancel}」します。`,
        en: `Ask whether they will take part, then proceed with "${actions.confirm}" (taking part) or "${actions.decline}" (declining). If the application was false, enter the reason and use "${actions.cancel}".`,
      };
    case "waitlisted":
      return {
        ja: `補欠順位 ${record.waitlistNo ?? "-"} です。辞退や取消で枠が空いたら、一覧画面の「${button.promote.ja}」で補欠順位の順に繰り上げます（「${actions.promote}」は次の順位の申込にだけ、空きがあるときに使えます）。`,
        en: `Waitlist number ${record.waitlistNo ?? "-"}. When a place frees up, "${button.promote.en}" on the list screen promotes in waitlist order ("${actions.promote}" works only on the next in line, and only into a vacancy).`,
      };
    case "confirmed":
      return {
        ja: `質問票の回答を待っています。質問票が登録されたら「${actions.answerQuestionnaire}」に進めてください（それまでは進められません）。辞退の申し出があったら、参加意思を「${PARTICIPATION_INTENTS.decline}」、「取消・辞退の理由」を入力して「${actions.decline}」にします。`,
        en: `Waiting for the questionnaire. Once it is entered, proceed with "${actions.answerQuestionnaire}" (not before). If they withdraw, set the intent to decline, enter the reason and use "${actions.decline}".`,
      };
    case "questionnaireDone":
      return {
        ja: `訪問日と訪問専門家を入力し、訪問後に「${actions.completeVisit}」に進めてください。`,
        en: `Enter the visit date and the expert; after the visit, proceed with "${actions.completeVisit}".`,
      };
    case "visited":
      return { ja: "訪問は完了しています。", en: "The visit is done." };
    case "declined":
      return {
        ja: `辞退済みです。当選枠が空いていれば、一覧画面の「${button.promote.ja}」で補欠から繰り上げてください。`,
        en: `Declined. If this freed a place, fill it with "${button.promote.en}" on the list screen.`,
      };
    case "ineligible":
      if (record.lotteryRunId !== "") {
        return {
          ja: `抽選の後に取り消されています（理由は「取消・辞退の理由」）。当選枠が空いていれば、一覧画面の「${button.promote.ja}」で補欠から繰り上げてください。`,
          en: `Cancelled after the draw (see the reason field). If this freed a place, fill it with "${button.promote.en}" on the list screen.`,
        };
      }
      return {
        ja: `対象外です。審査メモの理由を申込者に連絡してください。抽選の前に申込内容を直したときは、下の「${actions.sendBack}（理由を記録）」で${states.applied}に戻して審査し直せます。`,
        en: `Ineligible. Tell the applicant the reasons in the screening notes. Before the draw, after a correction, "${actions.sendBack} (with a reason)" below brings it back to "${states.applied}" to be screened again.`,
      };
    default:
      return {
        ja: `ステータス「${record.status}」はプラグイン設定にありません。`,
        en: `The status "${record.status}" is not in the plugin settings.`,
      };
  }
}

function row(label: string, ...value: Array<Node | string>): HTMLElement {
  return el(
    "div",
    { className: "followup-panel-row" },
    el("div", { className: "followup-panel-label" }, label),
    el("div", { className: "followup-panel-value" }, ...value),
  );
}

const REASON_MARKS: Record<Lang, Record<"error" | "warning", string>> = {
  ja: { error: "不備", warning: "要確認" },
  en: { error: "Error", warning: "Check" },
};

/** One reason: its kind as a small mark, then the message (staff never see rule ids). */
function reasonItem(reason: EligibilityReason, lang: Lang): HTMLElement {
  return el(
    "li",
    { className: `followup-panel-reason followup-panel-reason-${reason.severity ?? "note"}` },
    reason.severity
      ? el("span", { className: "followup-panel-mark" }, REASON_MARKS[lang][reason.severity])
      : null,
    reason.message,
  );
}

function eligibilitySection(record: KintoneRecordLike, program: Program): HTMLElement {
  const { lang } = program;
  const value = fieldText(record, program.field("eligibility"));
  const label = value !== "" ? value : ELIGIBILITY_LABELS.unscreened;
  const notes = fieldText(record, program.field("eligibility_notes"));
  let reasons = readEligibilityNotes(notes);
  let preview = "";
  if (label === ELIGIBILITY_LABELS.unscreened) {
    // Not screened yet: show what the rules say about the application as it stands now.
    const { violations } = screenApplication(
      applicationFromRecord(record, program.field, program.optionMap),
      program.settings,
      { lang },
    );
    reasons = reasonsOf(violations);
    preview = pick(lang, {
      ja:
        violations.length === 0
          ? "（未審査：現在の入力では不備はありません）"
          : "（未審査：現在の入力での判定）",
      en:
        violations.length === 0
          ? " (not screened: no problem as entered)"
          : " (not screened: as entered now)",
    });
  }
  const list =
    reasons.length > 0
      ? el(
          "ul",
          { className: "followup-panel-notes" },
          ...reasons.map((reason) => reasonItem(reason, lang)),
        )
      : null;
  return row(
    pick(lang, { ja: "審査結果", en: "Screening" }),
    el("span", { className: `followup-badge followup-badge-${label}` }, label),
    preview,
    list ?? "",
  );
}

/** Links to record pages: kintone's desktop and mobile URLs differ. */
export interface RecordPages {
  detail(app: number, recordId: string): string;
  create(app: number, query: URLSearchParams): string;
}

/**
 * kintone's page URLs: desktop `/k/{app}/show#record={id}`, mobile `/k/m/{app}/show?record={id}`
 * (the record in the query, not the hash); a new record is `{app}/edit` on both. The prefix is the
 * current page's own (so a guest space's pages stay in it), read from its path before the app id.
 */
export function recordPages(mobile: boolean, pathname: string, currentApp: number): RecordPages {
  const at = pathname.lastIndexOf(`/${currentApp}/`);
  const fallback = mobile ? "/k/m/" : "/k/";
  const prefix = at >= 0 ? pathname.slice(0, at + 1) : fallback;
  return {
    detail: (app, id) =>
      mobile
        ? `${prefix}${app}/show?record=${encodeURIComponent(id)}`
        : `${prefix}${app}/show#record=${encodeURIComponent(id)}`,
    create: (app, query) => `${prefix}${app}/edit?${query.toString()}`,
  };
}

async function questionnaireLinks(
  program: Program,
  applicationNo: string,
  state: StateKey | undefined,
  pages: RecordPages,
): Promise<Node[]> {
  const { lang } = program;
  const app = program.apps.questionnaires;
  if (app === null) {
    return [
      document.createTextNode(
        pick(lang, { ja: "（質問票アプリが未設定です）", en: "(questionnaire app not set)" }),
      ),
    ];
  }
  if (!(await canViewApp(program, app))) {
    return [
      document.createTextNode(
        pick(lang, {
          ja: "（質問票アプリを閲覧する権限がありません）",
          en: "(you may not view the questionnaire app)",
        }),
      ),
    ];
  }
  const existing = (await questionnairesOf(program, applicationNo, 10)).map((id) =>
    link(pages.detail(app, id), pick(lang, { ja: "質問票を開く", en: "Open the questionnaire" })),
  );
  if (existing.length > 0) return existing;
  if (state !== "confirmed") {
    return [
      document.createTextNode(
        pick(lang, {
          ja: `未回答（質問票は「${program.config.states.confirmed}」の後に入力します）`,
          en: `Not answered (entered once the application is "${program.config.states.confirmed}")`,
        }),
      ),
    ];
  }
  const params = new URLSearchParams({ [program.config.questionnaireLinkField]: applicationNo });
  return [
    document.createTextNode(pick(lang, { ja: "未回答 ", en: "Not answered " })),
    link(
      pages.create(app, params),
      pick(lang, { ja: "質問票を入力する", en: "Enter the questionnaire" }),
    ),
  ];
}

/** Builds the panel into `space` (replacing what was there). */
export async function renderDetailPanel(
  space: HTMLElement,
  record: KintoneRecordLike,
  program: Program,
  pages: RecordPages,
): Promise<void> {
  const { lang } = program;
  const workflow = workflowRecordFromRecord(record, program.field);
  const questionnaire = el("span", {}, pick(lang, { ja: "確認中…", en: "Checking…" }));
  const lottery =
    workflow.lotteryRank === null
      ? pick(lang, { ja: "未抽選", en: "Not drawn" })
      : [
          workflow.lotteryResult,
          pick(lang, {
            ja: `抽選順位 ${workflow.lotteryRank}`,
            en: `rank ${workflow.lotteryRank}`,
          }),
          workflow.waitlistNo === null
            ? ""
            : pick(lang, {
                ja: `補欠順位 ${workflow.waitlistNo}`,
                en: `waitlist no. ${workflow.waitlistNo}`,
              }),
        ]
          .filter((part) => part !== "")
          .join(" / ");
  const panel = el(
    "section",
    { id: PANEL_ID, className: "followup-panel" },
    el(
      "h3",
      { className: "followup-panel-title" },
      pick(lang, { ja: "点検事業の進行", en: "Checkup program" }),
    ),
    row(
      pick(lang, { ja: "企業名", en: "Company" }),
      fieldText(record, program.field("company_name")),
    ),
    // kintone's status bar shows the status whenever process management is on; without it there is none.
    eligibilitySection(record, program),
    row(pick(lang, { ja: "抽選", en: "Lottery" }), lottery),
    row(pick(lang, { ja: "質問票", en: "Questionnaire" }), questionnaire),
    row(pick(lang, { ja: "次の手順", en: "Next step" }), pick(lang, nextStep(workflow, program))),
  );
  clear(space);
  space.append(panel);
  try {
    const nodes = workflow.applicationNo
      ? await questionnaireLinks(
          program,
          workflow.applicationNo,
          stateKeyOf(workflow.status, program),
          pages,
        )
      : [document.createTextNode("-")];
    questionnaire.replaceChildren(...nodes);
  } catch {
    questionnaire.textContent = pick(lang, {
      ja: "質問票を確認できませんでした。",
      en: "The questionnaire could not be checked.",
    });
  }
}
