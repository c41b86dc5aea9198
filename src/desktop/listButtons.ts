/**
 * The staff buttons of the list screen (header menu space): 審査, 抽選, 繰り上げ, 同期. Shown only to
 * the users and groups the plugin settings allow; each asks before it writes and says plainly when
 * the lottery refuses.
 */
import { syncQuestionnaires } from "../adapters/screening/syncQuestionnaires";
import {
  commitSeed,
  type DrawOutcome,
  drawLottery,
  LotteryRefusal,
  prepareDraw,
  promoteFromWaitlist,
  resumeDraw,
  type LotteryOptions,
} from "../adapters/lottery";
import { allowedOperations, errorText } from "../adapters/kintone-js/session";
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import { AppNotConfiguredError, type Program } from "../adapters/program";
import { type Lang, type Localized, pick } from "../core/i18n";
import type { Permission } from "../core/settings/pluginConfig";
import { ELIGIBILITY_LABELS } from "../core/vocabulary";
import { generateSeed, seedCommitment } from "../core/lottery";
import { LIST_BUTTON_LABELS } from "./buttonLabels";
import { confirmDialog, downloadJson, paragraphs, workDialog } from "./dialogs";
import { runScreeningDialog } from "./screeningDialog";
import { el, newButton, textField } from "./dom";

export const BUTTONS_ID = "followup-list-buttons";

export interface ListScreenDeps {
  /** Shows the list again after a change (location.reload in kintone). */
  reload: () => void;
}

interface Screen {
  k: KintoneApi;
  program: Program;
  lang: Lang;
  appId: number;
  deps: ListScreenDeps;
  operator: { code: string; groups: string[] };
}

/** Adds the buttons once; the list event fires again on paging and sorting. */
export async function showListButtons(
  k: KintoneApi,
  program: Program,
  deps: ListScreenDeps,
): Promise<void> {
  const { lang } = program;
  const space = k.app.getHeaderMenuSpaceElement();
  const appId = program.apps.applications;
  if (!space || appId === null || space.querySelector(`#${BUTTONS_ID}`)) return;
  const bar = el("div", { id: BUTTONS_ID, className: "followup-list-buttons" });
  space.append(bar);
  const { allowed, unknown, operator } = await allowedOperations(k, program.config);
  const screen: Screen = { k, program, lang, appId, deps, operator };
  const add = (id: string, text: Localized, run: (s: Screen) => Promise<void>) => {
    const button = newButton(pick(lang, text), { id });
    button.addEventListener("click", () => {
      button.disabled = true;
      run(screen).finally(() => {
        button.disabled = false;
      });
    });
    bar.append(button);
  };
  if (allowed.screen) add("followup-screen", LIST_BUTTON_LABELS.screen, runScreening);
  if (allowed.draw) add("followup-notice", LIST_BUTTON_LABELS.notice, runNotice);
  if (allowed.draw) add("followup-draw", LIST_BUTTON_LABELS.draw, runDraw);
  if (allowed.promote) add("followup-promote", LIST_BUTTON_LABELS.promote, runPromotion);
  if (allowed.screen) add("followup-sync", LIST_BUTTON_LABELS.sync, runSync);
  if (unknown.length > 0) bar.append(groupsUnknownNotice(lang, unknown));
}

const BUTTONS_OF: Record<Permission, Array<keyof typeof LIST_BUTTON_LABELS>> = {
  screen: ["screen", "sync"],
  draw: ["notice", "draw"],
  promote: ["promote"],
};

/**
 * In a guest space kintone does not say who is in a group, so buttons only a group grants are not
 * shown (never offered and then refused); one notice names them and the fix.
 */
function groupsUnknownNotice(lang: Lang, unknown: Permission[]): HTMLElement {
  const names = unknown
    .flatMap((p) => BUTTONS_OF[p])
    .map((b) => pick(lang, LIST_BUTTON_LABELS[b]))
    .join(lang === "ja" ? "・" : ", ");
  return el(
    "p",
    { id: "followup-groups-unknown", className: "followup-groups-unknown" },
    pick(lang, {
      ja: `このアプリはゲストスペースにあるため、kintoneはグループの所属を教えません。${names}のボタンはグループでしか許可されていないので表示していません。使う人のログイン名をプラグインの設定「操作できる人」のユーザー欄に入力してください。`,
      en: `This app is in a guest space, where kintone does not tell group membership. The ${names} buttons are allowed only to groups, so they are not shown. List the login names of the people who use them under "Who may operate" (users) in the plugin settings.`,
    }),
  );
}

function failureText(error: unknown, lang: Lang): string {
  if (error instanceof LotteryRefusal || error instanceof AppNotConfiguredError) {
    return error.text[lang];
  }
  return pick(lang, {
    ja: `処理できませんでした：${errorText(error)}`,
    en: `Failed: ${errorText(error)}`,
  });
}

/** The lottery re-checks the same permission list (draw or promote) for the operator. */
function lotteryOptions(s: Screen, permission: "draw" | "promote"): LotteryOptions | undefined {
  if (s.program.apps.lotteryLog === null) return undefined;
  return {
    program: s.program,
    allowed: s.program.config.permissions[permission],
    operator: s.operator,
  };
}

const missingLogApp: Localized = new AppNotConfiguredError("lotteryLog").text;

/** Shows a refusal or failure in a dialog. */
async function showFailure(s: Screen, title: string, text: string): Promise<void> {
  const body = paragraphs(text);
  body.classList.add("followup-refusal");
  await workDialog(s.lang, title, body).finish("error");
}

function progressBar(): { node: HTMLElement; set: (done: number, total: number) => void } {
  const bar = el("progress", { className: "followup-progress", attrs: { max: "1", value: "0" } });
  const label = el("span", { className: "followup-progress-label" }, "");
  return {
    node: el("div", {}, bar, label),
    set(done, total) {
      bar.max = Math.max(total, 1);
      bar.value = done;
      label.textContent = ` ${done} / ${total}`;
    },
  };
}

/**
 * Runs the writing step in a work dialog: its result, or the failure, replaces the dialog's body
 * (the progress shown while it runs); after a success the list is shown again.
 */
async function writeInDialog(
  s: Screen,
  title: string,
  body: HTMLElement,
  write: () => Promise<Node[]>,
): Promise<void> {
  const dialog = workDialog(s.lang, title, body);
  try {
    const result = await write();
    body.replaceChildren(...result);
    body.id = "followup-result";
    await dialog.finish("success");
    s.deps.reload();
  } catch (error) {
    body.replaceChildren(paragraphs(failureText(error, s.lang)));
    body.classList.add("followup-refusal");
    await dialog.finish("error");
  }
}

function writingNotice(lang: Lang): HTMLElement {
  return el("div", {}, pick(lang, { ja: "書き込み中…", en: "Writing…" }));
}

function runScreening(s: Screen): Promise<void> {
  return runScreeningDialog({
    lang: s.lang,
    program: s.program,
    appId: s.appId,
    reload: s.deps.reload,
  });
}

/**
 * 抽選予告 (spec §5.1): a seed made here, shown once to keep secret until the draw, and its SHA-256
 * logged before the window closes; the draw then accepts only that seed.
 */
async function runNotice(s: Screen): Promise<void> {
  const title = pick(s.lang, LIST_BUTTON_LABELS.notice);
  const options = lotteryOptions(s, "draw");
  if (!options) return showFailure(s, title, pick(s.lang, missingLogApp));
  const seed = generateSeed();
  const commitment = await seedCommitment(seed);
  const ok = await confirmDialog(
    s.lang,
    title,
    paragraphs(
      pick(s.lang, {
        ja: "抽選で使うシードを今決めて、そのSHA-256だけを抽選記録に残します。抽選はこのシードでしかできなくなるため、申込の状況を見てからシードを選ぶことはできません。",
        en: "Fixes the draw's seed now and logs only its SHA-256; the draw will accept no other seed, so nobody can pick a seed after seeing the applications.",
      }),
      pick(s.lang, {
        ja: `シード（抽選まで秘密にして保管してください）：${seed}`,
        en: `Seed (keep it secret until the draw): ${seed}`,
      }),
      pick(s.lang, {
        ja: `記録する値（SHA-256）：${commitment}`,
        en: `Logged (SHA-256): ${commitment}`,
      }),
    ),
    pick(s.lang, { ja: "予告を記録する", en: "Log the commitment" }),
  );
  if (!ok) return;
  await writeInDialog(s, title, writingNotice(s.lang), async () => {
    const outcome = await commitSeed({
      ...options,
      commitment,
      quota: s.program.settings.quota,
      closesAt: s.program.settings.window.closesAt,
    });
    return [
      paragraphs(
        pick(s.lang, {
          ja: `抽選予告を記録しました。抽選のときにシード ${seed} を入力してください。`,
          en: `Logged. Enter the seed ${seed} when you draw.`,
        }),
        pick(s.lang, {
          ja: `抽選記録のチェーンの先頭：${outcome.chainHead}`,
          en: `Lottery log chain head: ${outcome.chainHead}`,
        }),
      ),
    ];
  });
}

async function runDraw(s: Screen): Promise<void> {
  const title = pick(s.lang, { ja: "抽選", en: "Lottery draw" });
  const options = lotteryOptions(s, "draw");
  if (!options) return showFailure(s, title, pick(s.lang, missingLogApp));
  const quota = s.program.settings.quota;
  let plan;
  try {
    plan = await prepareDraw({ ...options, quota, closesAt: s.program.settings.window.closesAt });
  } catch (error) {
    if (error instanceof LotteryRefusal && error.code === "draw-running") {
      return offerResume(s, title, options, failureText(error, s.lang));
    }
    return showFailure(s, title, failureText(error, s.lang));
  }
  const seed = textField(
    "followup-seed",
    pick(s.lang, {
      ja: "シード値（任意・16進数64文字。空欄なら自動生成）",
      en: "Seed (optional, 64 hex characters; generated when empty)",
    }),
  );
  const ok = await confirmDialog(
    s.lang,
    title,
    el(
      "div",
      { className: "followup-dialog-body" },
      el(
        "p",
        {},
        pick(s.lang, {
          ja: `対象（適格の申込）：${plan.poolSize} 件`,
          en: `Pool (eligible): ${plan.poolSize}`,
        }),
      ),
      el(
        "p",
        {},
        pick(s.lang, {
          ja: "申込者一覧の確認用の値（SHA-256）：",
          en: "Check value of the applicant list (SHA-256): ",
        }),
        el("code", { id: "followup-fingerprint" }, plan.poolFingerprint),
      ),
      el(
        "p",
        { className: "followup-note" },
        pick(s.lang, {
          ja: "抽選の対象になった申込の一覧から計算した値です。控えておけば、後でこの一覧のまま抽選したことを誰でも確かめられます。",
          en: "Computed from the list of applications in the draw; keep it, and anyone can later check that the draw used exactly this list.",
        }),
      ),
      el("p", {}, pick(s.lang, { ja: `当選枠：${quota} 件`, en: `Quota: ${quota}` })),
      plan.openPlaces > 0
        ? el(
            "p",
            {},
            pick(s.lang, {
              ja: `申込が当選枠に満たないため全員が当選します。再募集できる枠：${plan.openPlaces} 件`,
              en: `Fewer applicants than places: everyone wins; ${plan.openPlaces} places stay open for a new call.`,
            }),
          )
        : null,
      plan.commitment
        ? el(
            "p",
            {},
            pick(s.lang, {
              ja: `抽選予告があります。予告したシードを入力してください（SHA-256 ${plan.commitment}）。`,
              en: `A seed was committed in advance: enter that seed (SHA-256 ${plan.commitment}).`,
            }),
          )
        : null,
      seed.field,
      el(
        "p",
        {},
        pick(s.lang, {
          ja: "抽選は1回だけです。実行しますか？",
          en: "A round is drawn once. Draw now?",
        }),
      ),
    ),
    pick(s.lang, { ja: "抽選する", en: "Draw" }),
  );
  if (!ok) return;
  await writeDraw(s, title, (onProgress) =>
    drawLottery({
      ...options,
      quota,
      plan,
      closesAt: s.program.settings.window.closesAt,
      seed: seed.input.value.trim() === "" ? undefined : seed.input.value.trim(),
      onProgress,
    }),
  );
}

/** An interrupted draw is finished with the ranking in its log entry, never drawn again. */
async function offerResume(s: Screen, title: string, options: LotteryOptions, refusal: string) {
  const ok = await confirmDialog(
    s.lang,
    title,
    paragraphs(
      refusal,
      pick(s.lang, {
        ja: "記録済みの順位のまま、残りの書き込みを再開しますか？",
        en: "Resume writing the rest with the ranking already logged?",
      }),
    ),
    pick(s.lang, { ja: "再開する", en: "Resume" }),
  );
  if (!ok) return;
  await writeDraw(s, title, (onProgress) => resumeDraw({ ...options, onProgress }));
}

/** Runs the writing part of a draw with a progress bar, then the summary and the bundle download. */
async function writeDraw(
  s: Screen,
  title: string,
  write: (onProgress: (done: number, total: number) => void) => Promise<DrawOutcome>,
): Promise<void> {
  const progress = progressBar();
  await writeInDialog(s, title, el("div", {}, progress.node), async () => {
    const outcome = await write(progress.set);
    const winners = outcome.bundle.ranking.filter((r) => r.result === "当選").length;
    const download = newButton(
      pick(s.lang, { ja: "検証用データをダウンロード", en: "Download the verification bundle" }),
      { id: "followup-download-bundle", kind: "submit" },
    );
    download.addEventListener("click", () =>
      downloadJson(`lottery-${outcome.runId}.json`, outcome.bundle),
    );
    return [
      paragraphs(
        pick(s.lang, { ja: `抽選ID：${outcome.runId}`, en: `Run: ${outcome.runId}` }),
        pick(s.lang, {
          ja: `当選 ${winners} 件・補欠 ${outcome.bundle.ranking.length - winners} 件を書き込みました。`,
          en: `Wrote ${winners} winners and ${outcome.bundle.ranking.length - winners} waitlisted.`,
        }),
        pick(s.lang, {
          ja: `シード値：${outcome.bundle.seed}`,
          en: `Seed: ${outcome.bundle.seed}`,
        }),
        ...(outcome.openPlaces > 0
          ? [
              pick(s.lang, {
                ja: `再募集できる枠：${outcome.openPlaces} 件`,
                en: `Places open for a new call: ${outcome.openPlaces}`,
              }),
            ]
          : []),
        pick(s.lang, {
          ja: `抽選記録のチェーンの先頭：${outcome.chainHead}（決裁文書などkintoneの外に控えてください）`,
          en: `Lottery log chain head: ${outcome.chainHead} (keep it outside kintone, e.g. in the approval papers)`,
        }),
      ),
      download,
    ];
  });
}

async function runPromotion(s: Screen): Promise<void> {
  const title = pick(s.lang, { ja: "繰り上げ", en: "Promotion" });
  const options = lotteryOptions(s, "promote");
  if (!options) return showFailure(s, title, pick(s.lang, missingLogApp));
  let preview;
  try {
    preview = await promoteFromWaitlist({ ...options, dryRun: true });
  } catch (error) {
    return showFailure(s, title, failureText(error, s.lang));
  }
  const who = preview.promoted
    .map((p) =>
      pick(s.lang, {
        ja: `補欠順位 ${p.waitlist_no}（レコード ${p.key}）`,
        en: `waitlist no. ${p.waitlist_no} (record ${p.key})`,
      }),
    )
    .join("、");
  const ok = await confirmDialog(
    s.lang,
    title,
    paragraphs(
      pick(s.lang, {
        ja: `欠員 ${preview.vacanciesBefore} 件`,
        en: `Vacancies: ${preview.vacanciesBefore}`,
      }),
      pick(s.lang, { ja: `繰り上げる申込：${who}`, en: `To promote: ${who}` }),
      ...(preview.unfilled > 0
        ? [
            pick(s.lang, {
              ja: `補欠が足りません。${preview.unfilled} 件の欠員は繰り上げでは埋まりません（再募集を検討してください）。`,
              en: `Not enough waitlisted applications: ${preview.unfilled} vacancies stay open (consider a new call).`,
            }),
          ]
        : []),
    ),
    pick(s.lang, { ja: "繰り上げる", en: "Promote" }),
  );
  if (!ok) return;
  await writeInDialog(s, title, writingNotice(s.lang), async () => {
    const outcome = await promoteFromWaitlist({ ...options, count: preview.promoted.length });
    return [
      paragraphs(
        pick(s.lang, {
          ja: `${outcome.promoted.length} 件を当選に繰り上げました（補欠順位 ${outcome.promoted.map((p) => p.waitlist_no).join(", ")}）。`,
          en: `Promoted ${outcome.promoted.length} (waitlist no. ${outcome.promoted.map((p) => p.waitlist_no).join(", ")}).`,
        }),
        ...(preview.unfilled > 0
          ? [
              pick(s.lang, {
                ja: `補欠がいなくなりました。残り ${preview.unfilled} 件の欠員は繰り上げでは埋まりません（再募集を検討してください）。`,
                en: `The waitlist has run out: ${preview.unfilled} vacancies cannot be filled by promotion (consider a new call).`,
              }),
            ]
          : []),
        pick(s.lang, {
          ja: `抽選記録のチェーンの先頭：${outcome.chainHead}`,
          en: `Lottery log chain head: ${outcome.chainHead}`,
        }),
      ),
    ];
  });
}

async function runSync(s: Screen): Promise<void> {
  const title = pick(s.lang, { ja: "質問票の同期", en: "Questionnaire sync" });
  let preview;
  try {
    preview = await syncQuestionnaires(s.program, { dryRun: true });
  } catch (error) {
    return showFailure(s, title, failureText(error, s.lang));
  }
  if (preview.moved.length === 0) {
    await workDialog(
      s.lang,
      title,
      paragraphs(
        pick(s.lang, {
          ja: `質問票が届いた参加確定の申込はありません（回答待ち ${preview.waiting.length} 件）。`,
          en: `No confirmed application has a new questionnaire (${preview.waiting.length} waiting).`,
        }),
      ),
    ).finish("info");
    return;
  }
  const ok = await confirmDialog(
    s.lang,
    title,
    paragraphs(
      pick(s.lang, {
        ja: `質問票が届いている ${preview.moved.length} 件を「${s.program.states.questionnaireDone}」に進めます。`,
        en: `Moves ${preview.moved.length} application(s) with a questionnaire to ${s.program.states.questionnaireDone}.`,
      }),
    ),
    pick(s.lang, { ja: "進める", en: "Proceed" }),
  );
  if (!ok) return;
  await writeInDialog(s, title, writingNotice(s.lang), async () => {
    const result = await syncQuestionnaires(s.program);
    return [
      paragraphs(
        pick(s.lang, {
          ja: `${result.moved.length} 件を進めました。`,
          en: `Moved ${result.moved.length}.`,
        }),
      ),
    ];
  });
}
