/**
 * Rules across a set of applications (spec §4): DUPLICATE_CORPORATE_NUMBER keeps the earliest
 * application of a 法人 (earliest applied_at, then lowest record id) and rejects the others;
 * POSSIBLE_DUPLICATE flags applications sharing a phone number or e-mail address for review.
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

function groupBy(
  entries: readonly BatchEntry[],
  key: (facts: ApplicationFacts) => string | undefined,
) {
  const groups = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const value = key(entry.facts);
    if (value === undefined) return;
    const group = groups.get(value);
    if (group) group.push(index);
    else groups.set(value, [index]);
  });
  return groups;
}

/** Violations of the batch rules, per entry (same order as `entries`). */
export function checkBatch(
  entries: readonly BatchEntry[],
  program: ScreeningProgram,
): Violation[][] {
  const { lang, settings } = program;
  const found: Violation[][] = entries.map(() => []);
  const message = (rule: Violation["rule"], params: Record<string, string>) =>
    ruleMessage(rule, lang, { ...program.baseParams, ...params }, settings.messages);

  for (const group of groupBy(entries, (facts) => facts.corporateNumber).values()) {
    if (group.length < 2) continue;
    const [kept, ...others] = [...group].sort(keptFirst(entries));
    for (const index of others) {
      found[index]?.push({
        rule: "DUPLICATE_CORPORATE_NUMBER",
        severity: "error",
        field: "corporate_number",
        message: message("DUPLICATE_CORPORATE_NUMBER", {
          kept: reference(entries, kept ?? index, lang),
        }),
      });
    }
  }

  // Applications of the same 法人 are already handled above, so they are not flagged again here.
  const identity = (index: number) => entries[index]?.facts.corporateNumber ?? `#${index}`;
  const contactRules: Array<
    [ApplicationField, (facts: ApplicationFacts) => string | undefined, string, string]
  > = [
    ["contact_phone", (facts) => facts.phone, "電話番号が同じ", "same phone number"],
    ["contact_email", (facts) => facts.email, "メールアドレスが同じ", "same e-mail address"],
  ];
  for (const [field, key, labelJa, labelEn] of contactRules) {
    for (const group of groupBy(entries, key).values()) {
      if (group.length < 2) continue;
      const identities = new Map<string, number>();
      for (const index of group)
        identities.set(identity(index), (identities.get(identity(index)) ?? 0) + 1);
      for (const index of group) {
        const others = group.length - (identities.get(identity(index)) ?? 0);
        if (others === 0) continue;
        const listed: string[] = [];
        for (const other of group) {
          if (listed.length === MAX_LISTED) break;
          if (identity(other) !== identity(index)) listed.push(reference(entries, other, lang));
        }
        const more = others - listed.length;
        const rest = more > 0 ? (lang === "ja" ? `ほか${more}件` : `and ${more} more`) : "";
        const separator = lang === "ja" ? "、" : ", ";
        const matches = `${lang === "ja" ? labelJa : labelEn}${lang === "ja" ? "：" : ": "}${[...listed, rest].filter(Boolean).join(separator)}`;
        found[index]?.push({
          rule: "POSSIBLE_DUPLICATE",
          severity: "warning",
          field,
          message: message("POSSIBLE_DUPLICATE", { matches }),
        });
      }
    }
  }
  return found;
}
