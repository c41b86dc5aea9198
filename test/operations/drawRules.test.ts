/**
 * The draw's rules of spec §5.1 through `followup draw` / `followup commit` / `followup verify`:
 * never before the window closes; a pool no larger than the quota wins whole and names the places
 * open for 再募集; a 予告 (seed commitment) binds the draw to its seed.
 */
import { FLAG_LINE } from "../../src/core/eligibility/decisionFlag";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { seedCommitment } from "../../src/core/lottery";
import { addPool, provisionLotteryApps } from "../lottery/provision";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

const SEED = "5eed".repeat(16);
const OTHER_SEED = "0dd5".repeat(16);

describe("draw rules", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox({ demo: false });
  });
  afterAll(() => program.close());

  /** A fresh round (its own two apps) with `size` eligible applications. */
  async function round(size: number): Promise<string[]> {
    const apps = await provisionLotteryApps(program.admin);
    await addPool(program.admin, apps.applications, size);
    return ["--app", String(apps.applications), "--log-app", String(apps.lotteryLog)];
  }
  const logEntries = async (target: string[]) =>
    (await program.admin.record.getRecords({ app: target[3] ?? "" })).records;
  const statuses = async (target: string[]) =>
    (await program.admin.record.getAllRecords({ app: target[1] ?? "" })).map((r) =>
      String(Object.values(r).find((f) => f.type === "STATUS")?.value),
    );

  /** A settings file with the window closing at `closesAt` and the given quota. */
  function settings(name: string, closesAt: string, quota = 50): string {
    const document = {
      ...defaultProgramSettings(),
      quota,
      window: { opensAt: "2026-01-05T09:00:00+09:00", closesAt },
    };
    writeFileSync(path.join(program.cwd, name), JSON.stringify(document));
    return name;
  }

  test("a draw before the window closes is refused and writes nothing", async () => {
    const target = await round(5);
    const open = settings("open.json", "2099-12-28T17:00:00+09:00");
    const run = await program.followup(["draw", ...target, "--settings", open, "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("申込期間がまだ終わっていません");
    expect(run.stderr).toContain("2099-12-28 17:00 (+09:00)");
    expect(await logEntries(target)).toEqual([]);
    expect(new Set(await statuses(target))).toEqual(new Set(["申込受付"]));
  });

  test("the pool follows the secretariat's decisions: 適格とする on 要確認 is drawn, 対象外とする never", async () => {
    const target = await round(6);
    const app = target[1] ?? "";
    const ids = (await program.admin.record.getAllRecords({ app })).map((r) =>
      String(r.$id?.value),
    );
    const [review, overruled] = ids as [string, string];
    const set = (id: string, record: Record<string, { value: string }>) =>
      program.admin.record.updateRecord({ app, id, record });
    await set(review, { eligibility: { value: "要確認" } });
    const closed = settings("closed4.json", "2026-01-09T17:00:00+09:00", 2);
    const waiting = await program.followup(["draw", ...target, "--settings", closed, "--yes"]);
    expect(waiting.code).toBe(1);
    expect(waiting.stderr).toContain(`レコード ${review}`);
    // A decision screening flagged (the data changed after it) waits for a person again.
    await set(review, {
      staff_decision: { value: "適格とする" },
      eligibility_notes: { value: `${FLAG_LINE.ja}\n従業員数が変わりました。` },
    });
    const flagged = await program.followup(["draw", ...target, "--settings", closed, "--yes"]);
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain(`レコード ${review}`);
    await set(review, { eligibility_notes: { value: "" } });
    await set(overruled, { staff_decision: { value: "対象外とする" } });
    const drawn = await program.followup([
      "draw",
      ...target,
      "--settings",
      closed,
      "--out",
      "decided.json",
      "--yes",
    ]);
    expect(drawn.code).toBe(0);
    const bundle = JSON.parse(readFileSync(path.join(program.cwd, "decided.json"), "utf8")) as {
      pool: string[];
    };
    expect(bundle.pool).toContain(review);
    expect(bundle.pool).not.toContain(overruled);
    expect(bundle.pool).toHaveLength(5);
  });

  test("a pool of 30 with the settings' quota of 50: 30 winners, 20 places open for 再募集", async () => {
    const target = await round(30);
    const closed = settings("closed.json", "2026-01-09T17:00:00+09:00", 50);
    const run = await program.followup(["draw", ...target, "--settings", closed, "--yes"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("当選 30件、補欠 0件");
    expect(run.stdout).toContain("再募集できる枠が 20件");
    expect(run.stdout).toMatch(/チェーンの先頭: [0-9a-f]{64}/);
    expect((await statuses(target)).filter((s) => s === "当選")).toHaveLength(30);
    const [entry] = await logEntries(target);
    expect(JSON.parse(String(entry?.ranking?.value))).toHaveLength(30);
    expect(String(entry?.reason?.value)).toContain("再募集できる枠 20件");
  });

  test("--quota differing from the settings is warned about", async () => {
    const target = await round(3);
    const closed = settings("closed2.json", "2026-01-09T17:00:00+09:00", 2);
    const run = await program.followup([
      "draw",
      ...target,
      "--settings",
      closed,
      "--quota",
      "1",
      "--yes",
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("--quota 1 は設定の当選枠 2 と違います");
    expect(run.stdout).toContain("当選 1件、補欠 2件");
  });

  test("a committed seed is enforced, carried in the bundle, and checked by verify", async () => {
    const target = await round(8);
    const open = settings("open3.json", "2099-12-28T17:00:00+09:00", 5);
    const committed = await program.followup([
      "commit",
      ...target,
      "--settings",
      open,
      "--seed",
      SEED,
      "--yes",
    ]);
    expect(committed.stderr).toBe("");
    expect(committed.stdout).toContain(await seedCommitment(SEED));
    const closed = settings("closed3.json", "2026-01-09T17:00:00+09:00", 5);
    const late = await program.followup(["commit", ...target, "--settings", closed, "--yes"]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain("抽選予告は締切の前にだけ");

    const wrong = await program.followup([
      "draw",
      ...target,
      "--settings",
      closed,
      "--seed",
      OTHER_SEED,
      "--yes",
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("抽選予告のもの");
    const unseeded = await program.followup(["draw", ...target, "--settings", closed, "--yes"]);
    expect(unseeded.code).toBe(1);
    const trial = await program.followup(["draw", ...target, "--settings", closed, "--dry-run"]);
    expect(trial.code).toBe(1);
    expect(trial.stderr).toContain("試行にも予告したシード");
    expect(await logEntries(target)).toHaveLength(1);

    const drawn = await program.followup([
      "draw",
      ...target,
      "--settings",
      closed,
      "--seed",
      SEED,
      "--out",
      "bundle.json",
      "--yes",
    ]);
    expect(drawn.stderr).toBe("");
    expect(drawn.stdout).toContain("抽選予告のシード");
    const bundlePath = path.join(program.cwd, "bundle.json");
    const bundle = JSON.parse(readFileSync(bundlePath, "utf8")) as Record<string, unknown>;
    expect(bundle.commitment).toBe(await seedCommitment(SEED));
    expect((await program.followup(["verify", "--bundle", "bundle.json"])).code).toBe(0);

    writeFileSync(
      path.join(program.cwd, "forged.json"),
      JSON.stringify({ ...bundle, commitment: await seedCommitment(OTHER_SEED) }),
    );
    const forged = await program.followup(["verify", "--bundle", "forged.json"]);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain("commitment");
  });
});
