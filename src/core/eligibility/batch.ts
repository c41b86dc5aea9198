/**
 * Rules across a set of applications (spec v2 §4), among **live** applications only (not 対象外, not
 * 辞退): DUPLICATE_CORPORATE_NUMBER keeps the earliest live application of a 会社 (earliest receipt,
 * then lowest record id) and rejects the others, so a corrected re-application replaces an excluded
 * one; POSSIBLE_DUPLICATE flags applications sharing a phone number, an e-mail address, or a
 * normalized name + address (how a sole proprietor without a 法人番号 shows up twice).
 */
import type { Lang } from "../i18n";
import type { ApplicationField } from "../vocabulary";
import { ruleMessage } from "./messages";
import type { ApplicationFacts, ScreeningProgram } from "./rules";
import type { Violation } from "./types";

export interface BatchEntry {
  /** Record id (`$id`), when the application has one. */
  id?: string;
  facts: ApplicationFacts;
  /** False for an application already out (対象外, 辞退): it neither is nor causes a duplicate. Default true. */
  live?: boolean;
}

/** Listed in a message at most; the rest are counted. */
const MAX_LISTED = 5;

function reference(entries: readonly BatchEntry[], index: number, lang: Lang): string {
  const id = entries[index]?.id;
  if (lang === "en") return id === undefined ? `entry ${index + 1}` : `record ${id}`;
  return id === undefined ? `${index + 1}件目` : `レコード番号${id}`;
}

function recordIdOrder(id: string | undefined): number {
  const numeric = id === undefined ? Number.NaN : Number(id);
  return Number.isFinite(numeric) ? numeric : Number.POSITIVE_INFINITY;
}

/** Earliest receipt first, then lowest record id, then input order; an unreadable receipt time goes last. */
function keptFirst(entries: readonly BatchEntry[]) {
  const time = (index: number) => {
    const appliedAt = entries[index]?.facts.appliedAt ?? Number.NaN;
    return Number.isNaN(appliedAt) ? Number.POSITIVE_INFINITY : appliedAt;
  };
  return (a: number, b: number) =>
    time(a) - time(b) || recordIdOrder(entries[a]?.id) - recordIdOrder(entries[b]?.id) || a - b;
}

/** Indices of the entries sharing a key, for keys shared by two or more (singletons cost no array). */
function sharedGroups(
  entries: readonly BatchEntry[],
  key: (facts: ApplicationFacts) => string | undefined,
): number[][] {
  const seen = new Map<string, number | number[]>();
  const shared: number[][] = [];
  entries.forEach((entry, index) => {
    if (entry.live === false) return;
    const value = key(entry.facts);
    if (value === undefined) return;
    const previous = seen.get(value);
    if (previous === undefined) seen.set(value, index);
    else if (typeof previous === "number") {
      const group = [previous, index];
      seen.set(value, group);
      shared.push(group);
    } else previous.push(index);
  });
  return shared;
}

/** `basis`: the other records the finding rests on (see EligibilityResult.basis). */
type Report = (index: number, violation: Violation, basis: string[]) => void;

function checkDuplicateCorporateNumbers(
  entries: readonly BatchEntry[],
  program: ScreeningProgram,
  report: Report,
): void {
  for (const group of sharedGroups(entries, (facts) => facts.corporateNumber)) {
    const [kept = 0, ...others] = [...group].sort(keptFirst(entries));
    const message = ruleMessage(
      "DUPLICATE_CORPORATE_NUMBER",
      program.lang,
      { ...program.baseParams, kept: reference(entries, kept, program.lang) },
      program.settings.messages,
    );
    for (const index of others) {
      report(
        index,
        {
          rule: "DUPLICATE_CORPORATE_NUMBER",
          severity: "error",
          field: "corporate_number",
          message,
        },
        [`kept:${entries[kept]?.id ?? `#${kept}`}`],
      );
    }
  }
}

interface ContactKey {
  field: ApplicationField;
  key: (facts: ApplicationFacts) => string | undefined;
  label: { ja: string; en: string };
}

const CONTACT_KEYS: ContactKey[] = [
  {
    field: "contact_phone",
    key: (facts) => facts.phone,
    label: { ja: "電話番号が同じ：", en: "same phone number: " },
  },
  {
    field: "contact_email",
    key: (facts) => facts.email,
    label: { ja: "メールアドレスが同じ：", en: "same e-mail address: " },
  },
  {
    field: "company_name",
    key: (facts) => facts.nameAddress,
    label: { ja: "企業名・屋号と所在地が同じ：", en: "same name and address: " },
  },
];

/** The other applications of a group that are not the same 法人 as `index`, as a message lists them. */
function describeMatches(
  entries: readonly BatchEntry[],
  group: readonly number[],
  index: number,
  identity: (index: number) => string,
  otherCount: number,
  lang: Lang,
): string {
  const listed: string[] = [];
  for (const other of group) {
    if (listed.length === MAX_LISTED) break;
    if (identity(other) !== identity(index)) listed.push(reference(entries, other, lang));
  }
  const more = otherCount - listed.length;
  if (more > 0) listed.push(lang === "ja" ? `ほか${more}件` : `and ${more} more`);
  return listed.join(lang === "ja" ? "、" : ", ");
}

function checkSharedContacts(
  entries: readonly BatchEntry[],
  program: ScreeningProgram,
  report: Report,
): void {
  // Applications of the same 法人 are handled by DUPLICATE_CORPORATE_NUMBER, so they are not flagged again.
  const identity = (index: number) => entries[index]?.facts.corporateNumber ?? `#${index}`;
  for (const { field, key, label } of CONTACT_KEYS) {
    for (const unordered of sharedGroups(entries, key)) {
      // Listed earliest first, so the message does not depend on the order of the input.
      const group = unordered.sort(keptFirst(entries));
      const sameIdentity = new Map<string, number>();
      for (const index of group) {
        sameIdentity.set(identity(index), (sameIdentity.get(identity(index)) ?? 0) + 1);
      }
      for (const index of group) {
        const otherCount = group.length - (sameIdentity.get(identity(index)) ?? 0);
        if (otherCount === 0) continue;
        const matches =
          label[program.lang] +
          describeMatches(entries, group, index, identity, otherCount, program.lang);
        const params = { ...program.baseParams, matches };
        report(
          index,
          {
            rule: "POSSIBLE_DUPLICATE",
            severity: "warning",
            field,
            message: ruleMessage(
              "POSSIBLE_DUPLICATE",
              program.lang,
              params,
              program.settings.messages,
            ),
          },
          group
            .filter((other) => identity(other) !== identity(index))
            .map((other) => `${field}:${entries[other]?.id ?? `#${other}`}`),
        );
      }
    }
  }
}

export interface BatchFindings {
  violations: Violation[];
  basis: string[];
}

/** Violations of the batch rules by entry index; entries without any are absent. */
export function checkBatch(
  entries: readonly BatchEntry[],
  program: ScreeningProgram,
): Map<number, BatchFindings> {
  const found = new Map<number, BatchFindings>();
  const report: Report = (index, violation, basis) => {
    const findings = found.get(index);
    if (findings) {
      findings.violations.push(violation);
      findings.basis.push(...basis);
    } else found.set(index, { violations: [violation], basis: [...basis] });
  };
  checkDuplicateCorporateNumbers(entries, program, report);
  checkSharedContacts(entries, program, report);
  return found;
}
