/**
 * The per-application rules of spec §4, in the table's order. Pure: the program settings are
 * compiled once (ScreeningProgram) and each application is checked against them.
 */
import type { ApplicationInput } from "../application";
import type { Lang } from "../i18n";
import type { IndustryLimit, ProgramSettings } from "../settings/programSettings";
import {
  CONSENT_OPTION,
  DECLARATIONS,
  ENTITY_TYPES,
  PARTICIPATION_CATEGORIES,
  PREFECTURES,
  type ApplicationField,
} from "../vocabulary";
import { CORPORATE_NUMBER_PATTERN, corporateNumberCheckDigit } from "./corporateNumber";
import { formatJapanTime, parseInstant } from "./instant";
import { formatYen, type MessageParams, ruleMessage } from "./messages";
import {
  normalizeCode,
  normalizeEmail,
  normalizePostalCode,
  normalizeText,
  parseWholeNumber,
} from "./normalize";
import type { RuleId, Severity, Violation } from "./types";

const TOKYO = "東京都";

/** The settings in the form the rules use, built once per settings object and language. */
export interface ScreeningProgram {
  lang: Lang;
  settings: ProgramSettings;
  industries: Map<string, IndustryLimit>;
  opensAt: number;
  closesAt: number;
  baseParams: MessageParams;
}

const compiled = new WeakMap<ProgramSettings, Partial<Record<Lang, ScreeningProgram>>>();

export function screeningProgram(settings: ProgramSettings, lang: Lang): ScreeningProgram {
  const byLang = compiled.get(settings) ?? {};
  const cached = byLang[lang];
  if (cached) return cached;
  const enabled = settings.industries.filter((row) => row.enabled);
  const opensAt = Date.parse(settings.window.opensAt);
  const closesAt = Date.parse(settings.window.closesAt);
  const separator = lang === "ja" ? "、" : ", ";
  const program: ScreeningProgram = {
    lang,
    settings,
    industries: new Map(enabled.map((row) => [normalizeText(row.industry), row])),
    opensAt,
    closesAt,
    baseParams: {
      industries: enabled.map((row) => row.industry).join(separator),
      categories: PARTICIPATION_CATEGORIES.join(separator),
      opensAt: formatJapanTime(opensAt, lang),
      closesAt: formatJapanTime(closesAt, lang),
    },
  };
  compiled.set(settings, { ...byLang, [lang]: program });
  return program;
}

/** What the batch rules need from an application, normalized once. */
export interface ApplicationFacts {
  /** 13-digit corporate number of a 法人; undefined otherwise. */
  corporateNumber?: string;
  /** Valid phone number, digits only. */
  phone?: string;
  /** Valid e-mail address, lower case. */
  email?: string;
  /** Receipt instant (epoch ms); `now` when the application has none; NaN when unreadable. */
  appliedAt: number;
}

export interface ApplicationCheck {
  violations: Violation[];
  facts: ApplicationFacts;
}

const normalizedSet = (values: readonly string[]) =>
  new Set(values.map((value) => normalizeText(value)));
const ENTITY_TYPE_SET = normalizedSet(ENTITY_TYPES);
const CATEGORY_SET = normalizedSet(PARTICIPATION_CATEGORIES);
const CONSENT = normalizeText(CONSENT_OPTION);
const NORMALIZED_DECLARATIONS = DECLARATIONS.map((label) => normalizeText(label));
const PHONE_PATTERN = /^0\d{9,10}$/;
const POSTAL_CODE_PATTERN = /^\d{7}$/;
const EMAIL_PATTERN =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i;
/** A postal code written before the address (〒163-8001 東京都…) is skipped when reading its prefecture. */
const LEADING_POSTAL_CODE = /^〒?\s*\d{3}\s*[-ー－‐―−]?\s*\d{4}\s*/;

/** Phone number digits: also turns +81 into the domestic leading 0. */
export function normalizePhone(value: string | undefined): string {
  return normalizeCode(value).replace(/^\+81(?=[1-9])/, "0");
}

/** The prefecture an address starts with, if it names one. */
export function addressPrefecture(address: string | undefined): string | undefined {
  const text = normalizeText(address).replace(LEADING_POSTAL_CODE, "");
  return PREFECTURES.find((prefecture) => text.startsWith(prefecture));
}

function sizeLimits(limit: IndustryLimit, soleProprietor: boolean, lang: Lang): string {
  const capital = formatYen(limit.capitalLimitYen, lang);
  if (lang === "en") {
    const employees = `at most ${limit.employeeLimit} regular employees`;
    return soleProprietor
      ? `${employees}; a sole proprietor is judged on employees only`
      : `capital at most ${capital} or ${employees}`;
  }
  const employees = `常時使用する従業員${limit.employeeLimit}人以下`;
  return soleProprietor
    ? `${employees}。個人事業主は従業員数で判定します`
    : `資本金${capital}以下又は${employees}`;
}

/** What each group of rules shares while checking one application. */
interface Check {
  application: ApplicationInput;
  program: ScreeningProgram;
  facts: ApplicationFacts;
  violations: Violation[];
}

function report(
  check: Check,
  rule: RuleId,
  severity: Severity,
  field: ApplicationField,
  params: MessageParams = {},
): void {
  const { program } = check;
  const allParams = { ...program.baseParams, ...params };
  const message = ruleMessage(rule, program.lang, allParams, program.settings.messages);
  check.violations.push({ rule, severity, field, message });
}

/** A raw value as quoted in a message ("未入力" when blank). */
function shown(check: Check, value: string | undefined): string {
  const text = normalizeText(value);
  if (text !== "") return text;
  return check.program.lang === "ja" ? "未入力" : "blank";
}

type EntityKind = "corporation" | "soleProprietor" | undefined;

function checkIdentity(check: Check): EntityKind {
  const { application, facts } = check;
  if (normalizeText(application.company_name) === "") {
    report(check, "COMPANY_NAME_REQUIRED", "error", "company_name");
  }
  const entityType = normalizeText(application.entity_type);
  if (!ENTITY_TYPE_SET.has(entityType)) {
    report(check, "ENTITY_TYPE_REQUIRED", "error", "entity_type");
  }
  if (entityType === "個人事業主") return "soleProprietor";
  if (entityType !== "法人") return undefined;

  const corporateNumber = normalizeCode(application.corporate_number);
  if (!CORPORATE_NUMBER_PATTERN.test(corporateNumber)) {
    report(check, "CORPORATE_NUMBER_FORMAT", "error", "corporate_number", {
      value: shown(check, application.corporate_number),
    });
    return "corporation";
  }
  facts.corporateNumber = corporateNumber;
  if (corporateNumberCheckDigit(corporateNumber) !== corporateNumber.charCodeAt(0) - 48) {
    report(check, "CORPORATE_NUMBER_CHECK_DIGIT", "error", "corporate_number");
  }
  return "corporation";
}

function checkLocation(check: Check): void {
  const { application, program } = check;
  const prefecture = normalizeText(application.prefecture);
  if (prefecture !== TOKYO) {
    const notSelected = program.lang === "ja" ? "未選択" : "not selected";
    report(check, "PREFECTURE_NOT_TOKYO", "error", "prefecture", {
      prefecture: prefecture === "" ? notSelected : prefecture,
    });
  }
  const statedPrefecture = prefecture === "" ? TOKYO : prefecture;
  const prefectureInAddress = addressPrefecture(application.address);
  if (prefectureInAddress !== undefined && prefectureInAddress !== statedPrefecture) {
    report(check, "ADDRESS_PREFECTURE_MISMATCH", "warning", "address", {
      addressPrefecture: prefectureInAddress,
      prefecture: statedPrefecture,
    });
  }
  if (!POSTAL_CODE_PATTERN.test(normalizePostalCode(application.postal_code))) {
    report(check, "POSTAL_CODE_FORMAT", "error", "postal_code", {
      value: shown(check, application.postal_code),
    });
  }
}

function checkContact(check: Check): void {
  const { application, facts } = check;
  const phone = normalizePhone(application.contact_phone);
  if (PHONE_PATTERN.test(phone)) facts.phone = phone;
  else
    report(check, "PHONE_FORMAT", "error", "contact_phone", {
      value: shown(check, application.contact_phone),
    });

  const email = normalizeEmail(application.contact_email);
  if (EMAIL_PATTERN.test(email)) facts.email = email;
  else
    report(check, "EMAIL_FORMAT", "error", "contact_email", {
      value: shown(check, application.contact_email),
    });
}

/** Industry, employees, capital and the SME size test (中小企業基本法 §2(1), limits inclusive). */
function checkSize(check: Check, entity: EntityKind): void {
  const { application, program } = check;
  const limit = program.industries.get(normalizeText(application.industry));
  if (!limit) {
    report(check, "INDUSTRY_REQUIRED", "error", "industry", {
      value: shown(check, application.industry),
    });
  }

  const employees = parseWholeNumber(application.employees);
  if (employees === undefined) {
    report(check, "EMPLOYEES_INVALID", "error", "employees", {
      value: shown(check, application.employees),
    });
  }
  // A sole proprietor has no capital: whatever is in the field is ignored (domain-rules §1.1).
  const capital = entity === "corporation" ? parseWholeNumber(application.capital_yen) : undefined;
  if (entity === "corporation" && capital === undefined) {
    report(check, "CAPITAL_INVALID", "error", "capital_yen", {
      value: shown(check, application.capital_yen),
    });
  }

  // Judged only when the facts decide it; a missing value is reported by its own rule above.
  if (!limit || employees === undefined || employees <= limit.employeeLimit) return;
  const decided =
    entity === "soleProprietor" || (entity === "corporation" && capital !== undefined);
  const withinByCapital = capital !== undefined && capital <= limit.capitalLimitYen;
  if (decided && !withinByCapital) {
    report(check, "SME_SIZE_EXCEEDED", "error", "employees", {
      industry: limit.industry,
      limits: sizeLimits(limit, entity === "soleProprietor", program.lang),
    });
  }
}

function checkCommitments(check: Check): void {
  const { application, program } = check;
  if (!CATEGORY_SET.has(normalizeText(application.participation_category))) {
    report(check, "PARTICIPATION_CATEGORY_REQUIRED", "error", "participation_category");
  }
  const consents = (application.consent_survey ?? []).map((choice) => normalizeText(choice));
  if (!consents.includes(CONSENT)) report(check, "CONSENT_REQUIRED", "error", "consent_survey");

  const choices = application.declarations ?? [];
  // Labels as kintone stores them match at once; only others are normalized.
  const declared = new Set(choices);
  if (!DECLARATIONS.every((label) => declared.has(label))) {
    for (const choice of choices) declared.add(normalizeText(choice));
  }
  const missing = DECLARATIONS.filter(
    (label, index) => !declared.has(label) && !declared.has(NORMALIZED_DECLARATIONS[index] ?? ""),
  );
  if (missing.length > 0) {
    report(check, "DECLARATIONS_INCOMPLETE", "error", "declarations", {
      // The letter ア–キ that starts each label.
      missing: missing
        .map((label) => label.split(" ")[0])
        .join(program.lang === "ja" ? "、" : ", "),
    });
  }
}

/** The receipt instant against the window; both ends inclusive. */
function checkWindow(check: Check): void {
  const { application, program, facts } = check;
  if (application.appliedAt !== undefined && normalizeText(application.appliedAt) !== "") {
    facts.appliedAt = parseInstant(application.appliedAt) ?? Number.NaN;
  }
  if (Number.isNaN(facts.appliedAt)) {
    report(check, "APPLIED_AT_INVALID", "error", "applied_at", {
      value: shown(check, application.appliedAt),
    });
    return;
  }
  const early = facts.appliedAt < program.opensAt;
  if (early || facts.appliedAt > program.closesAt) {
    const appliedAt = formatJapanTime(facts.appliedAt, program.lang);
    const rule = early ? "APPLIED_BEFORE_WINDOW" : "APPLIED_AFTER_WINDOW";
    report(check, rule, "error", "applied_at", { appliedAt });
  }
}

/**
 * Checks one application against every per-record rule and returns all violations at once, with
 * the normalized facts the batch rules need. `now` (epoch ms) stands in for a missing applied_at.
 */
export function checkApplication(
  application: ApplicationInput,
  program: ScreeningProgram,
  now: number,
): ApplicationCheck {
  const check: Check = { application, program, facts: { appliedAt: now }, violations: [] };
  const entity = checkIdentity(check);
  checkLocation(check);
  checkContact(check);
  checkSize(check, entity);
  checkCommitments(check);
  checkWindow(check);
  return { violations: check.violations, facts: check.facts };
}
