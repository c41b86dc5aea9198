/**
 * 差し戻し on the detail screen (spec v2 §3): for an application in 対象外 before the draw, a
 * button under the panel asks for the reason and sends it back to 申込受付 through sendBack —
 * status, cleared decision and the 差し戻し log entry in one bulk request — so the reason is in
 * the lottery log, unlike kintone's bare process action.
 */
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { allowedOperations, errorText } from "../adapters/kintone-js/session";
import type { Program } from "../adapters/program";
import { DecisionRefusal, sendBack } from "../adapters/screening/decisions";
import type { KintoneRecordLike } from "../core/application";
import { pick } from "../core/i18n";
import { statusOf } from "../core/workflow/record";
import { confirmDialog, paragraphs, workDialog } from "./dialogs";
import { el, newButton, textField } from "./dom";

export const SEND_BACK_ID = "followup-send-back";

export async function renderSendBack(
  k: KintoneApi,
  space: HTMLElement,
  record: KintoneRecordLike,
  program: Program,
  reload: () => void,
): Promise<void> {
  const { config, lang, states, actions } = program;
  if (statusOf(record) !== states.ineligible || program.apps.lotteryLog === null) return;
  if (space.querySelector(`#${SEND_BACK_ID}`)) return;
  const { allowed } = await allowedOperations(k, config);
  if (!allowed.screen) return;
  const id = String(record.$id?.value ?? "");
  const button = newButton(
    pick(lang, {
      ja: `${actions.sendBack}（理由を記録）`,
      en: `${actions.sendBack} (with a reason)`,
    }),
    { id: SEND_BACK_ID },
  );
  button.addEventListener("click", () => {
    button.disabled = true;
    run().finally(() => {
      button.disabled = false;
    });
  });
  space.append(el("div", { className: "followup-send-back" }, button));

  async function run(): Promise<void> {
    const title = actions.sendBack;
    const reason = textField(
      "followup-send-back-reason",
      pick(lang, { ja: "理由（抽選記録に残ります）", en: "Reason (kept in the lottery log)" }),
    );
    const ok = await confirmDialog(
      lang,
      title,
      el(
        "div",
        { className: "followup-dialog-body" },
        el(
          "p",
          {},
          pick(lang, {
            ja: `この申込を「${states.ineligible}」から「${states.applied}」に戻します。事務局の判断は取り消され、次の審査で審査し直します。抽選の後はできません。`,
            en: `Brings this application back from "${states.ineligible}" to "${states.applied}". The secretariat's decision is cleared and the next screening judges it again. Not possible after the draw.`,
          }),
        ),
        reason.field,
      ),
      pick(lang, { ja: "差し戻す", en: "Send back" }),
    );
    if (!ok) return;
    const body = paragraphs(pick(lang, { ja: "書き込み中…", en: "Writing…" }));
    const dialog = workDialog(lang, title, body);
    try {
      await sendBack({ program, id, reason: reason.input.value });
      body.replaceChildren(
        paragraphs(
          pick(lang, {
            ja: `「${states.applied}」に戻しました（抽選記録に記録済み）。一覧画面の「審査」で審査し直してください。`,
            en: `Sent back to "${states.applied}" (logged). Screen it again from the list screen.`,
          }),
        ),
      );
      body.id = "followup-send-back-done";
      await dialog.finish("success");
      reload();
    } catch (error) {
      const text =
        error instanceof DecisionRefusal
          ? pick(lang, error.text)
          : pick(lang, {
              ja: `できませんでした：${errorText(error)}`,
              en: `Failed: ${errorText(error)}`,
            });
      body.replaceChildren(paragraphs(text));
      body.classList.add("followup-refusal");
      await dialog.finish("error");
    }
  }
}
