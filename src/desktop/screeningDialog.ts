/**
 * The 審査 button's dialog (spec v2 §4): screening writes proposals only; the dialog lists the
 * proposed 対象外 with their reasons, and a person confirms them all at once (対象外登録, one bulk
 * request, with a progress bar) or opens a record to record a decision instead. 要確認 and
 * decisions to review (the data changed after the decision) are listed too.
 */
import { confirmIneligible, recordStaffDecision } from "../adapters/screening/decisions";
import {
  type ScreeningEntry,
  type ScreeningSummary,
  screenAllApplications,
} from "../adapters/screening/screenAllApplications";
import { errorText } from "../adapters/kintone-js/session";
import { type Lang, pick } from "../core/i18n";
import { STAFF_DECISIONS } from "../core/vocabulary";
import type { Program } from "../adapters/program";
import { confirmDialog, paragraphs, workDialog } from "./dialogs";
import { el, link, newButton } from "./dom";

export interface ScreeningDialogDeps {
  lang: Lang;
  program: Program;
  appId: number;
  reload: () => void;
}

function progressBar(id: string) {
  const bar = el("progress", {
    id,
    className: "followup-progress",
    attrs: { max: "1", value: "0" },
  });
  const label = el("span", { className: "followup-progress-label" }, "");
  return {
    node: el("div", {}, bar, label),
    set(done: number, total: number) {
      bar.max = Math.max(total, 1);
      bar.value = done;
      label.textContent = ` ${done} / ${total}`;
    },
  };
}

/** One application with its reasons, each on its own line; all text, never markup. */
function entryItem(
  d: ScreeningDialogDeps,
  entry: ScreeningEntry,
  extra?: (entry: ScreeningEntry) => Node,
): HTMLElement {
  const head = pick(d.lang, {
    ja: `受付番号 ${entry.applicationNo || "-"}（レコード番号 ${entry.id}）`,
    en: `Application ${entry.applicationNo || "-"} (record ${entry.id})`,
  });
  return el(
    "li",
    { attrs: { "data-record-id": entry.id } },
    link(`/k/${d.appId}/show#record=${entry.id}`, head),
    " ",
    el("strong", { className: "followup-company" }, entry.companyName),
    el(
      "ul",
      { className: "followup-reasons" },
      ...entry.violations.map((v) => el("li", { className: `followup-${v.severity}` }, v.message)),
    ),
    extra?.(entry),
  );
}

function entryList(
  d: ScreeningDialogDeps,
  id: string,
  title: string,
  entries: ScreeningEntry[],
  extra?: (entry: ScreeningEntry) => Node,
): HTMLElement | false {
  if (entries.length === 0) return false;
  return el(
    "div",
    { id },
    el("p", {}, `${title}（${entries.length}）`),
    el("ul", { className: "followup-review-list" }, ...entries.map((e) => entryItem(d, e, extra))),
  );
}

/**
 * A flagged decision: what was decided and why, and a button that keeps it for the application as
 * it is now (the decision is stamped with the current signature, so it holds again).
 */
function keepDecision(d: ScreeningDialogDeps, entry: ScreeningEntry): Node {
  const { lang } = d;
  const decided =
    entry.decision === "eligible" ? STAFF_DECISIONS.eligible : STAFF_DECISIONS.ineligible;
  const area = el(
    "div",
    { className: "followup-flagged-decision" },
    el(
      "p",
      {},
      pick(lang, {
        ja: `事務局の判断：${decided}（理由：${entry.decisionReason}）`,
        en: `Secretariat's decision: ${decided} (reason: ${entry.decisionReason})`,
      }),
    ),
  );
  const button = newButton(
    pick(lang, {
      ja: "今の申込内容でこの判断を維持する",
      en: "Keep this decision for the application as it is now",
    }),
    { className: "followup-keep-decision" },
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    recordStaffDecision(d.program, {
      id: entry.id,
      decision: entry.decision ?? "none",
      reason: entry.decisionReason,
      signature: entry.signature,
      revision: entry.revision,
    })
      .then(() => {
        button.remove();
        area.append(el("p", {}, pick(lang, { ja: "維持しました。", en: "Kept." })));
      })
      .catch((error: unknown) => {
        button.disabled = false;
        area.append(el("p", { className: "followup-refusal" }, errorText(error)));
      });
  });
  area.append(button);
  return area;
}

/** The button that confirms every proposed 対象外 at once, with its own progress bar. */
function confirmButton(d: ScreeningDialogDeps, entries: ScreeningEntry[]): HTMLElement {
  const area = el("div", { id: "followup-confirm-area" });
  const button = newButton(
    pick(d.lang, {
      ja: `一覧の ${entries.length} 件を「${d.program.states.ineligible}」に登録する（${d.program.actions.registerIneligible}）`,
      en: `Register these ${entries.length} as "${d.program.states.ineligible}" (${d.program.actions.registerIneligible})`,
    }),
    { id: "followup-confirm-ineligible", kind: "submit" },
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    const progress = progressBar("followup-confirm-progress");
    area.replaceChildren(progress.node);
    confirmIneligible(d.program, {
      records: entries,
      onProgress: progress.set,
    })
      .then((moved) => {
        area.append(
          el(
            "p",
            { id: "followup-confirm-done" },
            pick(d.lang, {
              ja: `${moved} 件を「${d.program.states.ineligible}」に登録しました。`,
              en: `Registered ${moved} as "${d.program.states.ineligible}".`,
            }),
          ),
        );
      })
      .catch((error: unknown) => {
        area.append(
          el(
            "p",
            { className: "followup-refusal" },
            pick(d.lang, {
              ja: `登録できませんでした（何も変更していません）：${errorText(error)}。もう一度「審査」を実行してください。`,
              en: `Could not register them (nothing changed): ${errorText(error)}. Run Screening again.`,
            }),
          ),
        );
      });
  });
  area.append(button);
  return area;
}

function resultNodes(d: ScreeningDialogDeps, summary: ScreeningSummary): Node[] {
  const { eligible, review, ineligible } = summary.counts;
  const { lang } = d;
  return [
    paragraphs(
      pick(lang, {
        ja: `${summary.screened} 件を審査しました（提案）：適格 ${eligible} 件・要確認 ${review} 件・対象外 ${ineligible} 件。書き込み ${summary.changed.length} 件。状態は変えていません。`,
        en: `Screened ${summary.screened} (proposals): eligible ${eligible}, to check ${review}, ineligible ${ineligible}. Written ${summary.changed.length}. No status was changed.`,
      }),
      ...(summary.decidedByStaff.length > 0
        ? [
            pick(lang, {
              ja: `事務局の判断が記録された ${summary.decidedByStaff.length} 件は、申込内容に変更がないため判断のままです。`,
              en: `${summary.decidedByStaff.length} application(s) with a recorded decision are unchanged and keep it.`,
            }),
          ]
        : []),
    ),
    entryList(
      d,
      "followup-proposed-ineligible",
      pick(lang, {
        ja: "対象外の提案（理由を確認してください。誤りがあるものは、レコードを開いて「事務局の判断」と理由を記録してから審査し直してください）",
        en: "Proposed ineligible (check the reasons; for a wrong one, open the record, record the secretariat's decision and its reason, then screen again)",
      }),
      summary.proposedIneligible,
    ),
    summary.proposedIneligible.length > 0 && confirmButton(d, summary.proposedIneligible),
    entryList(
      d,
      "followup-needs-review",
      pick(lang, {
        ja: "要確認（レコードを開いて判断してください。残っている間は抽選できません）",
        en: "To check (open each record and decide; the draw waits until none is left)",
      }),
      summary.needsReview,
    ),
    entryList(
      d,
      "followup-flagged",
      pick(lang, {
        ja: "判断の見直しが必要（判断の後に申込内容が変わりました）",
        en: "Decisions to review (the application changed after the decision)",
      }),
      summary.flagged,
      (entry) => keepDecision(d, entry),
    ),
  ].filter((node): node is HTMLElement => node !== false);
}

export async function runScreeningDialog(d: ScreeningDialogDeps): Promise<void> {
  const title = pick(d.lang, { ja: "審査", en: "Screening" });
  const ok = await confirmDialog(
    d.lang,
    title,
    paragraphs(
      pick(d.lang, {
        ja: `「${d.program.states.applied}」の申込をすべて審査し、審査結果（提案）を書き込みます。状態は変えません。対象外の提案は、次の画面で確認してから登録します。`,
        en: `Screens every application in "${d.program.states.applied}" and writes the proposals. No status is changed: proposed ineligible ones are confirmed on the next screen.`,
      }),
    ),
    pick(d.lang, { ja: "審査する", en: "Screen" }),
  );
  if (!ok) return;
  const progress = progressBar("followup-screen-progress");
  const body = el("div", {}, progress.node);
  const dialog = workDialog(d.lang, title, body);
  try {
    const summary = await screenAllApplications(d.program, {
      onProgress: progress.set,
    });
    body.replaceChildren(...resultNodes(d, summary));
    body.id = "followup-result";
  } catch (error) {
    body.replaceChildren(
      paragraphs(
        pick(d.lang, {
          ja: `処理できませんでした：${errorText(error)}`,
          en: `Failed: ${errorText(error)}`,
        }),
      ),
    );
    body.classList.add("followup-refusal");
    await dialog.finish("error");
    return;
  }
  await dialog.finish("success");
  d.reload();
}
