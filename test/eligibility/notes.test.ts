import {
  eligibilityLabel,
  formatEligibilityNotes,
  readEligibilityNotes,
  reasonsOf,
  screenApplication,
  statusOf,
  type Violation,
} from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { validApplication } from "./fixtures";

const error: Violation = {
  rule: "CONSENT_REQUIRED",
  severity: "error",
  field: "consent_survey",
  message: "同意が必要です。",
};
const warning: Violation = {
  rule: "ADDRESS_PREFECTURE_MISMATCH",
  severity: "warning",
  field: "address",
  message: "所在地をご確認ください。",
};

test.each([
  ["eligible", "適格"],
  ["review", "要確認"],
  ["ineligible", "対象外"],
] as const)("eligibilityLabel(%s) = %s", (status, label) => {
  expect(eligibilityLabel(status)).toBe(label);
});

test.each([
  [[], "eligible"],
  [[warning], "review"],
  [[error], "ineligible"],
  [[warning, error], "ineligible"],
] as const)("statusOf %#", (violations, status) => {
  expect(statusOf(violations)).toBe(status);
});

test("eligibility notes: one reason per line, errors marked apart from points to check, no rule ids", () => {
  expect(formatEligibilityNotes([error, warning])).toBe(
    "【不備】同意が必要です。\n【要確認】所在地をご確認ください。",
  );
  expect(formatEligibilityNotes([warning], "en")).toBe("[check] 所在地をご確認ください。");
  expect(formatEligibilityNotes([])).toBe("");
});

test("without applied_at or now, the current time is used (long after the 2024 window)", () => {
  const result = screenApplication(
    validApplication({ appliedAt: undefined }),
    defaultProgramSettings(),
  );
  expect(result.violations.map((violation) => violation.rule)).toEqual(["APPLIED_AFTER_WINDOW"]);
});

test("eligibility notes read back into reasons without marks, other lines kept whole", () => {
  for (const lang of ["ja", "en"] as const) {
    const notes = `${formatEligibilityNotes([error, warning], lang)}\n  \n電話で確認済み（CONSENT_REQUIRED は解消）`;
    expect(readEligibilityNotes(notes)).toEqual([
      { severity: "error", message: "同意が必要です。" },
      { severity: "warning", message: "所在地をご確認ください。" },
      { severity: null, message: "電話で確認済み（CONSENT_REQUIRED は解消）" },
    ]);
  }
  expect(readEligibilityNotes("メモ【不備】ではない")).toEqual([
    { severity: null, message: "メモ【不備】ではない" },
  ]);
  expect(reasonsOf([error])).toEqual([{ severity: "error", message: "同意が必要です。" }]);
});
