/**
 * The program's settings (thresholds, application window, quota, message overrides), shared by the
 * plugin config page, the record screens and the CLI. Written with `zod/mini` so the browser bundles stay small.
 * Stored as a versioned document: `parseProgramSettings` migrates older versions and fills defaults (spec §1).
 */
import * as z from "zod/mini";
import { RULE_IDS } from "../eligibility/types";
import { INDUSTRIES } from "../vocabulary";

export const PROGRAM_SETTINGS_VERSION = 1;

/** 中小企業基本法 §2(1) limits per industry group (inclusive), spec §1. */
const BASIC_INDUSTRY_LIMITS: Record<(typeof INDUSTRIES)[number], [number, number]> = {
  "製造業・建設業・運輸業・その他": [300_000_000, 300],
  卸売業: [100_000_000, 100],
  サービス業: [50_000_000, 100],
  小売業: [50_000_000, 50],
};

/** Industries the 政令 adds (domain-rules §1.4); a program enables them only if its 募集要項 lists them. */
const ORDINANCE_INDUSTRY_LIMITS: Array<[string, number, number]> = [
  ["ゴム製品製造業", 300_000_000, 900],
  ["ソフトウェア業・情報処理サービス業", 300_000_000, 300],
  ["旅館業", 50_000_000, 200],
];

const wholeNumber = z.int().check(z.nonnegative());

const industryLimitSchema = z.object({
  /** The option label of the industry field. */
  industry: z.string().check(z.trim(), z.minLength(1)),
  capitalLimitYen: wholeNumber,
  employeeLimit: wholeNumber,
  /** Off: applicants choosing this industry are asked to choose another. */
  enabled: z._default(z.boolean(), true),
  /** True for the 政令 rows (shown apart on the config page). */
  ordinance: z._default(z.boolean(), false),
});
export type IndustryLimit = z.output<typeof industryLimitSchema>;

function defaultIndustryLimits(): IndustryLimit[] {
  return [
    ...INDUSTRIES.map((industry) => {
      const [capitalLimitYen, employeeLimit] = BASIC_INDUSTRY_LIMITS[industry];
      return { industry, capitalLimitYen, employeeLimit, enabled: true, ordinance: false };
    }),
    ...ORDINANCE_INDUSTRY_LIMITS.map(([industry, capitalLimitYen, employeeLimit]) => ({
      industry,
      capitalLimitYen,
      employeeLimit,
      enabled: false,
      ordinance: true,
    })),
  ];
}

/** An instant with an explicit offset, so it means the same moment on every machine. */
const instant = z.iso.datetime({ offset: true });

const windowSchema = z
  .object({
    /** First instant an application is accepted (inclusive). */
    opensAt: instant,
    /** Last instant an application is accepted (inclusive: 17:00:00 JST is still in time). */
    closesAt: instant,
  })
  .check(
    z.refine((window) => Date.parse(window.opensAt) < Date.parse(window.closesAt), {
      message: "opensAt must be before closesAt",
      path: ["closesAt"],
    }),
  );
export type ApplicationWindow = z.output<typeof windowSchema>;

const DEFAULT_WINDOW: ApplicationWindow = {
  opensAt: "2024-07-12T00:00:00+09:00",
  closesAt: "2024-08-09T17:00:00+09:00",
};

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM"));
/** `MM-DD` closes that day every year; `YYYY-MM-DD` closes one date. */
const closureDay = z
  .string()
  .check(z.regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "closure day MM-DD"));

/** Expert visits (spec §1: weekday, not 祝日 nor the year-end closure, 1–2 hours, within office hours). */
const visitsSchema = z
  .object({
    /** Secretariat hours a visit must lie within (Japan time). */
    opensAt: z._default(clockTime, "09:00"),
    closesAt: z._default(clockTime, "17:00"),
    minMinutes: z._default(z.int().check(z.positive()), 60),
    maxMinutes: z._default(z.int().check(z.positive()), 120),
    closureDays: z._default(z.array(closureDay), () => [...DEFAULT_CLOSURE_DAYS]),
  })
  .check(
    z.refine((v) => v.opensAt < v.closesAt, { message: "visit hours", path: ["closesAt"] }),
    z.refine((v) => v.minMinutes <= v.maxMinutes, {
      message: "visit minutes",
      path: ["maxMinutes"],
    }),
  );
export type VisitSettings = z.output<typeof visitsSchema>;

/** 行政機関の休日: 12/29–1/3 (domain-rules §3). */
const DEFAULT_CLOSURE_DAYS = ["12-29", "12-30", "12-31", "01-01", "01-02", "01-03"];

function defaultVisitSettings(): VisitSettings {
  return {
    opensAt: "09:00",
    closesAt: "17:00",
    minMinutes: 60,
    maxMinutes: 120,
    closureDays: [...DEFAULT_CLOSURE_DAYS],
  };
}

/** Replies the secretariat waits for after the draw. */
const repliesSchema = z.object({
  /** Last instant for the participation-intent reply; after it, winners without a reply are listed. */
  intentDeadline: z._default(z.nullable(instant), null),
  /** A questionnaire not answered this many days after 参加確定 is listed as overdue. */
  questionnaireDays: z._default(z.int().check(z.positive()), 14),
});
export type ReplySettings = z.output<typeof repliesSchema>;

/** A message template replacing the built-in one; `{placeholders}` as in the built-in messages. */
const messageOverrideSchema = z.object({
  ja: z.optional(z.string()),
  en: z.optional(z.string()),
});
export type MessageOverride = z.output<typeof messageOverrideSchema>;

/** One of this year's round-1 participants: by 法人番号, or by name and address (spec v2 §4). */
const participantSchema = z.object({
  corporateNumber: z._default(z.string().check(z.maxLength(64)), ""),
  name: z._default(z.string().check(z.maxLength(200)), ""),
  address: z._default(z.string().check(z.maxLength(300)), ""),
});
export type KnownParticipant = z.output<typeof participantSchema>;

export const programSettingsSchema = z.object({
  version: z.literal(PROGRAM_SETTINGS_VERSION),
  // Refinement inside the default, so each parse gets fresh default rows (see pluginConfig states).
  industries: z._default(
    z
      .array(industryLimitSchema)
      .check(
        z.refine(
          (rows) => new Set(rows.map((row) => row.industry)).size === rows.length,
          "each industry may appear only once",
        ),
      ),
    defaultIndustryLimits,
  ),
  window: z._default(windowSchema, () => ({ ...DEFAULT_WINDOW })),
  /** Number of winners of the lottery (spec §1: about 50 companies). */
  quota: z._default(z.int().check(z.positive()), 50),
  messages: z._default(z.partialRecord(z.enum(RULE_IDS), messageOverrideSchema), () => ({})),
  /** This year's round-1 participants (optional): PRIOR_PROGRAM_NOT_BEFORE_FY2024 flags them. */
  roundOneParticipants: z._default(z.array(participantSchema).check(z.maxLength(2000)), () => []),
  visits: z._default(visitsSchema, defaultVisitSettings),
  replies: z._default(repliesSchema, () => ({ intentDeadline: null, questionnaireDays: 14 })),
});
export type ProgramSettings = z.output<typeof programSettingsSchema>;

export function defaultProgramSettings(): ProgramSettings {
  return {
    version: PROGRAM_SETTINGS_VERSION,
    industries: defaultIndustryLimits(),
    window: { ...DEFAULT_WINDOW },
    quota: 50,
    messages: {},
    roundOneParticipants: [],
    visits: defaultVisitSettings(),
    replies: { intentDeadline: null, questionnaireDays: 14 },
  };
}

export class ProgramSettingsError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid program settings: ${issues.join("; ")}`);
    this.name = "ProgramSettingsError";
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Brings a stored settings document to the current version. Documents saved before versioning
 * (no `version`) have the current shape; a newer version than this code knows is refused, since
 * guessing could misjudge applications.
 */
export function migrateProgramSettings(stored: unknown): unknown {
  if (!isPlainObject(stored)) return stored;
  const version = stored.version ?? PROGRAM_SETTINGS_VERSION;
  if (typeof version === "number" && version > PROGRAM_SETTINGS_VERSION) {
    throw new ProgramSettingsError([
      `version ${version} is newer than this program supports (${PROGRAM_SETTINGS_VERSION}); update the plugin`,
    ]);
  }
  return { ...stored, version };
}

export type ProgramSettingsParse =
  { success: true; settings: ProgramSettings } | { success: false; issues: string[] };

/** Like parseProgramSettings, but returns the problems instead of throwing (for the config page and record screens). */
export function safeParseProgramSettings(stored: unknown): ProgramSettingsParse {
  let migrated: unknown;
  try {
    migrated = migrateProgramSettings(stored ?? {});
  } catch (error) {
    if (error instanceof ProgramSettingsError) return { success: false, issues: error.issues };
    throw error;
  }
  const result = programSettingsSchema.safeParse(migrated);
  if (result.success) return { success: true, settings: result.data };
  return {
    success: false,
    issues: result.error.issues.map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    ),
  };
}

/** Migrates, fills defaults and validates stored settings (`undefined` gives the defaults). Throws ProgramSettingsError. */
export function parseProgramSettings(stored: unknown): ProgramSettings {
  const result = safeParseProgramSettings(stored);
  if (!result.success) throw new ProgramSettingsError(result.issues);
  return result.settings;
}
