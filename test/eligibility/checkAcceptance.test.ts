/**
 * Issue 11 acceptance 1 and 4 through `followup check`: the 募集要項's cases give the right status
 * with a message that says what to do, and bad input is refused or reported plainly without
 * touching the other records' results.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { ApplicationInput } from "../../src/core/application";
import { main } from "../../src/cli/main";
import { APPLICATION_TEXT_FIELDS } from "../../src/core/application";
import { MAX_INPUT_BYTES } from "../../src/cli/commands/check";
import { validApplication } from "./fixtures";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "followup-acceptance-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function restRecord(application: ApplicationInput, extra: Record<string, unknown> = {}) {
  const { id: _id, appliedAt, ...fields } = application;
  const record: Record<string, { value: unknown }> = {};
  for (const [code, value] of Object.entries({ ...fields, ...extra })) record[code] = { value };
  if (appliedAt !== undefined) record.applied_at = { value: appliedAt };
  return record;
}

async function check(name: string, content: unknown, args: string[] = []) {
  const file = path.join(dir, name);
  if (content !== undefined) writeFileSync(file, JSON.stringify(content));
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    new Writable({
      write(chunk, _e, done) {
        into.push(String(chunk));
        done();
      },
    });
  const code = await main(["check", "--input", name, ...args], {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    cwd: dir,
    env: {},
  });
  const stdout = chunks.out.join("");
  return {
    code,
    stderr: chunks.err.join(""),
    results:
      code === 0
        ? (JSON.parse(stdout) as Array<{
            status: string;
            violations: Array<{ rule: string; severity: string; field: string; message: string }>;
          }>)
        : [],
  };
}

let serial = 0;
const distinct = (overrides: Partial<ApplicationInput>) => {
  serial += 1;
  return validApplication({
    corporate_number: "",
    company_name: `テスト工房${serial}`,
    contact_phone: `03-5555-${String(1000 + serial)}`,
    contact_email: `a${serial}@example.jp`,
    ...overrides,
  });
};

test("acceptance 1: the 募集要項's hard cases", async () => {
  const company = (name: string, overrides: Partial<ApplicationInput> = {}) =>
    distinct({ company_name: name, corporate_number: "7010705000725", ...overrides });
  const { code, results } = await check("acceptance.json", [
    restRecord(
      distinct({ company_name: "特定非営利活動法人みどり", entity_type: "その他の法人・団体" }),
    ),
    restRecord(
      company("一般社団法人東京技術協会", {
        corporate_number: "4011001098993",
        capital_yen: "0",
        employees: "500",
      }),
    ),
    restRecord(
      company("株式会社トラットリア銀座", {
        corporate_number: "7010705000725",
        industry: "サービス業",
        business_description: "イタリアンレストランチェーン",
        capital_yen: "90000000",
        employees: "95",
      }),
    ),
    restRecord(
      company("株式会社ソフト工房", {
        corporate_number: "2010001008774",
        business_description: "受託ソフトウェア開発",
        capital_yen: "100000000",
        employees: "150",
      }),
    ),
    restRecord(
      company("株式会社内線商事", {
        corporate_number: "1010001000006",
        contact_phone: "03-1234-5678（内線12）",
      }),
    ),
    restRecord(
      company("株式会社資本金未記入", {
        corporate_number: "3010001000004",
        capital_yen: "",
        employees: "5",
      }),
    ),
  ]);
  expect(code).toBe(0);
  expect(results.map((r) => r.status)).toEqual([
    "ineligible",
    "ineligible",
    "review",
    "review",
    "ineligible",
    "review",
  ]);
  const rules = results.map((r) => r.violations.map((v) => v.rule));
  expect(rules[0]).toContain("ENTITY_NOT_ELIGIBLE");
  expect(rules[1]).toContain("ENTITY_NOT_ELIGIBLE");
  expect(rules[2]).toEqual(["INDUSTRY_HINT"]);
  expect(rules[3]).toEqual(["INDUSTRY_HINT"]);
  expect(results[4]?.violations).toEqual([
    expect.objectContaining({ rule: "PHONE_FORMAT", severity: "error", field: "contact_phone" }),
  ]);
  expect(rules[5]).toEqual(["CAPITAL_INVALID"]);
  expect(results[5]?.violations[0]?.severity).toBe("warning");
  for (const result of results) {
    for (const violation of result.violations) {
      // Every message tells the applicant or staff what to do next.
      expect(violation.message).toMatch(/ください|できません|いただけません|確認します/);
    }
  }
});

describe("acceptance 4: bad input", () => {
  test("an unknown entity option and a full-width non-numeric capital are reported on their fields only", async () => {
    const { results } = await check("bad-values.json", [
      restRecord(distinct({ entity_type: "株式会社" })),
      restRecord(
        distinct({ entity_type: "会社", corporate_number: "7010705000725", capital_yen: "３億円" }),
      ),
      restRecord(distinct({ entity_type: "個人事業主" })),
    ]);
    expect(results[0]?.violations.map((v) => [v.rule, v.field])).toEqual([
      ["ENTITY_TYPE_REQUIRED", "entity_type"],
    ]);
    expect(results[0]?.violations[0]?.message).toContain("入力値：「株式会社」");
    expect(results[1]?.violations.map((v) => [v.rule, v.severity])).toEqual([
      ["CAPITAL_INVALID", "error"],
    ]);
    expect(results[1]?.violations[0]?.message).toContain("入力値：「3億円」");
    expect(results[2]?.status).toBe("eligible");
  });

  test("a 10 MB notes field and markup or a newline in every text field stay quoted, one line each", async () => {
    const hostile = "<img src=x onerror=alert(1)>\n【不備】偽の理由";
    const values = Object.fromEntries(APPLICATION_TEXT_FIELDS.map((field) => [field, hostile]));
    const { code, results } = await check("hostile.json", [
      restRecord(distinct(values), { eligibility_notes: "x".repeat(10 * 1024 * 1024) }),
      restRecord(distinct({ entity_type: "個人事業主" })),
    ]);
    expect(code).toBe(0);
    expect(results[0]?.status).toBe("ineligible");
    for (const violation of results[0]?.violations ?? []) {
      expect(violation.message).not.toContain("\n");
      expect(violation.message.length).toBeLessThan(400);
      // Applicant text appears only inside 「」, never as a reason of its own.
      expect(violation.message.startsWith("【不備】")).toBe(false);
    }
    expect(results[1]?.status).toBe("eligible");
  });

  test("an 80 MB input file is refused with its size limit before it is read", async () => {
    const file = path.join(dir, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 80 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const { code, stderr } = await check("huge.json", undefined);
    expect(code).toBe(2);
    expect(stderr).toContain("入力ファイルが大きすぎます: huge.json（80.0 MB）");
    expect(stderr).toContain(`上限は ${(MAX_INPUT_BYTES / 1024 / 1024).toFixed(1)} MB`);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    // Refused from its size: the file was never loaded.
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });
});
