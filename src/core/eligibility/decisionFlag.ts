/**
 * The line screening puts first in the notes when a person's decision was made on data that has
 * changed since (spec v2 §4: the decision is flagged for review). The draw reads it to keep such a
 * decision out of the pool until a person looks again, without screening every record again.
 */
export const FLAG_LINE = {
  ja: "【要確認】事務局の判断の後に申込内容が変わりました。判断を見直してください。",
  en: "[check] The application changed after the secretariat's decision. Please review the decision.",
};

/**
 * Whether the stored notes say a person's decision was made on data that has changed since (the
 * draw can keep such a decision out without screening again).
 */
export function decisionFlagged(notes: string): boolean {
  return Object.values(FLAG_LINE).some((line) => notes.startsWith(line));
}
