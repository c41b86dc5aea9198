import { applicationFromRecord, type KintoneRecordLike } from "../../src/core/application";
import { eligibilityLabel, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { STATES } from "../../src/core/vocabulary";
import { statusOf } from "../../src/core/workflow";
import { corporateCheckDigit, generateDemoApplications } from "../../src/apps/demoApplications";
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
      /審査結果 120 件の更新と対象外への移動 \d+ 件を書き込みます。よろしいですか\? \[y\/N\] 中止しました/,
    );
    expect(writeRequests(await program.stats())).toEqual({});
  });

  it("writes what the eligibility engine predicts, then nothing on a second run", async () => {
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
      `適格 ${count("適格")} 件 / 要確認 ${count("要確認")} 件 / 対象外 ${count("対象外")} 件`,
    );
    expect(count("適格")).toBeGreaterThan(0);
    expect(count("要確認")).toBeGreaterThan(0);
    expect(count("対象外")).toBeGreaterThan(0);
    const writes = writeRequests(await program.stats());
    // 120 changed records fit in one bulkRequest; the 対象外 moves in one more.
    expect(writes).toEqual({ "POST bulkRequest": 2 });

    const after = await readAll();
    for (const record of after) {
      const id = String(record.$id?.value);
      expect([id, record.eligibility?.value]).toEqual([id, expected.get(id)]);
      expect(record.screened_at?.value).not.toBe("");
      const ineligible = expected.get(id) === "対象外";
      expect([id, statusOf(record)]).toEqual([id, ineligible ? STATES.ineligible : STATES.applied]);
    }
    for (const record of after.filter((r) => r.eligibility?.value === "要確認")) {
      expect(first.stdout).toContain(`受付番号 ${String(record.application_no?.value)}（`);
    }

    await program.resetStats();
    const second = await program.followup(["screen", "--yes"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("審査結果の更新 0 件・対象外への移動 0 件");
    const stats = await program.stats();
    expect(writeRequests(stats)).toEqual({});
    expect(stats["GET records"]).toBe(1);
  });

  it("--only-new screens new form entries and leaves a person's decision alone", async () => {
    const app = program.apps.applications;
    const [review] = await program.admin.record
      .getRecords({
        app,
        query: 'eligibility in ("要確認") limit 1',
      })
      .then((page) => page.records);
    const reviewedId = String(review?.$id?.value);
    await program.admin.record.updateRecord({
      app,
      id: reviewedId,
      record: { eligibility: { value: "適格" } },
    });
    const [template] = generateDemoApplications().filter((demo) => demo.exercises === "eligible");
    const { id: newId } = await program.admin.record.addRecord({
      app,
      record: {
        ...template?.record,
        corporate_number: { value: `${corporateCheckDigit("987654321098")}987654321098` },
        contact_email: { value: "new-entry@example.jp" },
        contact_phone: { value: "0399990000" },
      },
    });

    await program.resetStats();
    const run = await program.followup(["screen", "--only-new", "--yes"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("申込受付の 1 件を審査しました");
    const read = async (id: string) =>
      (await program.admin.record.getRecord({ app, id })).record as KintoneRecordLike;
    expect((await read(reviewedId)).eligibility?.value).toBe("適格");
    expect((await read(newId)).eligibility?.value).toBe("適格");
    expect(writeRequests(await program.stats())).toEqual({ "POST bulkRequest": 1 });
  });

  it("keeps a person's 適格 / 対象外 on an unchanged 要確認 and says so", async () => {
    const app = program.apps.applications;
    const records = (await readAll()).filter((record) => statusOf(record) === STATES.applied);
    const results = screenApplications(
      records.map((record) => applicationFromRecord(record)),
      defaultProgramSettings(),
    );
    const [accepted, rejected] = records
      .filter((_, i) => results[i]?.status === "review")
      .map((record) => String(record.$id?.value));
    expect(rejected).toBeDefined();
    for (const [id, value] of [
      [accepted, "適格"],
      [rejected, "対象外"],
    ] as const) {
      await program.admin.record.updateRecord({
        app,
        id: String(id),
        record: { eligibility: { value } },
      });
    }

    const run = await program.followup(["screen", "--yes"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const keptSection = run.stdout.split("担当者の判断を維持（要確認の内容に変更なし）")[1] ?? "";
    expect(keptSection).toMatch(new RegExp(`（レコードID ${accepted}）.*: 適格`));
    expect(keptSection).toMatch(new RegExp(`（レコードID ${rejected}）.*: 対象外`));
    const read = async (id: string | undefined) =>
      (await program.admin.record.getRecord({ app, id: String(id) })).record as KintoneRecordLike;
    const kept = await read(accepted);
    expect([kept.eligibility?.value, statusOf(kept)]).toEqual(["適格", STATES.applied]);
    const moved = await read(rejected);
    expect([moved.eligibility?.value, statusOf(moved)]).toEqual(["対象外", STATES.ineligible]);
  });
});
