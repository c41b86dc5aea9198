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
  PARTICIPATION_CATEGORIES,
  PREFECTURES,
  type ApplicationField,
} from "../vocabulary";
import { CORPORATE_NUMBER_PATTERN, corporateNumberCheckDigit } from "./corporateNumber";
import { entityTypeOf, nonCompanyForm, normalizeAddress, normalizeBusinessName } from "./entity";
import { industryHints } from "./industryHint";
import { formatWindowTime, parseInstant } from "./instant";
import { formatYen, type MessageParams, ruleMessage } from "./messages";
import {
  normalizeCode,
  normalizeEmail,
  normalizeNumberText,
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
  /** This year's round-1 participants: 法人番号s and name + address keys. */
  roundOne: { corporateNumbers: Set<string>; nameAddresses: Set<string> };
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
      opensAt: formatWindowTime(opensAt, lang),
      closesAt: formatWindowTime(closesAt, lang),
    },
    roundOne: {
      corporateNumbers: new Set(
        settings.roundOneParticipants
          .map((entry) => normalizeCode(entry.corporateNumber))
          .filter((number) => number !== ""),
      ),
      nameAddresses: new Set(
        settings.roundOneParticipants.flatMap((entry) => {
          const key = nameAddressKey(entry.name, entry.address);
          return key === undefined ? [] : [key];
        }),
      ),
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
  /** Normalized business name + address, when both are given. */
  nameAddress?: string;
  /** Receipt instant (epoch ms); `now` when the application has none; NaN when unreadable. */
  appliedAt: number;
}

/** The name + address key of a business for duplicate checks; undefined when either is blank. */
export function nameAddressKey(
  name: string | undefined,
  address: string | undefined,
): string | undefined {
  const normalizedName = normalizeBusinessName(name);
  const normalizedAddress = normalizeAddress(address);
  if (normalizedName === "" || normalizedAddress === "") return undefined;
  return `${normalizedName}|${normalizedAddress}`;
}

export interface ApplicationCheck {
  violations: Violation[];
  facts: ApplicationFacts;
}

const normalizedSet = (values: readonly string[]) =>
  new Set(values.map((value) => normalizeText(value)));
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

/** Longest applicant text quoted back in a message. */
const MAX_QUOTED = 40;
/** Line breaks and other control characters: inside a quote they would start a line of their own. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * The applicant's text as one quoted value in a message: on one line, its own 「」 turned into
 * 『』, shortened to MAX_QUOTED characters; "未入力" (a choice: "未選択") when there is none. So a newline or a
 * rule-like phrase typed into a field cannot pass for a reason of its own.
 */
export function quoteValue(value: string | undefined, lang: Lang, choice = false): string {
  const text = normalizeText(value)
    .replace(BREAKS, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
  if (text === "" && choice) return lang === "ja" ? "未選択" : "nothing chosen";
  if (text === "") return lang === "ja" ? "未入力" : "blank";
  const chars = [...text];
  const short = chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join("")}…` : text;
  return lang === "ja"
    ? `「${short.replace(/「/g, "『").replace(/」/g, "』")}」`
    : `"${short.replace(/"/g, "'")}"`;
}

function shown(check: Check, value: string | undefined, choice = false): string {
  return quoteValue(value, check.program.lang, choice);
}

type EntityKind = "company" | "soleProprietor" | "other" | undefined;

const ENTITY_KINDS = {
  会社: "company",
  個人事業主: "soleProprietor",
  "その他の法人・団体": "other",
} as const;

function checkIdentity(check: Check): EntityKind {
  const { application, facts, program } = check;
  if (normalizeText(application.company_name) === "") {
    report(check, "COMPANY_NAME_REQUIRED", "error", "company_name");
  }
  const entityType = entityTypeOf(application.entity_type);
  const entity: EntityKind = entityType && ENTITY_KINDS[entityType];
  if (entity === undefined) {
    report(check, "ENTITY_TYPE_REQUIRED", "error", "entity_type", {
      value: shown(check, application.entity_type, true),
    });
  }
  const form = nonCompanyForm(application.company_name);
  if (entity === "other") {
    report(check, "ENTITY_NOT_ELIGIBLE", "error", "entity_type", {
      reason:
        program.lang === "ja"
          ? "事業形態が「その他の法人・団体」の"
          : "The type of business is その他の法人・団体 (another kind of body)",
    });
  } else if (form !== undefined) {
    report(check, "ENTITY_NOT_ELIGIBLE", "error", "company_name", {
      reason:
        program.lang === "ja"
          ? `企業名にある「${form}」は会社ではない法人・団体の名称の`
          : `The name carries ${form}, a legal form that is not a company`,
    });
  }
  if (entity !== "company") return entity;

  const corporateNumber = normalizeCode(application.corporate_number);
  if (!CORPORATE_NUMBER_PATTERN.test(corporateNumber)) {
    report(check, "CORPORATE_NUMBER_FORMAT", "error", "corporate_number", {
      value: shown(check, application.corporate_number),
    });
    return entity;
  }
  facts.corporateNumber = corporateNumber;
  if (corporateNumberCheckDigit(corporateNumber) !== corporateNumber.charCodeAt(0) - 48) {
    report(check, "CORPORATE_NUMBER_CHECK_DIGIT", "error", "corporate_number");
  }
  return entity;
}

function checkLocation(check: Check): void {
  const { application } = check;
  const prefecture = normalizeText(application.prefecture);
  if (prefecture !== TOKYO) {
    report(check, "PREFECTURE_NOT_TOKYO", "error", "prefecture", {
      value: shown(check, application.prefecture, true),
    });
  }
  const statedPrefecture = prefecture === "" ? TOKYO : prefecture;
  const prefectureInAddress = addressPrefecture(application.address);
  if (prefectureInAddress !== undefined && prefectureInAddress !== statedPrefecture) {
    report(check, "ADDRESS_PREFECTURE_MISMATCH", "warning", "address", {
      addressPrefecture: shown(check, prefectureInAddress),
      prefecture: shown(check, statedPrefecture),
    });
  }
  const key = nameAddressKey(application.company_name, application.address);
  if (key !== undefined) check.facts.nameAddress = key;
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

/** What happens under the suggested group, when that decides more than the hint. */
function hintConsequence(
  check: Check,
  suggested: IndustryLimit | undefined,
  entity: EntityKind,
  capital: number | undefined,
  employees: number | undefined,
): string {
  if (!suggested || employees === undefined) return "";
  const withinByCapital =
    entity === "company" && capital !== undefined && capital <= suggested.capitalLimitYen;
  if (employees <= suggested.employeeLimit || withinByCapital) return "";
  const limits = sizeLimits(suggested, entity === "soleProprietor", check.program.lang);
  return check.program.lang === "ja"
    ? `${suggested.industry}の場合は中小企業者の範囲（${limits}）を超えます。`
    : `As ${suggested.industry} the business would exceed the SME limits (${limits}). `;
}

/** Industry, employees, capital and the SME size test (中小企業基本法 §2(1), limits inclusive). */
function checkSize(check: Check, entity: EntityKind): void {
  const { application, program } = check;
  const limit = program.industries.get(normalizeText(application.industry));
  if (!limit) {
    report(check, "INDUSTRY_REQUIRED", "error", "industry", {
      value: shown(check, application.industry, true),
    });
  }

  const employees = parseWholeNumber(application.employees);
  if (employees === undefined) {
    report(check, "EMPLOYEES_INVALID", "error", "employees", {
      value: shown(check, application.employees),
    });
  }
  // A sole proprietor has no capital: whatever is in the field is ignored (domain-rules §1.1).
  const capital = entity === "company" ? parseWholeNumber(application.capital_yen) : undefined;
  if (entity === "company" && capital === undefined) {
    // A blank capital only needs asking about when the employee count alone already qualifies.
    const blank = normalizeNumberText(application.capital_yen) === "";
    const qualifiesByEmployees =
      limit !== undefined && employees !== undefined && employees <= limit.employeeLimit;
    report(
      check,
      "CAPITAL_INVALID",
      blank && qualifiesByEmployees ? "warning" : "error",
      "capital_yen",
      {
        value: shown(check, application.capital_yen),
      },
    );
  }

  if (limit) {
    const hints = industryHints(application.business_description);
    if (hints.length > 0 && !hints.some((hint) => hint.industry === limit.industry)) {
      const [hint] = hints;
      const suggested = hint && program.industries.get(hint.industry);
      if (hint) {
        report(check, "INDUSTRY_HINT", "warning", "industry", {
          keyword: hint.keyword,
          suggested: hint.industry,
          industry: limit.industry,
          consequence: hintConsequence(check, suggested, entity, capital, employees),
        });
      }
    }
  }

  // Judged only when the facts decide it; a missing value is reported by its own rule above.
  if (!limit || employees === undefined || employees <= limit.employeeLimit) return;
  const decided = entity === "soleProprietor" || (entity === "company" && capital !== undefined);
  const withinByCapital = capital !== undefined && capital <= limit.capitalLimitYen;
  if (decided && !withinByCapital) {
    report(check, "SME_SIZE_EXCEEDED", "error", "employees", {
      industry: limit.industry,
      limits: sizeLimits(limit, entity === "soleProprietor", program.lang),
    });
  }
}

/** 令和N年度, RN, 20XX年度 or FY20XX naming a year from FY2024 (令和6年度) on, or "this year". */
function namesFiscal2024OrLater(text: string): boolean {
  const normalized = normalizeText(text).normalize("NFKC");
  if (/(今|本)年度/.test(normalized)) return true;
  for (const match of normalized.matchAll(/令和\s*(\d+|元)\s*年/g)) {
    if (match[1] !== "元" && Number(match[1]) >= 6) return true;
  }
  for (const match of normalized.matchAll(/(?:^|[^A-Za-z])R\s*(\d{1,2})(?!\d)/gi)) {
    if (Number(match[1]) >= 6) return true;
  }
  for (const match of normalized.matchAll(/(?:FY\s*)?(20\d\d)(?!\d)/gi)) {
    if (Number(match[1]) >= 2024) return true;
  }
  return false;
}

function checkParticipation(check: Check): void {
  const { application, program, facts } = check;
  const category = normalizeText(application.participation_category);
  if (!CATEGORY_SET.has(category)) {
    report(check, "PARTICIPATION_CATEGORY_REQUIRED", "error", "participation_category");
  }
  const priorProgram = normalizeText(application.prior_program);
  if (category === PARTICIPATION_CATEGORIES[0] && priorProgram === "") {
    report(check, "PRIOR_PROGRAM_REQUIRED", "error", "prior_program");
  }
  const ja = program.lang === "ja";
  if (priorProgram !== "" && namesFiscal2024OrLater(priorProgram)) {
    report(check, "PRIOR_PROGRAM_NOT_BEFORE_FY2024", "warning", "prior_program", {
      reason: ja
        ? `参加した事業（${shown(check, priorProgram)}）が令和6年度以降のものです`
        : `The program taken part in (${shown(check, priorProgram)}) is from FY2024 (令和6年度) or later`,
    });
    return;
  }
  const { corporateNumbers, nameAddresses } = program.roundOne;
  const listed =
    (facts.corporateNumber !== undefined && corporateNumbers.has(facts.corporateNumber)) ||
    (facts.nameAddress !== undefined && nameAddresses.has(facts.nameAddress));
  if (listed) {
    report(check, "PRIOR_PROGRAM_NOT_BEFORE_FY2024", "warning", "participation_category", {
      reason: ja
        ? "今年度の1次募集の参加企業の一覧に載っています"
        : "The business is on the list of this year's round-1 participants",
    });
  }
}

function checkCommitments(check: Check): void {
  const { application, program } = check;
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

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * The receipt instant against the window, compared at the second, both ends inclusive (17:00:00
 * is in time, 17:00:01 is not). The message shows seconds when the receipt is within a minute of the boundary.
 */
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
  const second = (ms: number) => Math.floor(ms / SECOND);
  const early = second(facts.appliedAt) < second(program.opensAt);
  const late = second(facts.appliedAt) > second(program.closesAt);
  if (!early && !late) return;
  const boundary = early ? program.opensAt : program.closesAt;
  // Within a minute of the boundary, hours and minutes alone would not show why.
  const seconds = Math.abs(second(facts.appliedAt) - second(boundary)) * SECOND < MINUTE;
  const params: MessageParams = {
    appliedAt: formatWindowTime(facts.appliedAt, program.lang, seconds),
  };
  params[early ? "opensAt" : "closesAt"] = formatWindowTime(boundary, program.lang, seconds);
  report(
    check,
    early ? "APPLIED_BEFORE_WINDOW" : "APPLIED_AFTER_WINDOW",
    "error",
    "applied_at",
    params,
  );
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
  checkParticipation(check);
  checkCommitments(check);
  checkWindow(check);
  return { violations: check.violations, facts: check.facts };
}
