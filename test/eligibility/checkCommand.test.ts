import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import type { ApplicationInput } from "../../src/core/application";
import { main } from "../../src/cli/main";
import { validApplication } from "./fixtures";

const ROOT = path.resolve(__dirname, "../..");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "followup-check-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The application as kintone's REST API returns it: `{code: {value}}`, `$id`, `applied_at`. */
function restRecord(application: ApplicationInput): Record<string, { value: unknown }> {
  const { id, appliedAt, ...fields } = application;
  const record: Record<string, { value: unknown }> = {};
  for (const [code, value] of Object.entries(fields)) record[code] = { value };
  if (id !== undefined) record.$id = { value: id };
  if (appliedAt !== undefined) record.applied_at = { value: appliedAt };
  return record;
}

function writeInput(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

function collector() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function runCheck(args: string[]) {
  const stdout = collector();
  const stderr = collector();
  const code = await main(["check", ...args], {
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: dir,
    env: {},
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe("followup check", () => {
  test("prints one result per record, in order, with duplicates judged across the file", async () => {
    writeInput("applications.json", [
      restRecord(validApplication({ id: "1", appliedAt: "2024-07-12T00:30:00Z" })),
      restRecord(
        validApplication({
          id: "2",
          company_name: "株式会社二番",
          contact_phone: "0399990000",
          contact_email: "x@example.jp",
        }),
      ),
      restRecord(
        validApplication({
          id: "3",
          corporate_number: "4011001098993",
          company_name: "株式会社三番",
          contact_phone: "0399990000",
          contact_email: "z@example.jp",
          prefecture: "埼玉県",
          address: "埼玉県さいたま市",
        }),
      ),
      restRecord(
        validApplication({
          id: "4",
          corporate_number: "4011001098993",
          appliedAt: undefined,
          company_name: "株式会社四番",
          contact_email: "y@example.jp",
          contact_phone: "0311110000",
        }),
      ),
    ]);
    const { code, stdout, stderr } = await runCheck([
      "--input",
      "applications.json",
      "--now",
      "2024-08-01T12:00:00+09:00",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Array<{
      index: number;
      status: string;
      violations: Array<{ rule: string }>;
    }>;
    expect(
      results.map((result) => [
        result.index,
        result.status,
        result.violations.map((violation) => violation.rule),
      ]),
    ).toEqual([
      [0, "eligible", []],
      [1, "ineligible", ["DUPLICATE_CORPORATE_NUMBER", "POSSIBLE_DUPLICATE"]],
      [2, "ineligible", ["PREFECTURE_NOT_TOKYO", "POSSIBLE_DUPLICATE"]],
      [3, "ineligible", ["DUPLICATE_CORPORATE_NUMBER"]],
    ]);
    expect(Object.keys(results[1]?.violations[0] ?? {})).toEqual([
      "rule",
      "severity",
      "field",
      "message",
    ]);
  });

  test("--now is used for a record without applied_at, and --lang en gives English messages", async () => {
    writeInput("undated.json", [restRecord(validApplication({ appliedAt: undefined }))]);
    const late = await runCheck([
      "--input",
      "undated.json",
      "--now",
      "2024-08-09T17:00:01+09:00",
      "--lang",
      "en",
    ]);
    const [result] = JSON.parse(late.stdout) as Array<{
      status: string;
      violations: Array<{ rule: string; message: string }>;
    }>;
    expect(result?.status).toBe("ineligible");
    expect(result?.violations[0]?.rule).toBe("APPLIED_AFTER_WINDOW");
    expect(result?.violations[0]?.message).toContain(
      "(Fri 12 Jul 2024 00:00 JST to Fri 9 Aug 2024 17:00:00 JST) has closed",
    );
    const inTime = await runCheck([
      "--input",
      "undated.json",
      "--now",
      "2024-08-09T17:00:00+09:00",
    ]);
    expect(JSON.parse(inTime.stdout)).toEqual([{ index: 0, status: "eligible", violations: [] }]);
  });

  test("--settings screens with a settings document instead of the defaults", async () => {
    writeInput("retail.json", [
      restRecord(validApplication({ industry: "小売業", employees: "30" })),
    ]);
    writeInput("settings.json", {
      version: 1,
      industries: [{ industry: "小売業", capitalLimitYen: 0, employeeLimit: 20 }],
    });
    const { code, stdout } = await runCheck([
      "--input",
      "retail.json",
      "--settings",
      "settings.json",
    ]);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as Array<{
      violations: Array<{ rule: string; message: string }>;
    }>;
    expect(result?.violations.map((violation) => violation.rule)).toEqual(["SME_SIZE_EXCEEDED"]);
    expect(result?.violations[0]?.message).toContain("従業員20人以下");
  });

  test("an empty array gives an empty array", async () => {
    writeInput("empty.json", "[]");
    const { code, stdout } = await runCheck(["--input", "empty.json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  test.each([
    [
      "a missing file",
      null,
      ["--input", "missing.json"],
      "入力ファイルが見つかりません: missing.json",
    ],
    ["malformed JSON", "[{", ["--input", "bad.json"], "bad.json は正しい JSON ではありません"],
    [
      "an object instead of an array",
      '{"company_name": {"value": "A"}}',
      ["--input", "bad.json"],
      "レコードの JSON 配列",
    ],
    [
      "a record that is not an object",
      '[{"company_name": {"value": "A"}}, 3]',
      ["--input", "bad.json"],
      "要素 [1] がレコード",
    ],
    ["an array as a record", "[[]]", ["--input", "bad.json"], "要素 [0] がレコード"],
    [
      "a field without {value}",
      '[{"company_name": "A"}]',
      ["--input", "bad.json"],
      "フィールド company_name",
    ],
    ["no --input", null, [], "--input FILE"],
    ["an unreadable --now", "[]", ["--input", "bad.json", "--now", "tomorrow"], "--now"],
    ["an unknown option", "[]", ["--input", "bad.json", "--verbose"], "--verbose"],
    ["an unknown language", "[]", ["--input", "bad.json", "--lang", "fr"], "--lang"],
    [
      "a missing settings file",
      "[]",
      ["--input", "bad.json", "--settings", "none.json"],
      "none.json",
    ],
  ])(
    "%s: exit code 2, one line on stderr, nothing on stdout",
    async (_, content, args, expected) => {
      if (content !== null) writeInput("bad.json", content);
      const { code, stdout, stderr } = await runCheck(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(expected);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    },
  );

  test("errors are in English with --lang en", async () => {
    const { stderr } = await runCheck(["--input", "nowhere.json", "--lang", "en"]);
    expect(stderr).toBe("followup check: input file not found: nowhere.json\n");
  });
});

describe("followup check as a process, whatever the machine's time zone", () => {
  const run = promisify(execFile);
  const boundaries = [
    "2024-07-11T14:59:59Z",
    "2024-07-11T15:00:00Z",
    "2024-07-12T00:00:00",
    "2024-08-09T17:00:00+09:00",
    "2024-08-09T17:00:00",
    "2024-08-09T08:00:01Z",
    "2024-08-09",
  ];
  const expected = [
    "ineligible",
    "eligible",
    "eligible",
    "eligible",
    "eligible",
    "ineligible",
    "eligible",
  ];

  test.each(["UTC", "America/Los_Angeles", "Asia/Tokyo"])("TZ=%s", async (timeZone) => {
    // Distinct contacts and numbers so that only the window decides.
    const records = boundaries.map((appliedAt, index) =>
      restRecord(
        validApplication({
          appliedAt,
          entity_type: "個人事業主",
          company_name: `デザイン事務所 ${index}`,
          contact_phone: `0${String(index + 1).padStart(9, "0")}`,
          contact_email: `user${index}@example.jp`,
        }),
      ),
    );
    const file = writeInput(`tz-${timeZone.replace("/", "-")}.json`, records);
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, "bin/followup.js"), "check", "--input", file],
      {
        env: { ...process.env, TZ: timeZone },
        cwd: ROOT,
      },
    );
    const statuses = (JSON.parse(stdout) as Array<{ status: string }>).map(
      (result) => result.status,
    );
    expect(statuses).toEqual(expected);
  });
});
