import type { KintoneRecordLike } from "../../src/core/application";
import { STATES } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import { drawnRound, type ProgramSandbox, startProgramSandbox } from "./support/program";

/**
 * A drawn round audited clean, then broken one invariant at a time through REST, the way a CSV
 * import or FormBridge would bypass the plugin's guards.
 */
describe("followup audit", () => {
  let program: ProgramSandbox;
  let app: number;
  beforeAll(async () => {
    program = await startProgramSandbox();
    app = program.apps.applications;
    await drawnRound(program, 10);
  });
  afterAll(() => program.close());

  const records = async (status: string): Promise<KintoneRecordLike[]> => {
    const all = (await program.admin.record.getAllRecords({ app })) as KintoneRecordLike[];
    return all
      .filter((record) => statusOf(record) === status)
      .sort((a, b) => Number(a.waitlist_no?.value ?? 0) - Number(b.waitlist_no?.value ?? 0));
  };
  const take = async (status: string, index = 0) => {
    const record = (await records(status))[index];
    if (!record) throw new Error(`no record in ${status}`);
    return { id: String(record.$id?.value), no: String(record.application_no?.value) };
  };
  const update = (id: string, fields: Record<string, string>) =>
    program.admin.record.updateRecord({
      app,
      id,
      record: Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, { value }])),
    });
  const proceed = (id: string, action: string) =>
    program.admin.record.updateRecordStatus({ app, id, action });
  const audit = (...args: string[]) => program.followup(["audit", ...args]);

  it("passes a clean round, including a decline and a promotion in waitlist order", async () => {
    const first = await audit();
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain("問題はありません");
    expect(first.code).toBe(0);

    const winner = await take(STATES.winner);
    await update(winner.id, { participation_intent: "辞退する" });
    await proceed(winner.id, "辞退");
    const promoted = await program.followup(["promote", "--yes"]);
    expect(promoted.code).toBe(0);
    const again = await audit("--lang", "en");
    expect(again.stdout).toContain("no problems found");
    expect(again.stdout).toMatch(/hash chain: intact \(2 entries\)/);
    expect(again.code).toBe(0);
  });

  it("reports a winner whose rank was cleared", async () => {
    const winner = await take(STATES.winner);
    await update(winner.id, { lottery_rank: "" });
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`WINNER_WITHOUT_RANK[^■]*受付番号 ${winner.no}（`));
  });

  it("reports 参加確定 without 参加する, and 質問票回答済 without a questionnaire", async () => {
    const confirmed = await take(STATES.winner, 1);
    await update(confirmed.id, { participation_intent: "参加する" });
    await proceed(confirmed.id, "参加確定");
    await update(confirmed.id, { participation_intent: "未回答" });
    const answered = await take(STATES.winner, 1);
    await update(answered.id, { participation_intent: "参加する" });
    await proceed(answered.id, "参加確定");
    await proceed(answered.id, "質問票回答");
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`CONFIRMED_WITHOUT_INTENT[^■]*受付番号 ${confirmed.no}（`),
    );
    expect(run.stdout).toMatch(
      new RegExp(`ANSWERED_WITHOUT_QUESTIONNAIRE[^■]*受付番号 ${answered.no}（`),
    );
  });

  it("reports 訪問済 whose visit date was removed, and accepts a questionnaire once it exists", async () => {
    const visited = await take(STATES.winner, 1);
    await update(visited.id, { participation_intent: "参加する" });
    await proceed(visited.id, "参加確定");
    await program.admin.record.addRecord({
      app: program.apps.questionnaires,
      record: { application_no: { value: visited.no } },
    });
    await proceed(visited.id, "質問票回答");
    await update(visited.id, { visit_date: "2024-09-10", expert_name: "専門家 太郎" });
    await proceed(visited.id, "訪問完了");
    await update(visited.id, { visit_date: "" });
    const run = await audit();
    expect(run.stdout).toMatch(new RegExp(`VISITED_WITHOUT_RECORD[^■]*受付番号 ${visited.no}（`));
    expect(run.stdout).not.toMatch(
      new RegExp(`ANSWERED_WITHOUT_QUESTIONNAIRE[^■]*受付番号 ${visited.no}（`),
    );
  });

  it("reports a promotion that skipped the waitlist order", async () => {
    const skipped = await take(STATES.waitlisted, 0);
    const jumped = await take(STATES.waitlisted, 2);
    await update(jumped.id, { lottery_result: "当選" });
    await proceed(jumped.id, "繰り上げ");
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`WAITLIST_SKIPPED[^■]*受付番号 ${skipped.no}（`));
  });

  it("reports lottery values the draw never gave", async () => {
    const outsider = await take(STATES.ineligible);
    await update(outsider.id, { lottery_result: "当選" });
    const moved = await take(STATES.waitlisted, 4);
    await update(moved.id, { lottery_rank: "1" });
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`RESULT_NOT_FROM_DRAW[^■]*受付番号 ${outsider.no}（`));
    expect(run.stdout).toMatch(new RegExp(`DRAW_VALUES_CHANGED[^■]*受付番号 ${moved.no}（`));
  });

  it("reports a lottery log entry edited after the fact", async () => {
    const log = await program.admin.record.getAllRecords({ app: program.apps.lotteryLog });
    const draw = log.find((record) => record.kind?.value === "抽選");
    await program.admin.record.updateRecord({
      app: program.apps.lotteryLog,
      id: String(draw?.$id?.value),
      record: { reason: { value: "あとから書き換え" } },
    });
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("ハッシュチェーンが壊れています（通番 1）");
  });
});
