import {
  DEMO_APPLICATION_COUNT,
  DEMO_REFERENCE_DAY,
  DEMO_SEED,
  corporateCheckDigit,
  demoWindow,
  generateDemoApplications,
  seededRandom,
} from "../../src/apps/demoApplications";
import { applicationFromRecord } from "../../src/core/application";
import {
  normalizeBusinessName,
  RULE_IDS,
  screenApplication,
  screenApplications,
} from "../../src/core/eligibility";
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
    // A radio button or a date-time field in kintone cannot hold a missing or malformed value;
    // the company name is required in the app (and every demo business has a name of its own).
    const notStorable = [
      "COMPANY_NAME_REQUIRED",
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

describe("a believable round of Tokyo businesses (issue 17)", () => {
  const records = generateDemoApplications().map((d) => d.record);
  const value = (record: (typeof records)[number], code: string) =>
    String(record[code]?.value ?? "");

  test("120 distinct normalized company names except the one deliberate duplicate", () => {
    const names = records.map((r) => normalizeBusinessName(value(r, "company_name")));
    expect(names).toHaveLength(120);
    expect(new Set(names).size).toBe(119);
  });

  test("in many wards and cities of Tokyo, with realistic industry proportions", () => {
    const tokyo = records.filter((r) => value(r, "prefecture") === "東京都");
    const places = new Set(
      tokyo.map((r) => /^東京都(.+?[区市])/.exec(value(r, "address"))?.[1] ?? "?"),
    );
    expect(places.size).toBeGreaterThanOrEqual(20);
    const share = (industry: string) =>
      records.filter((r) => value(r, "industry") === industry).length / records.length;
    expect(share("製造業・建設業・運輸業・その他")).toBeGreaterThan(0.25);
    expect(share("サービス業")).toBeGreaterThan(0.25);
    expect(share("小売業")).toBeGreaterThan(0.1);
    expect(share("卸売業")).toBeGreaterThan(0.05);
    expect(share("卸売業")).toBeLessThan(share("小売業"));
  });

  test("the deliberate cases: a real duplicate, an NPO, a restaurant that chose サービス業", () => {
    const demo = generateDemoApplications();
    const kinds = demo.map((d) => d.exercises);
    expect(kinds.filter((k) => k === "DUPLICATE_CORPORATE_NUMBER")).toHaveLength(1);
    const npo = demo.find((d) => d.exercises === "ENTITY_NOT_ELIGIBLE")?.record;
    expect(value(npo ?? {}, "company_name")).toContain("特定非営利活動法人");
    const restaurant = demo.find((d) => d.exercises === "INDUSTRY_HINT")?.record;
    expect(value(restaurant ?? {}, "industry")).toBe("サービス業");
    expect(value(restaurant ?? {}, "business_description")).toContain("レストラン");
  });
});

describe("the demo round is dated from the day its data is created", () => {
  test("opened four weeks before closing, closed at 17:00 JST the day before", () => {
    expect(demoWindow(new Date("2026-11-30T19:00:00Z"))).toEqual({
      // 2026-12-01 04:00 JST: the round closed on 11-30 at 17:00.
      opensAt: "2026-11-02T00:00:00+09:00",
      closesAt: "2026-11-30T17:00:00+09:00",
    });
    expect(demoWindow(DEMO_REFERENCE_DAY)).toEqual({
      opensAt: "2024-07-12T00:00:00+09:00",
      closesAt: "2024-08-09T17:00:00+09:00",
    });
  });

  test("its applications fall in that window, and a new one typed today is refused as late, in 西暦 and 和暦", () => {
    const createdAt = new Date("2026-11-30T03:00:00Z");
    const window = demoWindow(createdAt);
    const settings = { ...defaultProgramSettings(), window };
    const demo = generateDemoApplications(DEMO_SEED, createdAt);
    const results = screenApplications(
      demo.map((d, i) => applicationFromRecord({ ...d.record, $id: { value: String(i + 1) } })),
      settings,
    );
    demo.forEach((entry, index) => {
      if (entry.exercises !== "eligible") return;
      expect({ index, status: results[index]?.status }).toEqual({ index, status: "eligible" });
    });
    const typedToday = applicationFromRecord({ ...demo[0]?.record, applied_at: { value: "" } });
    const late = screenApplication(typedToday, settings, { now: createdAt });
    expect(late.violations.map((v) => v.message)).toContain(
      "申込受付期間（2026年（令和8年）11月1日（日）00:00〜2026年（令和8年）11月29日（日）17:00）は終了しているため、お申込みいただけません（受付日時：2026年（令和8年）11月30日（月）12:00）。",
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
