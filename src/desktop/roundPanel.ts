/**
 * The round at a glance: a panel in the list's header space (desktop and mobile), read again on
 * every list show. Each figure links to the view listing those records. After the reply
 * deadline, the winners without a reply are one click and one confirmation away from 辞退.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { allowedOperations, errorText } from "../adapters/kintone-js/session";
import type { Program } from "../adapters/program";
import {
  declineUnreplied,
  readUnreplied,
  type Unreplied,
} from "../adapters/round/declineWithoutReply";
import {
  NoProcessManagementError,
  readRoundOverview,
  type RoundFigure,
  type RoundOverview,
} from "../adapters/round/overview";
import { type Lang, type Localized, pick } from "../core/i18n";
import type { FigureKey } from "../core/round/figures";
import { japanWallClock } from "../core/settings/japanWallClock";
import type { ProgramSettings } from "../core/settings/programSettings";
import { clear, el } from "./dom";

export const ROUND_PANEL_ID = "followup-round-panel";

export interface RoundPanelOptions {
  prefix: "" | "mobile.";
  reload: () => void;
  now?: () => Date;
}

const LABELS: Record<FigureKey, Localized> = {
  received: { ja: "申込", en: "Applications" },
  screened: { ja: "審査済", en: "Screened" },
  toDecide: { ja: "判断待ち", en: "To decide" },
  placesHeld: { ja: "当選枠", en: "Places held" },
  waitlistLeft: { ja: "補欠の残り", en: "Waitlist left" },
  repliesPending: { ja: "参加意思の返信待ち", en: "Replies pending" },
  questionnairesPending: { ja: "質問票待ち", en: "Questionnaires pending" },
  questionnairesOverdue: { ja: "質問票の期限超過", en: "Questionnaires overdue" },
  visitsThisWeek: { ja: "今週の訪問", en: "Visits this week" },
  visitsNextWeek: { ja: "来週の訪問", en: "Visits next week" },
};

/** The list URL of a view (same screen, desktop or mobile), narrowed by `query` when given. */
function viewUrl(figure: RoundFigure, narrow: boolean): string | undefined {
  if (figure.viewId === undefined) return undefined;
  const params = new URLSearchParams({ view: figure.viewId });
  if (narrow) params.set("query", figure.condition);
  return `${location.pathname}?${params.toString()}`;
}

function figureCard(
  key: FigureKey,
  figure: RoundFigure,
  lang: Lang,
  options: { of?: number; note?: string; alert?: boolean; narrow?: boolean } = {},
): HTMLElement {
  const url = viewUrl(figure, options.narrow ?? false);
  const number = String(figure.count) + (options.of === undefined ? "" : ` / ${options.of}`);
  const value = url
    ? el("a", { className: "followup-round-value", attrs: { href: url } }, number)
    : el("span", { className: "followup-round-value" }, number);
  return el(
    "div",
    {
      className: `followup-round-figure${options.alert ? " followup-round-alert" : ""}`,
      attrs: { "data-figure": key },
    },
    el("div", { className: "followup-round-label" }, pick(lang, LABELS[key])),
    value,
    options.note ? el("div", { className: "followup-round-note" }, options.note) : null,
  );
}

function deadlineNote(deadline: string | null, passed: boolean, lang: Lang): string | undefined {
  if (deadline === null) return undefined;
  const shown = japanWallClock(deadline).replace("T", " ");
  return passed
    ? pick(lang, { ja: `期限 ${shown}（過ぎました）`, en: `deadline ${shown} (passed)` })
    : pick(lang, { ja: `期限 ${shown}`, en: `deadline ${shown}` });
}

function renderFigures(
  overview: RoundOverview,
  settings: ProgramSettings,
  lang: Lang,
  passed: boolean,
): HTMLElement {
  const f = overview.figures;
  const { replies } = settings;
  return el(
    "div",
    { className: "followup-round-figures" },
    figureCard("received", f.received, lang),
    figureCard("screened", f.screened, lang),
    figureCard("toDecide", f.toDecide, lang, { alert: f.toDecide.count > 0 }),
    figureCard("placesHeld", f.placesHeld, lang, { of: settings.quota }),
    figureCard("waitlistLeft", f.waitlistLeft, lang),
    figureCard("repliesPending", f.repliesPending, lang, {
      note: deadlineNote(replies.intentDeadline, passed, lang),
      alert: passed && f.repliesPending.count > 0,
    }),
    figureCard("questionnairesPending", f.questionnairesPending, lang),
    figureCard("questionnairesOverdue", f.questionnairesOverdue, lang, {
      note: pick(lang, {
        ja: `${replies.questionnaireDays}日を超えたもの`,
        en: `over ${replies.questionnaireDays} days`,
      }),
      alert: f.questionnairesOverdue.count > 0,
      narrow: true,
    }),
    figureCard("visitsThisWeek", f.visitsThisWeek, lang),
    figureCard("visitsNextWeek", f.visitsNextWeek, lang),
  );
}

/** The confirmation step of 辞退 on behalf of the winners without a reply: who, why, then yes or no. */
function declineConfirmation(
  records: Unreplied[],
  lang: Lang,
  defaultReason: string,
  onConfirm: (reason: string) => Promise<void>,
  onCancel: () => void,
): HTMLElement {
  const reason = el("textarea", {
    className: "followup-round-reason",
    attrs: { rows: "2", "aria-label": pick(lang, { ja: "辞退の理由", en: "Reason" }) },
  });
  reason.value = defaultReason;
  const message = el("div", { className: "followup-round-message" });
  const confirm = el(
    "button",
    { className: "followup-round-confirm", attrs: { type: "button" } },
    pick(lang, { ja: `${records.length} 件を辞退にする`, en: `Record 辞退 for ${records.length}` }),
  );
  const cancel = el(
    "button",
    { className: "followup-round-cancel", attrs: { type: "button" } },
    pick(lang, { ja: "やめる", en: "Cancel" }),
  );
  confirm.addEventListener("click", () => {
    if (reason.value.trim() === "") {
      message.textContent = pick(lang, {
        ja: "理由を入力してください。",
        en: "Enter the reason.",
      });
      return;
    }
    confirm.disabled = true;
    cancel.disabled = true;
    onConfirm(reason.value.trim()).catch((error: unknown) => {
      message.textContent = pick(lang, {
        ja: `辞退にできませんでした（何も書き込んでいません）：${errorText(error)}`,
        en: `Nothing was written: ${errorText(error)}`,
      });
      confirm.disabled = false;
      cancel.disabled = false;
    });
  });
  cancel.addEventListener("click", onCancel);
  return el(
    "div",
    { className: "followup-round-decline" },
    el(
      "p",
      {},
      pick(lang, {
        ja: "次の申込を、本人に代わって「辞退」にします（参加意思「辞退する」と理由を記録します）。",
        en: "These applications will be recorded as 辞退 on their behalf (intent 辞退する and the reason).",
      }),
    ),
    el("ul", {}, ...records.map((record) => el("li", {}, record.companyName || `#${record.id}`))),
    reason,
    message,
    el("div", { className: "followup-round-actions" }, confirm, cancel),
  );
}

/** One group the panel offers to record as 辞退: the records of a figure, past its deadline. */
interface DeclineOffer {
  condition: string;
  button: Localized;
  reason: Localized;
}

/** A button that reads the group, then asks: who, and why; nothing is written before "yes". */
function declineArea(
  offer: DeclineOffer,
  screen: { program: Program; reload: () => void },
): HTMLElement {
  const { program } = screen;
  const { lang } = program;
  const area = el("div", { className: "followup-round-decline-area" });
  const button = el(
    "button",
    { className: "followup-round-decline-button", attrs: { type: "button" } },
    pick(lang, offer.button),
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    readUnreplied(program, offer.condition)
      .then((records) => {
        clear(area);
        area.append(
          declineConfirmation(
            records,
            lang,
            pick(lang, offer.reason),
            async (reason) => {
              await declineUnreplied(program, records, reason);
              screen.reload();
            },
            () => {
              clear(area);
              area.append(button);
              button.disabled = false;
            },
          ),
        );
      })
      .catch((error: unknown) => {
        button.disabled = false;
        area.append(el("div", { className: "followup-round-message" }, errorText(error)));
      });
  });
  area.append(button);
  return area;
}

async function render(
  k: KintoneApi,
  space: HTMLElement,
  program: Program,
  options: RoundPanelOptions,
): Promise<void> {
  const { config, lang } = program;
  const now = options.now?.() ?? new Date();
  let overview: RoundOverview;
  try {
    overview = await readRoundOverview(program);
  } catch (error) {
    clear(space);
    space.append(
      el(
        "div",
        { id: ROUND_PANEL_ID, className: "followup-round followup-round-error" },
        error instanceof NoProcessManagementError
          ? pick(lang, {
              ja: "プロセス管理が有効でないため、進み具合を数えられません。",
              en: "Process management is off, so the round cannot be counted.",
            })
          : pick(lang, {
              ja: `進み具合を読めませんでした：${errorText(error)}`,
              en: `Could not read the round: ${errorText(error)}`,
            }),
      ),
    );
    return;
  }
  const deadline = program.settings.replies.intentDeadline;
  const passed = deadline !== null && now.getTime() > Date.parse(deadline);
  const panel = el(
    "div",
    { id: ROUND_PANEL_ID, className: "followup-round" },
    el(
      "div",
      { className: "followup-round-title" },
      pick(lang, { ja: "今回の進み具合", en: "The round at a glance" }),
    ),
    renderFigures(overview, program.settings, lang, passed),
  );
  const { replies } = program.settings;
  const offers: DeclineOffer[] = [];
  if (passed && deadline !== null && overview.figures.repliesPending.count > 0) {
    const count = overview.figures.repliesPending.count;
    const shown = japanWallClock(deadline).replace("T", " ");
    offers.push({
      condition: overview.conditions.repliesPending,
      button: {
        ja: `返信のない当選者 ${count} 件を辞退にする…`,
        en: `Record 辞退 for the ${count} winner(s) without a reply…`,
      },
      reason: {
        ja: `参加意思の回答期限（${shown}）までに回答がなかったため。`,
        en: `No reply by the participation-intent deadline (${shown}).`,
      },
    });
  }
  if (overview.figures.questionnairesOverdue.count > 0) {
    const count = overview.figures.questionnairesOverdue.count;
    offers.push({
      condition: overview.conditions.questionnairesOverdue,
      button: {
        ja: `質問票の回答がない ${count} 件を辞退にする…`,
        en: `Record 辞退 for the ${count} without a questionnaire…`,
      },
      reason: {
        ja: `質問票の依頼から${replies.questionnaireDays}日を過ぎても回答がなかったため。`,
        en: `No questionnaire ${replies.questionnaireDays} days after it was requested.`,
      },
    });
  }
  if (offers.length > 0 && (await allowedOperations(k, config)).allowed.promote) {
    for (const offer of offers) {
      panel.append(declineArea(offer, { program, reload: options.reload }));
    }
  }
  clear(space);
  space.append(panel);
}

/** Shows the panel on every list show (desktop `app.record.index.show`, mobile its twin). */
export function registerRoundPanel(
  k: KintoneApi,
  program: Program,
  options: RoundPanelOptions,
): void {
  let latest = 0;
  k.events.on(`${options.prefix}app.record.index.show`, (event) => {
    const space = (options.prefix === "" ? k.app : k.mobile.app).getHeaderSpaceElement();
    if (space) {
      // A list shown again before the last reading finished: only the newest one draws.
      const ticket = ++latest;
      const target = document.createElement("div");
      render(k, target, program, options)
        .then(() => {
          if (ticket !== latest) return;
          // The header space may hold other customizations' parts: only our own host is replaced.
          let host = space.querySelector<HTMLElement>(".followup-round-host");
          if (!host) {
            host = el("div", { className: "followup-round-host" });
            space.append(host);
          }
          clear(host);
          host.append(...Array.from(target.childNodes));
          // How many times it was drawn: lets a reader (and the browser test) see a refresh land.
          host.dataset.renders = String(Number(host.dataset.renders ?? "0") + 1);
        })
        .catch((error: unknown) => console.error("followup round panel:", error));
    }
    return event;
  });
}
