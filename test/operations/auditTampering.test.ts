/**
 * `followup audit` sees everything the lottery log implies (issue 12): winners made by hand before
 * and after the draw, a draw left at 開始, a deleted log entry, an over-quota promotion over REST,
 * and an edited entry whose hash was recomputed, caught with the chain head kept outside kintone.
 * Each case breaks the round through REST, checks the finding and exit code 1, then repairs it.
 */
import type { KintoneRecordLike } from "../../src/core/application";
import { chainedEntryOfRecord, entryHash, type LogEntryContent } from "../../src/core/lottery";
import { LOTTERY_LOG_FIELDS } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import { drawLottery } from "../../src/adapters/lottery";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { addPool } from "../lottery/provision";
import { drawnRound, type ProgramSandbox, startProgramSandbox } from "./support/program";

describe("followup audit on a tampered round", () => {
  let program: ProgramSandbox;
  let app: number;
  let logApp: number;
  beforeAll(async () => {
    program = await startProgramSandbox();
    app = program.apps.applications;
    logApp = program.apps.lotteryLog;
  });
  afterAll(() => program.close());

  const audit = (...args: string[]) => program.followup(["audit", ...args]);
  const all = async () =>
    (await program.admin.record.getAllRecords({ app })) as KintoneRecordLike[];
  const update = (id: string, fields: Record<string, string>) =>
    program.admin.record.updateRecord({
      app,
      id,
      record: Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, { value }])),
    });
  const logRecords = async () =>
    (await program.admin.record.getAllRecords({ app: logApp, orderBy: "sequence asc" })) as Array<
      Record<string, { value: unknown }>
    >;
  const handMade = { lottery_result: "当選", lottery_rank: "1" };
  const undrawn = { lottery_result: "未抽選", lottery_rank: "", lottery_run_id: "" };

  it("names a hand-made winner before any draw, and again after the draw", async () => {
    const first = String((await all())[0]?.$id?.value);
    await update(first, handMade);
    const before = await audit();
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(new RegExp(`NOT_FROM_COMPLETED_DRAW[^■]*レコードID ${first}・`));
    await update(first, undrawn);

    await drawnRound(program, 10);
    expect((await audit()).code).toBe(0);
    const outsider = (await all()).find((r) => statusOf(r) === "対象外");
    const id = String(outsider?.$id?.value);
    await update(id, { ...handMade, lottery_run_id: "made-up" });
    const after = await audit();
    expect(after.code).toBe(1);
    expect(after.stdout).toMatch(new RegExp(`NOT_FROM_COMPLETED_DRAW[^■]*レコードID ${id}・`));
    expect(after.stdout).toContain("RESULT_NOT_FROM_DRAW");
    await update(id, undrawn);
    expect((await audit()).code).toBe(0);
  });

  it("says a draw is not complete when its log entry is at 開始 (stopped, or reset)", async () => {
    const [draw] = await logRecords();
    const id = String(draw?.$id?.value);
    await program.admin.record.updateRecord({
      app: logApp,
      id,
      record: { state: { value: "開始" } },
    });
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("DRAW_NOT_COMPLETED");
    expect(run.stdout).toContain("完了していません");
    await program.admin.record.updateRecord({
      app: logApp,
      id,
      record: { state: { value: "完了" } },
    });
    expect((await audit()).code).toBe(0);
  });

  it("catches a deleted log entry, and an edited entry re-hashed to look intact, with --head", async () => {
    const winner = (await all()).find((r) => statusOf(r) === "当選");
    await update(String(winner?.$id?.value), { participation_intent: "辞退する" });
    await program.admin.record.updateRecordStatus({
      app,
      id: String(winner?.$id?.value),
      action: "辞退",
    });
    const promoted = await program.followup(["promote", "--yes"]);
    expect(promoted.code).toBe(0);
    const head = /チェーンの先頭: ([0-9a-f]{64})/.exec(promoted.stdout)?.[1] ?? "";
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect((await audit("--head", head)).code).toBe(0);

    // Deleted: the promoted record no longer has a logged promotion, and the head is gone.
    const entries = await logRecords();
    const last = entries[entries.length - 1];
    const lastId = String(last?.$id?.value);
    await program.admin.record.deleteRecords({ app: logApp, ids: [lastId] });
    const deleted = await audit("--head", head);
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toContain("PROMOTION_NOT_LOGGED");
    expect(deleted.stdout).toContain("HEAD_NOT_IN_LOG");

    // Put back with a changed reason and a recomputed hash: the chain checks out on its own…
    // Every stored field but the hash and the file; the chain content read back as audit reads it.
    const fields = LOTTERY_LOG_FIELDS.filter((code) => code !== "entry_hash" && code !== "bundle");
    const copy = Object.fromEntries(fields.map((code) => [code, { value: last?.[code]?.value }]));
    const stored = chainedEntryOfRecord(last ?? {});
    const content: LogEntryContent = {
      ...stored,
      reason: `${stored.reason}\n（後から書き足し）`,
    };
    await program.admin.record.addRecord({
      app: logApp,
      record: {
        ...copy,
        reason: { value: content.reason },
        entry_hash: { value: await entryHash(content) },
      },
    });
    const rehashed = await audit();
    expect(rehashed.stdout).toContain("ハッシュチェーン: 正常");
    expect(rehashed.code).toBe(0);
    // …but not against the head kept outside kintone.
    const anchored = await audit("--head", head);
    expect(anchored.code).toBe(1);
    expect(anchored.stdout).toContain("HEAD_NOT_IN_LOG");
  });

  it("names an over-quota promotion made over REST", async () => {
    const waiting = (await all())
      .filter((r) => statusOf(r) === "補欠")
      .sort((a, b) => Number(a.waitlist_no?.value) - Number(b.waitlist_no?.value))[0];
    const id = String(waiting?.$id?.value);
    await program.admin.record.updateRecordStatus({ app, id, action: "繰り上げ" });
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("PLACES_OVER_QUOTA");
    expect(run.stdout).toContain("当選枠 10 件に対し");
    expect(run.stdout).toMatch(new RegExp(`PROMOTION_NOT_LOGGED[^■]*レコードID ${id}・`));
  });
});

describe("followup audit after an interrupted draw", () => {
  it("says the draw is not complete and names the results it wrote", async () => {
    const program = await startProgramSandbox({ demo: false });
    try {
      await addPool(program.admin, program.apps.applications, 1000);
      const crash = new Error("killed after chunk 1");
      await expect(
        drawLottery({
          program: defaultProgram(program.admin, program.apps),
          quota: 50,
          onChunkWritten: (chunk) => {
            if (chunk === 1) throw crash;
          },
        }),
      ).rejects.toBe(crash);
      const run = await program.followup(["audit"]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("DRAW_NOT_COMPLETED");
      expect(run.stdout).toContain("NOT_FROM_COMPLETED_DRAW");
      expect(run.stdout).toContain("followup draw --resume");
    } finally {
      await program.close();
    }
  });
});
