import { writeFileSync } from "node:fs";
import path from "node:path";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

/** Every failure ends in one line that says what to do. */
describe("operations commands on bad input", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox({ demo: false });
  });
  afterAll(() => program.close());

  const oneLine = (text: string) => {
    expect(text.trim().split("\n")).toHaveLength(1);
    return text.trim();
  };

  it.each([
    [["screen", "--dry-run", "--bogus"], 2, "引数が正しくありません"],
    [["screen", "--dry-run", "--applications-app", "abc"], 2, "--applications-app にはアプリID"],
    [
      ["screen", "--dry-run", "--settings", "missing.json"],
      2,
      "設定ファイルを読めません: missing.json",
    ],
    [["export", "results"], 2, "--out FILE.csv で出力先を指定してください"],
    [["export", "everything", "--out", "x"], 2, "使い方: followup export results"],
    [["audit", "--applications-app", "999"], 1, "アプリが見つかりません"],
  ])("followup %j exits %i with one line", async (args, code, message) => {
    const run = await program.followup(args);
    expect(run.code).toBe(code);
    expect(oneLine(run.stderr)).toContain(message);
  });

  it("reports settings that do not validate", async () => {
    writeFileSync(path.join(program.cwd, "bad.json"), JSON.stringify({ quota: -1 }));
    const run = await program.followup(["screen", "--dry-run", "--settings", "bad.json"]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toContain("設定ファイル bad.json の内容が正しくありません: quota");
  });

  it("finds the apps from any directory: by their names on the target, not followup.apps.json", async () => {
    const run = await program.followup(["audit"], { cwd: path.join(program.cwd, "..") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("問題はありません");
  });

  it("says how to reach kintone when nothing listens there", async () => {
    const run = await program.followup(
      ["export", "results", "--out", "r.csv", "--applications-app", "1"],
      {
        env: {
          KINTONE_BASE_URL: "http://localhost:9",
          KINTONE_USERNAME: "a",
          KINTONE_PASSWORD: "b",
        },
      },
    );
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toContain(
      "KINTONE_BASE_URL を確認するか、npm start でサンドボックスを起動してください",
    );
  });

  it("names the credentials when kintone rejects them", async () => {
    const run = await program.followup(["audit"], {
      env: {
        KINTONE_BASE_URL: program.sandbox.baseUrl,
        KINTONE_USERNAME: "admin",
        KINTONE_PASSWORD: "wrong",
      },
    });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toContain(
      "KINTONE_USERNAME/KINTONE_PASSWORD または KINTONE_API_TOKEN を確認してください",
    );
  });
});
