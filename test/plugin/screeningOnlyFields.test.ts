import { lockScreeningFields } from "../../src/desktop/screeningOnlyFields";

const names = { field: (code: string) => (code === "screened_at" ? "審査日" : code) };

function event() {
  return {
    record: {
      eligibility: { value: "適格" },
      eligibility_notes: { value: "古いメモ" },
      screening_signature: { value: "s1:abc" },
      審査日: { value: "2024-08-10T00:00:00Z" },
      staff_decision: { value: "なし" },
      staff_decision_reason: { value: "" },
    } as Record<string, { value?: unknown; disabled?: boolean }>,
  };
}

test("screening's fields are read-only on a form; a person's decision and reason stay editable", () => {
  const edited = lockScreeningFields(event(), names, false);
  for (const code of ["eligibility", "eligibility_notes", "screening_signature", "審査日"]) {
    expect([code, edited.record[code]?.disabled]).toEqual([code, true]);
  }
  expect(edited.record.eligibility?.value).toBe("適格");
  expect(edited.record.staff_decision?.disabled).toBeUndefined();
  expect(edited.record.staff_decision_reason?.disabled).toBeUndefined();
});

test("a new (or copied) record starts unscreened", () => {
  const created = lockScreeningFields(event(), names, true);
  expect(created.record.eligibility?.value).toBe("未判定");
  expect(created.record.eligibility_notes?.value).toBe("");
  expect(created.record.screening_signature?.value).toBe("");
  expect(created.record["審査日"]?.value).toBe("");
});
