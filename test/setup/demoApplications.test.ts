import {
  DEMO_APPLICATION_COUNT,
  corporateCheckDigit,
  generateDemoApplications,
  seededRandom,
} from "../../src/apps/demoApplications";
import { applicationFromRecord } from "../../src/core/application";
import { RULE_IDS, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";

function screenDemo(seed?: number) {
  const demo = generateDemoApplications(seed);
  const inputs = demo.map((entry, index) => ({
    ...applicationFromRecord({ ...entry.record, $id: { value: String(index + 1) } }),
  }));
  return { demo, results: screenApplications(inputs, defaultProgramSettings()) };
}

describe("demo applications", () => {
  test("are deterministic from the seed and differ between seeds", () => {
    expect(generateDemoApplications(7)).toEqual(generateDemoApplications(7));
    expect(generateDemoApplications(7)).not.toEqual(generateDemoApplications(8));
    expect(generateDemoApplications()).toHaveLength(DEMO_APPLICATION_COUNT);
  });

  test("are in receipt order", () => {
    const times = generateDemoApplications().map((d) => String(d.record.applied_at?.value));
    expect([...times].sort()).toEqual(times);
  });

  test("exercise every eligibility rule, and mostly pass", () => {
    const { demo, results } = screenDemo();
    const seen = new Set(results.flatMap((r) => r.violations.map((v) => v.rule)));
    // A radio button or a date-time field in kintone cannot hold a missing or malformed value.
    const notStorable = [
      "ENTITY_TYPE_REQUIRED",
      "PARTICIPATION_CATEGORY_REQUIRED",
      "APPLIED_AT_INVALID",
    ];
    const exercised = RULE_IDS.filter((rule) => !notStorable.includes(rule));
    for (const rule of exercised) expect(seen).toContain(rule);
    const eligible = results.filter((r) => r.status === "eligible").length;
    expect(eligible).toBeGreaterThan(DEMO_APPLICATION_COUNT * 0.6);
    // Each application meant to exercise a rule does so; the plainly eligible ones are eligible.
    demo.forEach((entry, index) => {
      const rules = (results[index]?.violations ?? []).map((v) => v.rule);
      if (entry.exercises === "eligible") expect({ index, rules }).toEqual({ index, rules: [] });
      else expect(rules).toContain(entry.exercises);
    });
  });

  test("give every company its own name, except the one that applied twice", () => {
    const names = generateDemoApplications().map((d) => String(d.record.company_name?.value));
    expect(new Set(names).size).toBe(DEMO_APPLICATION_COUNT - 1);
  });

  test("include full-width input, sole proprietors and markup in a company name", () => {
    const records = generateDemoApplications().map((d) => d.record);
    expect(records.some((r) => /[０-９]/.test(String(r.corporate_number?.value)))).toBe(true);
    expect(
      records.filter((r) => r.entity_type?.value === "個人事業主").length,
    ).toBeGreaterThanOrEqual(2);
    expect(records.some((r) => String(r.company_name?.value).includes("<img src=x onerror="))).toBe(
      true,
    );
  });
});

describe("corporateCheckDigit", () => {
  test("matches a published 法人番号 (国税庁: 7000012050002)", () => {
    expect(corporateCheckDigit("000012050002")).toBe(7);
  });
});

test("seededRandom gives numbers in [0, 1)", () => {
  const random = seededRandom(1);
  const values = Array.from({ length: 1000 }, random);
  expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  expect(new Set(values).size).toBeGreaterThan(990);
});
