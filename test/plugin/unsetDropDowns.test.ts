/**
 * @jest-environment jsdom
 */
/**
 * kintone answers an unselected DROP_DOWN as `null` (our sandbox used to answer `""`). Every
 * place in src/ that reads a drop-down for "not set yet" must read both the same way.
 */
import "./support/jsdomGlobals";
import type { KintoneClient } from "../../src/adapters/kintoneClient";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { screenAllApplications } from "../../src/adapters/screening/screenAllApplications";
import { applicationFromRecord, type KintoneRecordLike } from "../../src/core/application";
import { findDrawMismatches } from "../../src/core/audit/drawRecords";
import { screenApplication } from "../../src/core/eligibility";
import { exclusionReason } from "../../src/core/export/evidence";
import { resultOf } from "../../src/core/export/results";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { workflowRecordFromRecord } from "../../src/core/workflow/record";
import { nextStep, recordPages, renderDetailPanel } from "../../src/desktop/detailPanel";
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

  test("審査結果 unset: the detail panel shows 未判定 and what the rules say now (renderDetailPanel)", async () => {
    const space = document.createElement("div");
    const client = {
      record: { getRecords: async () => ({ records: [] }) },
    } as unknown as KintoneClient;
    await renderDetailPanel(
      space,
      restRecord({ eligibility: unset }),
      defaultProgram(client, { applications: 1 }),
      recordPages(false, "/k/1/show", 1),
    );
    expect(space.querySelector(".followup-badge")?.textContent).toBe("未判定");
    expect(space.textContent).toContain("未審査");
  });

  test("審査結果 unset: 審査 (only the unscreened) screens it (screenAllApplications)", async () => {
    const record = restRecord({ eligibility: unset });
    record.$revision = { value: "1" };
    const client = {
      record: { getRecords: async () => ({ records: [record] }) },
      bulkRequest: async () => ({ results: [{ records: [{ id: "7", revision: "2" }] }] }),
    } as unknown as KintoneClient;
    const summary = await screenAllApplications(defaultProgram(client, { applications: 1 }), {
      now: new Date("2024-08-10T00:00:00Z"),
      onlyUnscreened: true,
      dryRun: true,
    });
    expect(summary.screened).toBe(1);
  });

  test("抽選結果 unset outside the draw's pool is no mismatch (findDrawMismatches)", () => {
    const draw = { run_id: "R1", ranking: [] } as unknown as Parameters<
      typeof findDrawMismatches
    >[1];
    expect(findDrawMismatches([restRecord({ lottery_result: unset })], draw, [])).toEqual([]);
  });
});
