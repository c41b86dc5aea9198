/**
 * Only the draw makes winners (issue 12, spec §3), with the built plugin on the sandbox: the
 * lottery fields cannot be typed into on any form, a hand-made winner cannot be registered on the
 * detail screen, and the refusal says why.
 */
import type { Page } from "playwright-core";
import { drawLottery, readLotteryLog } from "../../src/adapters/lottery";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { verifyChain } from "../../src/core/lottery";
import { configurePlugin } from "../plugin/support/pluginSettings";
import { loggedIn, open, screenshot } from "./support/browser";
import { programInBrowser } from "./support/programInBrowser";

type Rec = Record<string, { value: unknown; type?: string }>;
const status = (r: Rec) => String(Object.values(r).find((f) => f.type === "STATUS")?.value);
const LOTTERY_FIELDS = ["lottery_result", "lottery_rank", "waitlist_no", "lottery_run_id"];

const run = programInBrowser(undefined, ({ p, browser }) =>
  configurePlugin(browser, p, ["staff1"]),
);

async function page(path: string, mobile = false): Promise<Page> {
  const { page: opened } = await loggedIn(run.browser, run.p.sandbox.baseUrl, "staff1", { mobile });
  await open(opened, path);
  return opened;
}

/** The lottery fields' inputs and whether each is disabled. */
async function lotteryInputs(form: Page): Promise<Record<string, boolean>> {
  await form.waitForSelector('[data-field-code="lottery_result"] select');
  return form.$$eval(
    LOTTERY_FIELDS.map((code) => `[data-field-code="${code}"] :is(input, select, textarea)`).join(
      ", ",
    ),
    (inputs) =>
      Object.fromEntries(
        inputs.map((input) => [
          (input as HTMLInputElement).name ||
            (input.closest("[data-field-code]") as HTMLElement).dataset.fieldCode,
          (input as HTMLInputElement).disabled,
        ]),
      ),
  );
}

/** An application in 申込受付, screened 適格 (as the draw's pool would have it). */
async function anEligibleRecord(offset: number): Promise<string> {
  const { records } = await run.p.admin.record.getRecords({
    app: run.p.apps.applications,
    query: `order by $id asc limit 1 offset ${offset}`,
  });
  const id = String(records[0]?.$id?.value);
  await run.p.admin.record.updateRecord({
    app: run.p.apps.applications,
    id,
    record: { eligibility: { value: "適格" } },
  });
  return id;
}

test("the lottery fields are read-only on the create, edit, inline-edit and mobile forms", async () => {
  const id = await anEligibleRecord(0);
  const create = await page(`/k/${run.p.apps.applications}/edit`);
  const created = await lotteryInputs(create);
  expect(Object.keys(created).length).toBeGreaterThanOrEqual(4);
  expect(Object.values(created).every(Boolean)).toBe(true);
  await create.close();

  const edit = await page(`/k/${run.p.apps.applications}/show#record=${id}&mode=edit`);
  expect(Object.values(await lotteryInputs(edit)).every(Boolean)).toBe(true);
  await screenshot(edit, "draw-only-edit-form");
  await edit.close();

  const mobile = await page(`/k/m/${run.p.apps.applications}/show?record=${id}#mode=edit`, true);
  expect(Object.values(await lotteryInputs(mobile)).every(Boolean)).toBe(true);
  await mobile.close();

  const list = await page(`/k/${run.p.apps.applications}/`);
  await list.click(`tr[data-record-id="${id}"] .sb-inline-edit`);
  await list.waitForSelector(
    `tr[data-record-id="${id}"] td[data-field-code="lottery_result"] select`,
  );
  const inline = await list.$$eval(
    `tr[data-record-id="${id}"] td[data-field-code^="lottery_"] :is(input, select), tr[data-record-id="${id}"] td[data-field-code="waitlist_no"] input`,
    (inputs) => inputs.map((input) => (input as HTMLInputElement).disabled),
  );
  expect(inline.length).toBeGreaterThanOrEqual(2);
  expect(inline.every(Boolean)).toBe(true);
  await list.close();
});

test("a winner written by hand cannot be registered: 当選登録 is refused with the reason", async () => {
  const id = await anEligibleRecord(1);
  // What a staff member could still do over REST or CSV: type the values the draw would write.
  await run.p.admin.record.updateRecord({
    app: run.p.apps.applications,
    id,
    record: {
      lottery_result: { value: "当選" },
      lottery_rank: { value: "1" },
      lottery_run_id: { value: "made-up" },
    },
  });
  const before = (await run.p.admin.record.getRecord({ app: run.p.apps.applications, id }))
    .record as Rec;
  const detail = await page(`/k/${run.p.apps.applications}/show#record=${id}`);
  await detail.waitForSelector("#followup-detail-panel");
  await detail.click('.sb-action[data-action="当選登録"]');
  await detail.waitForSelector(".sb-error-banner:not(:empty)");
  await expect(detail.textContent(".sb-error-banner")).resolves.toContain(
    "当選は抽選だけが決めます",
  );
  await screenshot(detail, "draw-only-refused-winner");
  const after = (await run.p.admin.record.getRecord({ app: run.p.apps.applications, id }))
    .record as Rec;
  expect(status(after)).toBe("申込受付");
  expect(after.$revision?.value).toBe(before.$revision?.value);
  await detail.close();
});

test("on the status bar, 取消 with its reason and 繰り上げ into the freed place are logged in the chain; a second 繰り上げ finds no vacancy", async () => {
  const app = run.p.apps.applications;
  const applied = await run.p.admin.record.getAllRecords({
    app,
    condition: 'ステータス in ("申込受付")',
  });
  await run.p.admin.record.updateAllRecords({
    app,
    records: applied.map((r) => ({
      id: String(r.$id?.value),
      record: { eligibility: { value: "適格" } },
    })),
  });
  const program = defaultProgram(run.p.admin, run.p.apps);
  await drawLottery({ program, quota: 5 });
  const drawn = (await run.p.admin.record.getAllRecords({ app })) as Rec[];
  const byWaitlist = (no: number) =>
    String(drawn.find((r) => String(r.waitlist_no?.value) === String(no))?.$id?.value);
  const winner = String(drawn.find((r) => status(r) === "当選")?.$id?.value);
  await run.p.admin.record.updateRecord({
    app,
    id: winner,
    record: { withdrawal_reason: { value: "虚偽申告: 従業員数" } },
  });

  const act = async (id: string, action: string): Promise<Page> => {
    const detail = await page(`/k/${app}/show#record=${id}`);
    await detail.waitForSelector("#followup-detail-panel");
    await detail.click(`.sb-action[data-action="${action}"]`);
    return detail;
  };
  /** Waits for the status change the click asked for, or fails with what the screen said. */
  const statusBecomes = async (id: string, want: string, screen: Page) => {
    for (let i = 0; i < 50; i++) {
      const { record } = await run.p.admin.record.getRecord({ app, id });
      if (status(record as Rec) === want) return;
      await screen.waitForTimeout(100);
    }
    throw new Error(
      `${id} did not become ${want}: ${await screen.textContent(".sb-error-banner")}`,
    );
  };
  const cancelled = await act(winner, "取消");
  await statusBecomes(winner, "対象外", cancelled);
  await cancelled.close();

  const promoted = await act(byWaitlist(1), "繰り上げ");
  await statusBecomes(byWaitlist(1), "当選", promoted);
  await promoted.close();

  const refused = await act(byWaitlist(2), "繰り上げ");
  await refused.waitForSelector(".sb-error-banner:not(:empty)");
  await expect(refused.textContent(".sb-error-banner")).resolves.toContain("欠員がありません");
  await refused.close();

  // The settings page's 設定 entries come first; after them the draw and what followed it.
  const log = await readLotteryLog(program);
  const events = log.filter((entry) => entry.kind !== "設定");
  expect(events.map((entry) => entry.kind)).toEqual(["抽選", "取消", "繰り上げ"]);
  expect(events[1]?.reason).toBe("虚偽申告: 従業員数");
  expect(await verifyChain(log)).toEqual({ ok: true });
});

test("over REST, a viewer cannot run a process action and staff cannot edit or delete a log entry", async () => {
  const app = run.p.apps.applications;
  const viewer = run.p.sandbox.clientAs("viewer");
  const staff = run.p.sandbox.clientAs("staff1");
  const waiting = (await run.p.admin.record.getAllRecords({ app })).find(
    (r) => status(r as Rec) === "補欠",
  );
  const id = String(waiting?.$id?.value);
  const before = (await run.p.admin.record.getRecord({ app, id })).record as Rec;
  await expect(
    viewer.record.updateRecordStatus({ app, id, action: "繰り上げ" }),
  ).rejects.toMatchObject({
    code: "CB_NO02",
  });
  const after = (await run.p.admin.record.getRecord({ app, id })).record as Rec;
  expect(status(after)).toBe("補欠");
  expect(after.$revision?.value).toBe(before.$revision?.value);

  const [entry] = (await run.p.admin.record.getAllRecords({ app: run.p.apps.lotteryLog })) as Rec[];
  const logId = String(entry?.$id?.value);
  await expect(
    staff.record.updateRecord({
      app: run.p.apps.lotteryLog,
      id: logId,
      record: { reason: { value: "書き換え" } },
    }),
  ).rejects.toMatchObject({ code: "CB_NO02" });
  await expect(
    staff.record.deleteRecords({ app: run.p.apps.lotteryLog, ids: [logId] }),
  ).rejects.toMatchObject({ code: "CB_NO02" });
  const still = (await run.p.admin.record.getRecord({ app: run.p.apps.lotteryLog, id: logId }))
    .record as Rec;
  expect(still.reason?.value).toBe(entry?.reason?.value);
});
