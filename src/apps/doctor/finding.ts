/**
 * `followup doctor` reports one finding per line: what was checked, whether it is ok, a problem, or
 * could not be checked, and what to do about it.
 */
import { type Lang, type Localized, pick } from "../../core/i18n";

export type FindingLevel = "ok" | "problem" | "cannot";

export interface Finding {
  level: FindingLevel;
  /** What was checked, e.g. "申込管理 (app 12): process management". */
  subject: Localized;
  /** What was found. */
  detail: Localized;
  /** What to do (problems and unchecked items). */
  fix?: Localized;
}

const LEVEL_TEXT: Record<FindingLevel, Localized> = {
  ok: { ja: "OK", en: "ok" },
  problem: { ja: "問題", en: "problem" },
  cannot: { ja: "確認できません", en: "cannot check" },
};

export function ok(subject: Localized, detail: Localized): Finding {
  return { level: "ok", subject, detail };
}

export function problem(subject: Localized, detail: Localized, fix: Localized): Finding {
  return { level: "problem", subject, detail, fix };
}

export function cannotCheck(subject: Localized, detail: Localized, fix: Localized): Finding {
  return { level: "cannot", subject, detail, fix };
}

/** One line: `[問題] 申込管理（アプリ 12）のフィールド: … → 対処: …`. */
export function formatFinding(finding: Finding, lang: Lang): string {
  const head = `[${pick(lang, LEVEL_TEXT[finding.level])}] ${pick(lang, finding.subject)}: ${pick(lang, finding.detail)}`;
  if (!finding.fix) return head;
  return `${head} → ${pick(lang, { ja: "対処", en: "to do" })}: ${pick(lang, finding.fix)}`;
}

/** Exit code of the command: 1 when any finding is a problem. */
export function exitCodeOf(findings: readonly Finding[]): number {
  return findings.some((finding) => finding.level === "problem") ? 1 : 0;
}
