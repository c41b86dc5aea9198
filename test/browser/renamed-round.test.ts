/**
 * Issue 15, acceptance 3 (the browser half): the administrator renames every state and every action
 * — in the app's process management and on both settings pages of the plugin — and staff run a
 * whole round on the screens with the built plugin (審査 → 対象外 confirmed → 抽選 → a 辞退 →
 * 繰り上げ → 参加確定 → questionnaire → 訪問完了). The plugin's texts name the renamed states and
 * actions, nothing is refused, and `followup audit` (reading the names from the saved 設定 entry,
 * from a folder without followup.apps.json) finds nothing wrong. The CLI half:
 * test/operations/renamedRound.test.ts.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { ACTIONS, STATES } from "../../src/core/vocabulary";
import {
  renamedActions as actions,
  renamedStates as states,
  renameProcess,
} from "../support/renamedProcess";
import { open } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";
import {
  closeDialog,
  expectNoRefusal,
  followup,
  type Rec,
  roundOn,
  status,
  value,
} from "./support/round";

const run = programInBrowser(undefined, ({ p }) => renameProcess(p.admin, p.apps.applications));

const { app, recordOf, allRecords, as, look, finish, proceed, listButton } = roundOn(
  () => run,
  "renamed-round",
);

/** The settings page's state and action name inputs, every one renamed. */
async function fillRenamedNames(page: Page): Promise<void> {
  for (const [key, name] of Object.entries(states)) {
    await page.fill(`input[data-path="states.${key}"]`, name);
  }
  for (const [key, name] of Object.entries(actions)) {
    await page.fill(`input[data-path="actions.${key}"]`, name);
  }
}

/** What the detail panel on the screen says, with none of the default names quoted. */
async function panelText(page: Page): Promise<string> {
  const text = (await page.textContent("#followup-detail-panel")) ?? "";
  for (const name of [...Object.values(STATES), ...Object.values(ACTIONS)]) {
    expect(text).not.toContain(`「${name}」`);
  }
  return text;
}

describe("every state and action renamed: a whole round on the screens, audit clean", () => {
  let promoted = "";

  test("administrator: renames every state and action on both settings pages", async () => {
    const admin = await as("admin");
    const { page } = admin;
    const configOf = (id: number) => `/k/admin/app/${id}/plugin/config?pluginId=${run.p.pluginId}`;
    await open(page, configOf(app()));
    await page.waitForSelector("#followup-config-save");
    await page.fill('input[data-path="apps.questionnaires"]', String(run.p.apps.questionnaires));
    await page.fill('input[data-path="apps.lotteryLog"]', String(run.p.apps.lotteryLog));
    for (const op of ["screen", "draw", "promote"]) {
      await page.fill(`input[data-path="permissions.${op}.groups"]`, "secretariat");
    }
    await fillRenamedNames(page);
    await look(admin, "01-admin-applications-settings");
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);

    // The questionnaire app's plugin moves the application on: it needs the same names.
    await open(page, configOf(run.p.apps.questionnaires));
    await page.waitForSelector("#followup-config-save");
    await page.selectOption('select[data-path="role"]', "questionnaires");
    await page.fill('input[data-path="apps.applications"]', String(app()));
    await fillRenamedNames(page);
    await Promise.all([page.waitForURL("**/plugin/"), page.click("#followup-config-save")]);
    await finish(admin);
  });

  test("staff: 審査 and the proposed 対象外 confirmed, named by the renamed state and action", async () => {
    const staff = await as("staff1");
    const { page } = staff;
    const text = await listButton(staff, "followup-screen", "10-staff-screening");
    expect(text).toMatch(/120 件を審査しました/);
    const confirm = page.locator("#followup-confirm-ineligible");
    await expect(confirm.textContent()).resolves.toContain(
      `「${states.ineligible}」に登録する（${actions.registerIneligible}）`,
    );
    await confirm.click();
    await page.waitForSelector("#followup-confirm-done", { timeout: 60_000 });
    await expectNoRefusal(page);
    await closeDialog(page);
    const records = await allRecords();
    const ineligible = records.filter((r) => value(r, "eligibility") === "対象外");
    expect(ineligible.length).toBeGreaterThan(0);
    expect(ineligible.every((r) => status(r) === states.ineligible)).toBe(true);
    // A person looked at each 要確認 and accepted it (the draw waits until none is left).
    const review = records.filter((r) => value(r, "eligibility") === "要確認");
    await run.p.admin.record.updateRecords({
      app: app(),
      records: review.map((r) => ({
        id: value(r, "$id"),
        record: { eligibility: { value: "適格" } },
      })),
    });
    await finish(staff);
  });

  test("staff: 抽選, a winner's 辞退, 繰り上げ, 参加確定, the questionnaire, 訪問完了", async () => {
    const staff = await as("staff1");
    const { page } = staff;
    await open(page, `/k/${app()}/`);
    await page.click("#followup-draw");
    await page.waitForSelector("#followup-fingerprint");
    await page.click(".followup-dialog-ok");
    await page.waitForSelector("#followup-download-bundle, .followup-refusal", { timeout: 60_000 });
    await expectNoRefusal(page);
    await look(staff, "20-staff-draw-result");
    await closeDialog(page);

    const winners = (await allRecords()).filter((r) => status(r) === states.winner);
    expect(winners.length).toBeGreaterThan(0);
    const winner = value(winners[0] as Rec, "$id");
    await run.p.admin.record.updateRecord({
      app: app(),
      id: winner,
      record: { participation_intent: { value: "辞退する" } },
    });
    await open(page, `/k/${app()}/show#record=${winner}`);
    await expect(panelText(page)).resolves.toContain(
      `「${actions.confirm}」、「辞退する」なら「${actions.decline}」`,
    );
    await proceed(staff, winner, actions.decline, "21-staff-declined");
    expect(status(await recordOf(winner))).toBe(states.declined);

    expect(await listButton(staff, "followup-promote", "22-staff-promotion")).toMatch(/補欠順位 1/);
    await closeDialog(page);
    const first = (await allRecords()).find(
      (r) => status(r) === states.winner && value(r, "waitlist_no") === "1",
    );
    promoted = value(first as Rec, "$id");
    expect(promoted).not.toBe("");
    await run.p.admin.record.updateRecord({
      app: app(),
      id: promoted,
      record: { participation_intent: { value: "参加する" } },
    });
    await proceed(staff, promoted, actions.confirm, "23-staff-confirmed");
    expect(status(await recordOf(promoted))).toBe(states.confirmed);
    await expect(panelText(page)).resolves.toContain(`「${actions.answerQuestionnaire}」`);

    const link = page.locator("#followup-detail-panel a", { hasText: "質問票を入力する" });
    await open(page, (await link.getAttribute("href")) ?? "");
    await page.click(".sb-save");
    await page.waitForFunction(
      () => !location.pathname.endsWith("/edit") || location.hash.includes("record="),
    );
    for (let i = 0; i < 50 && status(await recordOf(promoted)) !== states.questionnaireDone; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status(await recordOf(promoted))).toBe(states.questionnaireDone);

    await run.p.admin.record.updateRecord({
      app: app(),
      id: promoted,
      record: {
        visit_date: { value: "2024-09-10" },
        visit_start: { value: "10:00" },
        visit_minutes: { value: "90" },
        expert_name: { value: "点検 太郎" },
      },
    });
    await proceed(staff, promoted, actions.completeVisit, "24-staff-visited");
    expect(status(await recordOf(promoted))).toBe(states.visited);
    await finish(staff);
  });

  test("followup audit, from a folder without followup.apps.json, finds nothing wrong", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "followup-renamed-ui-"));
    const audit = await followup(run.p.sandbox.baseUrl, ["audit"], cwd);
    expect(audit.out).toContain("問題はありません");
    expect(audit.code).toBe(0);
    const after = await allRecords();
    expect(after.every((r) => Object.values(states).includes(status(r)))).toBe(true);
  });
});
