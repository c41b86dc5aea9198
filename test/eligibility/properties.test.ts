import fc from "fast-check";
import type { ApplicationInput } from "../../src/core/application";
import {
  isValidCorporateNumber,
  normalizeCode,
  normalizeEmail,
  normalizeNumberText,
  normalizePhone,
  normalizePostalCode,
  normalizeText,
  parseWholeNumber,
  screenApplication,
  screenApplications,
  toHalfWidth,
  type Violation,
} from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import {
  DECLARATIONS,
  ENTITY_TYPES,
  INDUSTRIES,
  PARTICIPATION_CATEGORIES,
} from "../../src/core/vocabulary";
import { corporateNumberFrom, validApplication } from "./fixtures";

const settings = defaultProgramSettings();
const NOW = new Date("2024-07-20T03:00:00Z");

/** Text an applicant might type: ASCII, full-width forms, hyphen look-alikes, spaces, kanji. */
const typedText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom(
        "０",
        "９",
        "Ａ",
        "ｚ",
        "＠",
        "．",
        "，",
        ",",
        "ー",
        "－",
        "‐",
        "―",
        "−",
        "-",
        "\u3000",
        " ",
        "〒",
        "(",
        "（",
        "+81",
        "億",
        "円",
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

const toFullWidth = (text: string) =>
  text
    .replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0))
    .replace(/ /g, "\u3000");

function sometimes<T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<T>) {
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: other, weight: 1 });
}

const application: fc.Arbitrary<ApplicationInput> = fc.record(
  {
    company_name: sometimes(fc.constantFrom("株式会社A", "B商店"), typedText),
    entity_type: sometimes(fc.constantFrom(...ENTITY_TYPES), typedText),
    corporate_number: sometimes(
      fc.stringMatching(/^\d{12}$/).map(corporateNumberFrom),
      fc.stringMatching(/^\d{10,14}$/),
    ),
    postal_code: sometimes(fc.constantFrom("163-8001", "1000005"), typedText),
    prefecture: sometimes(fc.constant("東京都"), fc.constantFrom("神奈川県", "")),
    address: fc.constantFrom("東京都新宿区", "大阪府大阪市", "", "新宿区"),
    industry: sometimes(fc.constantFrom(...INDUSTRIES), typedText),
    capital_yen: sometimes(fc.nat({ max: 1_000_000_000 }).map(String), typedText),
    employees: sometimes(fc.nat({ max: 1000 }).map(String), typedText),
    participation_category: sometimes(fc.constantFrom(...PARTICIPATION_CATEGORIES), typedText),
    consent_survey: fc.constantFrom(["同意する"], []),
    declarations: fc.subarray([...DECLARATIONS]),
    contact_email: sometimes(fc.constantFrom("a@example.jp", "b@example.jp"), typedText),
    contact_phone: sometimes(fc.constantFrom("03-1234-5678", "090-0000-1111"), typedText),
    appliedAt: sometimes(
      fc
        .date({
          min: new Date("2024-07-01T00:00:00Z"),
          max: new Date("2024-08-31T00:00:00Z"),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString()),
      typedText,
    ),
    id: fc.nat({ max: 10_000 }).map(String),
  },
  { requiredKeys: [] },
);

describe("normalization invariants", () => {
  const normalizers = {
    toHalfWidth,
    normalizeText,
    normalizeCode,
    normalizePhone,
    normalizePostalCode,
    normalizeEmail,
    normalizeNumberText,
  };
  test.each(Object.entries(normalizers))("%s is idempotent", (_, normalize) => {
    fc.assert(
      fc.property(fc.oneof(typedText, fc.string({ unit: "binary" })), (text) => {
        const once = normalize(text);
        expect(normalize(once)).toBe(once);
      }),
    );
  });

  test("parseWholeNumber reads any whole number however it is written", () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), fc.boolean(), fc.boolean(), (value, commas, wide) => {
        let text = commas ? value.toLocaleString("en-US") : String(value);
        if (wide) text = toFullWidth(text);
        expect(parseWholeNumber(text)).toBe(value);
      }),
    );
  });

  test("parseWholeNumber never turns text into a silent 0", () => {
    fc.assert(
      fc.property(typedText, (text) => {
        const value = parseWholeNumber(text);
        if (value === 0) expect(normalizeNumberText(text)).toMatch(/^\+?0+(\.0*)?$/);
        if (value !== undefined)
          expect(Number.isSafeInteger(value) || value > Number.MAX_SAFE_INTEGER).toBe(true);
      }),
    );
  });

  test("a corporate number is valid with its own check digit and no other", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 9 }), (base, digit) => {
        const valid = corporateNumberFrom(base);
        expect(isValidCorporateNumber(valid)).toBe(true);
        expect(isValidCorporateNumber(`${digit}${base}`)).toBe(valid[0] === String(digit));
      }),
    );
  });
});

describe("screening invariants", () => {
  test("status is ineligible exactly when some violation is an error, review when only warnings", () => {
    fc.assert(
      fc.property(application, (input) => {
        const { status, violations } = screenApplication(input, settings, { now: NOW });
        const hasError = violations.some((violation) => violation.severity === "error");
        expect(status === "ineligible").toBe(hasError);
        expect(status === "review").toBe(!hasError && violations.length > 0);
        expect(status === "eligible").toBe(violations.length === 0);
      }),
    );
  });

  test("every violation carries a rule, a severity, a field and a non-empty message in both languages", () => {
    fc.assert(
      fc.property(application, fc.constantFrom("ja" as const, "en" as const), (input, lang) => {
        // A `{name}` left in a message must be the applicant's own text quoted back, never an unfilled template slot.
        const typed = Object.values(input).flat().join("\n");
        for (const violation of screenApplication(input, settings, { now: NOW, lang }).violations) {
          expect(violation.message.trim()).not.toBe("");
          for (const [slot] of violation.message.matchAll(/\{\w+\}/g))
            expect(typed).toContain(slot);
          expect(["error", "warning"]).toContain(violation.severity);
        }
      }),
    );
  });

  test("typing ASCII in full width changes no verdict", () => {
    const asciiFields = [
      "corporate_number",
      "postal_code",
      "capital_yen",
      "employees",
      "contact_email",
      "contact_phone",
      "appliedAt",
    ] as const;
    fc.assert(
      fc.property(application, (input) => {
        const wide: ApplicationInput = { ...input };
        for (const field of asciiFields) {
          const value = input[field];
          if (value !== undefined) wide[field] = toFullWidth(value);
        }
        const verdict = (app: ApplicationInput) =>
          screenApplication(app, settings, { now: NOW }).violations.map(
            (violation) => `${violation.rule}:${violation.field}`,
          );
        expect(verdict(wide)).toEqual(verdict(input));
      }),
    );
  });

  test("fewer employees never creates an SME violation", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INDUSTRIES),
        fc.nat({ max: 2000 }),
        fc.nat({ max: 2000 }),
        fc.nat({ max: 400_000_000 }),
        (industry, a, b, capital) => {
          const sme = (employees: number) =>
            screenApplication(
              validApplication({
                industry,
                employees: String(employees),
                capital_yen: String(capital),
              }),
              settings,
              { now: NOW },
            ).violations.some((violation) => violation.rule === "SME_SIZE_EXCEEDED");
          if (sme(Math.min(a, b))) expect(sme(Math.max(a, b))).toBe(true);
        },
      ),
    );
  });

  test("the batch verdict does not depend on the order of the applications", () => {
    const withIds = fc.uniqueArray(
      application.chain((input) =>
        fc.nat({ max: 10_000 }).map((id) => ({ ...input, id: String(id) })),
      ),
      { selector: (input) => input.id, maxLength: 12 },
    );
    const shuffledPair = withIds.chain((applications) =>
      fc.tuple(
        fc.constant(applications),
        fc.shuffledSubarray(
          applications.map((_, index) => index),
          { minLength: applications.length, maxLength: applications.length },
        ),
      ),
    );
    const sorted = (violations: Violation[]) =>
      violations.map((violation) => JSON.stringify(violation)).sort();
    fc.assert(
      fc.property(shuffledPair, ([applications, order]) => {
        const direct = screenApplications(applications, settings, { now: NOW });
        const reordered = order.flatMap((index) => applications.slice(index, index + 1));
        const shuffled = screenApplications(reordered, settings, { now: NOW });
        expect(shuffled).toHaveLength(direct.length);
        order.forEach((original, position) => {
          expect(sorted(shuffled[position]?.violations ?? [])).toEqual(
            sorted(direct[original]?.violations ?? []),
          );
        });
      }),
    );
  });

  test("exactly one of the applications sharing a corporate number is kept", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 8 }), (ids) => {
        const applications = ids.map((id) =>
          validApplication({
            id: String(id),
            contact_phone: `03${String(id).padStart(8, "0")}`,
            contact_email: `u${id}@example.jp`,
          }),
        );
        const results = screenApplications(applications, settings, { now: NOW });
        const kept = results.filter((result) => result.status === "eligible");
        expect(kept).toHaveLength(1);
        expect(results[ids.indexOf(Math.min(...ids))]?.status).toBe("eligible");
      }),
    );
  });
});
