/**
 * kintone answers an unselected DROP_DOWN as `null` (our sandbox used to answer `""`). Every
 * place in src/ that reads a drop-down for "not set yet" must read both the same way.
 */
import { applicationFromRecord, type KintoneRecordLike } from "../../src/core/application";
import { findDrawMismatches } from "../../src/core/audit/drawRecords";
import { screenApplication } from "../../src/core/eligibility";
import { exclusionReason } from "../../src/core/export/evidence";
import { resultOf } from "../../src/core/export/results";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { workflowRecordFromRecord } from "../../src/core/workflow/record";
import { nextStep } from "../../src/desktop/detailPanel";
import { validApplicationValues } from "./support/applications";

const UNSET = [null, ""] as const;

/** A REST record of the applications app with one field's value replaced. */
function restRecord(overrides: Record<string, unknown>): KintoneRecordLike {
  const values = validApplicationValues(overrides);
  const record: KintoneRecordLike = Object.fromEntries(
    Object.entries(values).map(([code, value]) => [code, { value }]),
  );
  record.$id = { value: "7" };
  record.ステータス = { type: "STATUS", value: "申込受付" } as { value: unknown };
  return record;
}

describe.each(UNSET)("an unset drop-down read as %p", (unset) => {
  test("審査結果 unset: the next step is to screen it (workflowRecordFromRecord → nextStep)", () => {
    const config = defaultPluginConfig();
    const record = workflowRecordFromRecord(restRecord({ eligibility: unset }));
    expect(record.eligibility).toBe("");
    expect(nextStep(record, config).ja).toContain("審査してください");
  });

  test("審査結果 unset: the evidence explains the exclusion as not screened (exclusionReason)", () => {
    expect(exclusionReason(restRecord({ eligibility: unset }))).toBe(
      "審査結果「未判定」（適格でない）",
    );
  });

  test("抽選結果 unset: the results CSV says 未抽選 (resultOf)", () => {
    expect(resultOf(restRecord({ lottery_result: unset }))).toBe("未抽選");
  });

  test('都道府県 unset: screening reports it as not in Tokyo, as for "" (applicationFromRecord → rules)', () => {
    const screen = (value: null | "") =>
      screenApplication(
        applicationFromRecord(restRecord({ prefecture: value })),
        defaultProgramSettings(),
        { lang: "ja", now: new Date("2024-07-20T03:00:00Z") },
      ).violations;
    const violations = screen(unset);
    expect(violations.map((v) => v.rule)).toContain("PREFECTURE_NOT_TOKYO");
    expect(violations).toEqual(screen(""));
  });

  test("抽選結果 unset outside the draw's pool is no mismatch (findDrawMismatches)", () => {
    const draw = { run_id: "R1", ranking: [] } as unknown as Parameters<
      typeof findDrawMismatches
    >[1];
    expect(findDrawMismatches([restRecord({ lottery_result: unset })], draw, [])).toEqual([]);
  });
});
