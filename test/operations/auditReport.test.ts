import { auditPassed, formatAuditReport, type AuditFindings } from "../../src/core/audit/report";
import { findInvariantViolations } from "../../src/core/workflow";

const record = (id: string, fields: Record<string, string>) => ({
  $id: { value: id },
  application_no: { value: id },
  ステータス: { type: "STATUS", value: fields.status ?? "申込受付" },
  ...Object.fromEntries(Object.entries(fields).map(([code, value]) => [code, { value }])),
});

function findings(overrides: Partial<AuditFindings> = {}): AuditFindings {
  return {
    counts: { applications: 2, questionnaires: 0, logEntries: 1 },
    violations: [],
    drawMismatches: [],
    visitProblems: [],
    chain: { ok: true },
    bundles: [{ runId: "run-1", verdict: { ok: true } }],
    logFindings: [],
    ...overrides,
  };
}

describe("audit report", () => {
  it("says all is well on a clean round", () => {
    const report = formatAuditReport(findings(), "ja");
    expect(auditPassed(findings())).toBe(true);
    expect(report).toContain("申込 2 件");
    expect(report).toContain("問題はありません");
  });

  it("names each broken invariant with the application it concerns", () => {
    const violations = findInvariantViolations(
      [
        record("7", {
          status: "当選",
          eligibility: "適格",
          lottery_result: "当選",
          lottery_rank: "",
        }),
        record("8", {
          status: "訪問済",
          eligibility: "適格",
          lottery_result: "当選",
          lottery_rank: "3",
          participation_intent: "参加する",
        }),
      ],
      ["8"],
    );
    const result = findings({ violations });
    expect(auditPassed(result)).toBe(false);
    const ja = formatAuditReport(result, "ja");
    expect(ja).toContain("WINNER_WITHOUT_RANK");
    expect(ja).toContain("受付番号 7");
    expect(ja).toContain("VISITED_WITHOUT_RECORD");
    expect(ja).toContain("受付番号 8");
    expect(ja).toMatch(/問題が 2 件/);
    const en = formatAuditReport(result, "en");
    expect(en).toContain("application 7");
    expect(en).toContain("2 problem(s)");
  });

  it("reports a broken hash chain and a bundle that does not recompute", () => {
    const result = findings({
      chain: {
        ok: false,
        sequence: 2,
        problem: "previous_hash does not match entry 1's entry_hash",
      },
      bundles: [
        { runId: "run-1", verdict: { ok: false, difference: 'ranking[0].key: expected "3"' } },
      ],
    });
    const report = formatAuditReport(result, "ja");
    expect(auditPassed(result)).toBe(false);
    expect(report).toContain("ハッシュチェーンが壊れています（通番 2）");
    expect(report).toContain("抽選 run-1 の検証データが再計算と一致しません");
    expect(report).toMatch(/問題が 2 件/);
  });
});
