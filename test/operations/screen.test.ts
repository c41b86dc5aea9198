import { applicationFromRecord, type KintoneRecordLike } from "../../src/core/application";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { eligibilityLabel, RULE_IDS, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { STATES } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import { type ProgramSandbox, startProgramSandbox, writeRequests } from "./support/program";

describe("followup screen on the 120 demo applications", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox();
  });
  afterAll(() => program.close());

  const readAll = async (): Promise<KintoneRecordLike[]> =>
    (await program.admin.record.getAllRecords({
      app: program.apps.applications,
    })) as KintoneRecordLike[];

  it("refuses to write without a terminal unless --yes is given", async () => {
    await program.resetStats();
    const run = await program.followup(["screen"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--yes");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(writeRequests(await program.stats())).toEqual({});
  });

  it("--dry-run reports what it would write and writes nothing", async () => {
    await program.resetStats();
    const run = await program.followup(["screen", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("まだ書き込んでいません");
    expect(writeRequests(await program.stats())).toEqual({});
  });

  it("on a terminal, shows what it would write and writes nothing when the answer is no", async () => {
    await program.resetStats();
    const run = await program.followup(["screen"], { interactive: true, input: "n\n" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("まだ書き込んでいません");
    expect(run.stderr).toMatch(
      /審査結果 120 件を書き込みます。よろしいですか\? \[y\/N\] 中止しました/,
    );
    expect(writeRequests(await program.stats())).toEqual({});
  });

  it("writes the proposals the eligibility engine predicts and moves no status; then nothing on a second run", async () => {
    const before = await readAll();
    const predicted = screenApplications(
      before.map((record) => applicationFromRecord(record)),
      defaultProgramSettings(),
    );
    const expected = new Map(
      before.map((record, i) => [
        String(record.$id?.value),
        eligibilityLabel(predicted[i]?.status ?? "eligible"),
      ]),
    );
    const count = (label: string) => [...expected.values()].filter((l) => l === label).length;

    await program.resetStats();
    const first = await program.followup(["screen", "--yes"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `提案：適格 ${count("適格")} 件 / 要確認 ${count("要確認")} 件 / 対象外 ${count("対象外")} 件`,
    );
    expect(count("対象外")).toBeGreaterThan(0);
    expect(writeRequests(await program.stats())).toEqual({ "POST bulkRequest": 1 });

    const after = await readAll();
    for (const record of after) {
      const id = String(record.$id?.value);
      expect([id, record.eligibility?.value]).toEqual([id, expected.get(id)]);
      expect([id, statusOf(record)]).toEqual([id, STATES.applied]);
      expect(String(record.eligibility_notes?.value)).not.toMatch(/[A-Z]{4,}_[A-Z_]+/);
    }
    // The proposed 対象外 are listed with their reasons, each under its record.
    const proposed = first.stdout.split("対象外の提案")[1] ?? "";
    for (const record of after.filter((r) => r.eligibility?.value === "対象外")) {
      expect(proposed).toContain(`（レコード番号 ${String(record.$id?.value)}）`);
    }

    await program.resetStats();
    for (const lang of ["en", "ja"]) {
      const again = await program.followup(["screen", "--yes", "--lang", lang]);
      expect(again.code).toBe(0);
      expect(writeRequests(await program.stats())).toEqual({});
    }
  });

  it("a staff decision survives --lang en, --lang ja and a changed template, and is flagged when employees is edited", async () => {
    const app = program.apps.applications;
    const [review] = (await readAll()).filter(
      (r) => r.eligibility?.value === "要確認" && statusOf(r) === STATES.applied,
    );
    const id = String(review?.$id?.value);
    const decided = await program.followup([
      "screen",
      "--decide",
      id,
      "--decision",
      "eligible",
      "--reason",
      "電話で確認済み",
      "--yes",
    ]);
    expect(decided.stderr).toBe("");
    expect(decided.code).toBe(0);
    const templates = path.join(program.cwd, "templates.json");
    const messages = Object.fromEntries(
      RULE_IDS.map((rule) => [rule, { ja: `別の文面（${rule}）`, en: `Other words (${rule})` }]),
    );
    writeFileSync(templates, JSON.stringify({ version: 1, messages }));
    for (const args of [
      ["--lang", "en"],
      ["--lang", "ja"],
      ["--settings", templates],
    ]) {
      const run = await program.followup(["screen", "--yes", ...args]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/(事務局の判断を維持|Decisions kept).*: 1/);
      const record = (await program.admin.record.getRecord({ app, id }))
        .record as KintoneRecordLike;
      expect(record.staff_decision?.value).toBe("適格とする");
    }

    const { record } = await program.admin.record.getRecord({ app, id });
    const employees = Number((record as KintoneRecordLike).employees?.value ?? 0);
    await program.admin.record.updateRecord({
      app,
      id,
      record: { employees: { value: String(employees + 1) } },
    });
    const flagged = await program.followup(["screen", "--yes"]);
    expect(flagged.stdout).toContain("判断の見直しが必要（判断の後に申込内容が変わりました）: 1");
    expect(flagged.stdout).toContain(`（レコード番号 ${id}）`);
    const after = (await program.admin.record.getRecord({ app, id })).record as KintoneRecordLike;
    expect(String(after.eligibility_notes?.value)).toMatch(
      /^【要確認】事務局の判断の後に申込内容が変わりました/,
    );
    expect(after.staff_decision?.value).toBe("適格とする");
  });

  it("--confirm-ineligible registers the proposed 対象外 in one bulk request", async () => {
    const proposed = (await readAll()).filter(
      (r) => r.eligibility?.value === "対象外" && statusOf(r) === STATES.applied,
    );
    expect(proposed.length).toBeGreaterThan(0);
    await program.resetStats();
    const run = await program.followup(["screen", "--confirm-ineligible", "--yes"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`対象外登録：${proposed.length} 件`);
    expect(writeRequests(await program.stats())).toEqual({ "POST bulkRequest": 1 });
    for (const record of await readAll()) {
      const ineligible = proposed.some((p) => p.$id?.value === record.$id?.value);
      if (ineligible) expect(statusOf(record)).toBe(STATES.ineligible);
    }
  });
});
