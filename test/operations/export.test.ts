import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";
import type { KintoneRecordLike } from "../../src/core/application";
import { RESULT_COLUMNS } from "../../src/core/export/results";
import { verifyBundle } from "../../src/core/lottery";
import { STATES } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import { parseCsv } from "./support/parseCsv";
import { drawnRound, type ProgramSandbox, startProgramSandbox } from "./support/program";

const TRICKY_NAME = '株式会社"テスト",東京\n本社';

/** What the e-mail should say now, written out independently of the exporter. */
function expectedResult(record: KintoneRecordLike): string {
  const status = statusOf(record);
  const fromWaitlist = String(record.waitlist_no?.value ?? "") !== "";
  if (["当選", "参加確定", "質問票回答済", "訪問済"].includes(status)) {
    return fromWaitlist ? "繰り上げ当選" : "当選";
  }
  if (status === "補欠") return "補欠";
  if (status === "辞退") return "辞退";
  if (status === "対象外") return record.lottery_run_id?.value ? "対象外（取消）" : "対象外";
  return record.eligibility?.value === "対象外" ? "対象外" : "未抽選";
}

function readCsv(file: string): string[][] {
  const text = readFileSync(file, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/\r(?!\n)/);
  return parseCsv(text.slice(1));
}

describe("followup export", () => {
  let program: ProgramSandbox;
  let records: KintoneRecordLike[];
  beforeAll(async () => {
    program = await startProgramSandbox();
    await drawnRound(program, 10);
    const app = program.apps.applications;
    const all = (await program.admin.record.getAllRecords({ app })) as KintoneRecordLike[];
    const winner = all.find((record) => statusOf(record) === STATES.winner);
    const id = String(winner?.$id?.value);
    await program.admin.record.updateRecord({
      app,
      id,
      record: { company_name: { value: TRICKY_NAME }, participation_intent: { value: "辞退する" } },
    });
    await program.admin.record.updateRecordStatus({ app, id, action: "辞退" });
    const promoted = await program.followup(["promote", "--yes"]);
    if (promoted.code !== 0) throw new Error(promoted.stderr);
    records = (await program.admin.record.getAllRecords({ app })) as KintoneRecordLike[];
  });
  afterAll(() => program.close());

  it("writes one row per application for the result e-mail, readable back", async () => {
    const run = await program.followup(["export", "results", "--out", "results.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [header, ...rows] = readCsv(path.join(program.cwd, "results.csv"));
    expect(header).toEqual([...RESULT_COLUMNS]);
    expect(rows).toHaveLength(records.length);
    const byNo = new Map(rows.map((row) => [row[0], row]));
    for (const record of records) {
      const row = byNo.get(String(record.application_no?.value));
      const expected = expectedResult(record);
      expect(row?.[1]).toBe(record.company_name?.value);
      expect(row?.[3]).toBe(record.contact_email?.value);
      expect(row?.[4]).toBe(expected);
      expect(row?.[5]).toBe(expected === "補欠" ? String(record.waitlist_no?.value) : "");
    }
    expect(rows.some((row) => row[1] === TRICKY_NAME)).toBe(true);
    // 10 drawn: the decliner is 辞退 now, and the one promoted into its place 繰り上げ当選.
    expect(rows.filter((row) => row[4] === "当選")).toHaveLength(9);
    expect(rows.filter((row) => row[4] === "辞退").map((row) => row[1])).toEqual([TRICKY_NAME]);
    expect(rows.filter((row) => row[4] === "繰り上げ当選")).toHaveLength(1);
    const head = /チェーンの先頭: ([0-9a-f]{64})/.exec(run.stdout)?.[1];
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.every((row) => row[7] === head)).toBe(true);
  });

  it("--since a run lists only the applications whose outcome changed after it", async () => {
    const log = await program.admin.record.getAllRecords({
      app: program.apps.lotteryLog,
      orderBy: "sequence asc",
    });
    const drawRun = String(log[0]?.run_id?.value);
    const run = await program.followup([
      "export",
      "results",
      "--since",
      drawRun,
      "--out",
      "changed.csv",
    ]);
    expect(run.code).toBe(0);
    const [, ...rows] = readCsv(path.join(program.cwd, "changed.csv"));
    expect(rows.map((row) => row[4]).sort()).toEqual(["繰り上げ当選", "辞退"].sort());
    const promotionRun = String(log[1]?.run_id?.value);
    const after = await program.followup([
      "export",
      "results",
      "--since",
      promotionRun,
      "--out",
      "none.csv",
    ]);
    expect(readCsv(path.join(program.cwd, "none.csv"))).toHaveLength(1);
    expect(after.stdout).toContain("0 件");
    const unknown = await program.followup([
      "export",
      "results",
      "--since",
      "nope",
      "--out",
      "x.csv",
    ]);
    expect(unknown.code).toBe(2);
  });

  it("writes an evidence folder that recomputes to the same ranking", async () => {
    const run = await program.followup(["export", "evidence", "--out", "evidence"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const dir = path.join(program.cwd, "evidence");
    const read = (name: string) => readFileSync(path.join(dir, name), "utf8");

    const bundle = JSON.parse(read("bundle.json")) as {
      ranking: Array<{ key: string; rank: number }>;
    };
    expect(await verifyBundle(bundle)).toEqual({ ok: true });
    const drawnRanks = records
      .filter((record) => record.lottery_rank?.value)
      .map((record) => [String(record.$id?.value), Number(record.lottery_rank?.value)])
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    expect(bundle.ranking.map((entry) => [entry.key, entry.rank])).toEqual(drawnRanks);

    const pool = readCsv(path.join(dir, "pool.csv"));
    expect(pool.slice(1)).toHaveLength(records.length);
    for (const row of pool.slice(1).filter((r) => r[3] === "対象外")) {
      expect(row[5]).toBe("除外");
      expect(row[6]).toMatch(/審査結果「対象外」 \/ 【不備】/);
    }
    const events = readCsv(path.join(dir, "events.csv"));
    expect(events.slice(1).map((row) => row[2])).toEqual(["繰り上げ"]);
    expect(read("README.md")).toContain("openssl dgst -sha256 -mac HMAC -macopt hexkey:");
    expect(read("README.md")).toContain("| 抽選記録のハッシュチェーン | 一致（問題なし） |");
    const chainRecipe =
      /```sh\n(python3 - <<'PY'[\s\S]*?PY)\n```/.exec(read("README.md"))?.[1] ?? "";
    const chainCheck = execFileSync("bash", ["-c", chainRecipe], { cwd: dir, encoding: "utf8" });
    expect(chainCheck).toBe("1 抽選 OK\n2 繰り上げ OK\n");
  });

  it("writes evidence only into a new or empty folder, never through a link; its summary is the audit's", async () => {
    const audit = await program.followup(["audit"]);
    const first = await program.followup(["export", "evidence", "--out", "fresh"]);
    expect(first.code).toBe(0);
    const readme = readFileSync(path.join(program.cwd, "fresh", "README.md"), "utf8");
    expect(audit.code === 0).toBe(readme.includes("| 申込と抽選記録の監査 | 問題なし"));
    const again = await program.followup(["export", "evidence", "--out", "fresh"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("空ではありません");
    mkdirSync(path.join(program.cwd, "elsewhere"));
    symlinkSync(path.join(program.cwd, "elsewhere"), path.join(program.cwd, "link"));
    const linked = await program.followup(["export", "evidence", "--out", "link"]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("シンボリックリンク");
    expect(readdirSync(path.join(program.cwd, "elsewhere"))).toEqual([]);
    mkdirSync(path.join(program.cwd, "empty"));
    expect((await program.followup(["export", "evidence", "--out", "empty"])).code).toBe(0);
  });

  it("says what to do when there is no draw yet", async () => {
    const empty = await startProgramSandbox({ demo: false });
    try {
      const run = await empty.followup(["export", "evidence", "--out", "evidence"]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        "followup export: 完了した抽選が抽選記録にありません。先に followup draw を実行してください",
      );
    } finally {
      await empty.close();
    }
  });
});
