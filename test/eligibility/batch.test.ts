import type { ApplicationInput } from "../../src/core/application";
import { type RuleId, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { corporateNumberFrom, validApplication } from "./fixtures";

const settings = defaultProgramSettings();
const NOW = new Date("2024-07-20T03:00:00Z");

let serial = 0;
/** A valid application with its own corporate number, phone and e-mail, so only what a test shares is shared. */
function distinct(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  serial += 1;
  const digits = String(serial).padStart(8, "0");
  return validApplication({
    corporate_number: corporateNumberFrom(`1011${digits}`),
    contact_phone: `03${digits}`,
    contact_email: `user${serial}@example.jp`,
    company_name: `株式会社テスト${serial}号`,
    ...overrides,
  });
}

function rulesOf(applications: ApplicationInput[]): RuleId[][] {
  return screenApplications(applications, settings, { now: NOW }).map((result) =>
    result.violations.map((violation) => violation.rule),
  );
}

describe("DUPLICATE_CORPORATE_NUMBER", () => {
  const shared = corporateNumberFrom("401100109899");

  test("the earliest applied_at is kept, whatever the order or record ids", () => {
    const later = distinct({
      id: "1",
      corporate_number: shared,
      appliedAt: "2024-07-20T10:00:00+09:00",
    });
    const earliest = distinct({
      id: "9",
      corporate_number: shared,
      appliedAt: "2024-07-15T10:00:00+09:00",
    });
    const latest = distinct({
      id: "2",
      corporate_number: shared,
      appliedAt: "2024-07-25T10:00:00+09:00",
    });
    expect(rulesOf([later, earliest, latest])).toEqual([
      ["DUPLICATE_CORPORATE_NUMBER"],
      [],
      ["DUPLICATE_CORPORATE_NUMBER"],
    ]);
  });

  test("on the same applied_at the lowest record id is kept (numerically)", () => {
    const appliedAt = "2024-07-20T10:00:00+09:00";
    const results = screenApplications(
      [
        distinct({ id: "10", corporate_number: shared, appliedAt }),
        distinct({ id: "9", corporate_number: shared, appliedAt }),
      ],
      settings,
      { now: NOW },
    );
    expect(results.map((result) => result.status)).toEqual(["ineligible", "eligible"]);
    expect(results[0]?.violations[0]).toEqual({
      rule: "DUPLICATE_CORPORATE_NUMBER",
      severity: "error",
      field: "corporate_number",
      message:
        "同じ法人番号のお申込みが先に届いています（レコード番号9）。お申込みは1事業者につき1件までです。",
    });
  });

  test("the same instant written in different offsets counts as the same time", () => {
    const first = distinct({
      id: "5",
      corporate_number: shared,
      appliedAt: "2024-07-20T01:00:00Z",
    });
    const second = distinct({
      id: "4",
      corporate_number: shared,
      appliedAt: "2024-07-20T10:00:00+09:00",
    });
    expect(rulesOf([first, second])).toEqual([["DUPLICATE_CORPORATE_NUMBER"], []]);
  });

  test("numbers written differently (full-width, hyphens) are the same number", () => {
    const plain = distinct({ id: "1", corporate_number: "4011001098993" });
    const wide = distinct({ id: "2", corporate_number: "４０１１－００１０－９８９９３" });
    expect(rulesOf([plain, wide])).toEqual([[], ["DUPLICATE_CORPORATE_NUMBER"]]);
  });

  test("without record ids, input order breaks the tie and the message says which entry is kept", () => {
    const results = screenApplications(
      [distinct({ corporate_number: shared }), distinct({ corporate_number: shared })],
      settings,
      { now: NOW, lang: "en" },
    );
    expect(results[0]?.violations).toEqual([]);
    expect(results[1]?.violations[0]?.message).toContain("(entry 1)");
  });

  test("a missing applied_at counts as now", () => {
    const undated = distinct({ id: "1", corporate_number: shared, appliedAt: undefined });
    const dated = distinct({
      id: "2",
      corporate_number: shared,
      appliedAt: "2024-07-19T10:00:00+09:00",
    });
    expect(rulesOf([undated, dated])).toEqual([["DUPLICATE_CORPORATE_NUMBER"], []]);
  });

  test("個人事業主 are not compared by a corporate number they happen to fill in", () => {
    const sole = { entity_type: "個人事業主", corporate_number: shared };
    expect(rulesOf([distinct(sole), distinct(sole)])).toEqual([[], []]);
  });

  test("a number with a wrong check digit is still a duplicate of itself", () => {
    const wrong = "8010705000725";
    expect(
      rulesOf([
        distinct({ id: "1", corporate_number: wrong }),
        distinct({ id: "2", corporate_number: wrong }),
      ]),
    ).toEqual([
      ["CORPORATE_NUMBER_CHECK_DIGIT"],
      ["CORPORATE_NUMBER_CHECK_DIGIT", "DUPLICATE_CORPORATE_NUMBER"],
    ]);
  });
});

describe("POSSIBLE_DUPLICATE", () => {
  test("the same phone number warns on both applications, naming the other", () => {
    const results = screenApplications(
      [
        distinct({ id: "3", contact_phone: "03-9999-0000" }),
        distinct({ id: "7", contact_phone: "０３（９９９９）００００" }),
      ],
      settings,
      { now: NOW },
    );
    expect(results.map((result) => result.status)).toEqual(["review", "review"]);
    expect(results[0]?.violations).toEqual([
      {
        rule: "POSSIBLE_DUPLICATE",
        severity: "warning",
        field: "contact_phone",
        message:
          "同じ事業者からと思われるお申込みが他にあります（電話番号が同じ：レコード番号7）。事務局で確認のうえご連絡します。",
      },
    ]);
    expect(results[1]?.violations[0]?.message).toContain("レコード番号3");
  });

  test("the same e-mail address, in any case, warns on the e-mail field", () => {
    const results = screenApplications(
      [
        distinct({ contact_email: "Info@Example.jp" }),
        distinct({ contact_email: "info@example.jp" }),
      ],
      settings,
      { now: NOW },
    );
    expect(results.map((result) => result.violations.map((violation) => violation.field))).toEqual([
      ["contact_email"],
      ["contact_email"],
    ]);
  });

  test("sharing both phone and e-mail gives one warning per field", () => {
    const same = { contact_phone: "0311112222", contact_email: "same@example.jp" };
    expect(rulesOf([distinct(same), distinct(same)])).toEqual([
      ["POSSIBLE_DUPLICATE", "POSSIBLE_DUPLICATE"],
      ["POSSIBLE_DUPLICATE", "POSSIBLE_DUPLICATE"],
    ]);
  });

  test("applications of the same 法人 are left to DUPLICATE_CORPORATE_NUMBER", () => {
    const same = { corporate_number: "7010705000725", contact_phone: "0311112222" };
    expect(rulesOf([distinct({ ...same, id: "1" }), distinct({ ...same, id: "2" })])).toEqual([
      [],
      ["DUPLICATE_CORPORATE_NUMBER"],
    ]);
  });

  test("invalid or blank contacts are not compared", () => {
    const blank = { contact_phone: "", contact_email: "" };
    expect(rulesOf([distinct(blank), distinct(blank)])).toEqual([
      ["PHONE_FORMAT", "EMAIL_FORMAT"],
      ["PHONE_FORMAT", "EMAIL_FORMAT"],
    ]);
  });

  test("a large group lists five others and counts the rest", () => {
    const group = Array.from({ length: 8 }, (_, index) =>
      distinct({ id: String(index + 1), contact_phone: "0300000000" }),
    );
    const message = screenApplications(group, settings, { now: NOW })[0]?.violations[0]?.message;
    expect(message).toContain(
      "レコード番号2、レコード番号3、レコード番号4、レコード番号5、レコード番号6、ほか2件",
    );
  });

  test("distinct applications get no batch violation", () => {
    expect(rulesOf([distinct(), distinct(), distinct()])).toEqual([[], [], []]);
  });
});

test("results keep the input order and a single application gets no batch rule", () => {
  const applications = [
    distinct({ company_name: "" }),
    distinct(),
    distinct({ address: "大阪府大阪市" }),
  ];
  expect(
    screenApplications(applications, settings, { now: NOW }).map((result) => result.status),
  ).toEqual(["ineligible", "eligible", "review"]);
  expect(screenApplications([], settings)).toEqual([]);
});
