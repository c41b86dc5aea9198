/**
 * The text `followup audit` prints: what was checked, then every problem grouped by kind, each
 * with the application it concerns and what is wrong, so a secretariat member can open the record
 * and fix it. The checks themselves live in core/workflow (invariants) and core/lottery (chain,
 * bundles); this module only words their findings.
 */
import { type Lang, type Localized, pick } from "../i18n";
import type { BundleVerdict, ChainVerdict } from "../lottery";
import type { InvariantId, InvariantViolation } from "../workflow";
import type { VisitAuditFinding } from "../visits/audit";
import type { DrawMismatch, DrawMismatchId } from "./drawRecords";
import type { LogFinding, LogFindingId } from "./logFindings";

export interface AuditFindings {
  counts: { applications: number; questionnaires: number; logEntries: number };
  violations: readonly InvariantViolation[];
  /** Applications whose lottery values differ from the latest completed draw in the log. */
  drawMismatches: readonly DrawMismatch[];
  /** Booked visits that break the visit rules (core/visits). */
  visitProblems: readonly VisitAuditFinding[];
  chain: ChainVerdict;
  /** Each completed draw's verification bundle, recomputed. */
  bundles: ReadonlyArray<{ runId: string; verdict: BundleVerdict }>;
  /** What the log implies beyond its chain: unfinished draws, a kept head, places, promotion order. */
  logFindings: readonly LogFinding[];
  /** The log's newest entry_hash: the head to keep outside kintone. */
  chainHead?: string;
}

type FindingId = InvariantId | DrawMismatchId | VisitAuditFinding["invariant"];

const LOG_TITLES: Record<LogFindingId, Localized> = {
  DRAW_NOT_COMPLETED: { ja: "完了していない抽選", en: "Draw not completed" },
  HEAD_NOT_IN_LOG: {
    ja: "控えたチェーンの先頭が抽選記録にない",
    en: "Kept chain head not in the log",
  },
  PLACES_OVER_QUOTA: { ja: "当選枠を超える当選・参加", en: "More places held than the quota" },
  PROMOTIONS_OUT_OF_ORDER: {
    ja: "補欠順位の順でない繰り上げの記録",
    en: "Logged promotions out of waitlist order",
  },
  PROMOTED_NOT_WAITLISTED: {
    ja: "抽選の補欠でない申込の繰り上げ記録",
    en: "Logged promotion of an application the draw did not waitlist",
  },
};

const TITLES: Record<FindingId, Localized> = {
  PROMOTION_NOT_LOGGED: {
    ja: "繰り上げの記録がない当選・参加",
    en: "Promoted without a logged promotion",
  },
  VISIT_BOOKING_INVALID: {
    ja: "訪問予定が訪問の条件に合わない",
    en: "Visit booking breaks the visit rules",
  },
  DRAWN_RECORD_MISSING: { ja: "抽選した申込が見つからない", en: "Drawn application missing" },
  DRAW_VALUES_CHANGED: {
    ja: "抽選結果・順位が抽選記録と違う",
    en: "Lottery values differ from the log",
  },
  RESULT_NOT_FROM_DRAW: {
    ja: "抽選していないのに抽選結果がある",
    en: "Lottery result without being drawn",
  },
  UNKNOWN_STATUS: { ja: "設定にないステータス", en: "Status not in the settings" },
  WINNER_WITHOUT_RANK: {
    ja: "当選の流れにあるのに当選順位がない",
    en: "On the winner path without a winning rank",
  },
  WAITLIST_WITHOUT_NUMBER: { ja: "補欠なのに補欠順位がない", en: "Waitlisted without a number" },
  INELIGIBLE_NOT_SCREENED_OUT: {
    ja: "対象外なのに審査結果が対象外でない",
    en: "対象外 without an ineligible screening",
  },
  INELIGIBLE_IN_PROGRAM: {
    ja: "適格でない申込が抽選後の状態にある",
    en: "Not 適格 but drawn",
  },
  CONFIRMED_WITHOUT_INTENT: {
    ja: "参加確定なのに参加意思が「参加する」でない",
    en: "Confirmed without 参加する",
  },
  DECLINED_WITHOUT_INTENT: {
    ja: "辞退なのに参加意思が「辞退する」でない",
    en: "Declined without 辞退する",
  },
  ANSWERED_WITHOUT_QUESTIONNAIRE: {
    ja: "質問票回答済なのに質問票がない",
    en: "Questionnaire done without a questionnaire",
  },
  VISITED_WITHOUT_RECORD: {
    ja: "訪問済なのに訪問日か訪問専門家がない",
    en: "Visited without visit date or expert",
  },
  DRAWN_BUT_NOT_MOVED: {
    ja: "抽選結果があるのに申込受付のまま",
    en: "Drawn but still in 申込受付",
  },
  NOT_FROM_COMPLETED_DRAW: {
    ja: "完了した抽選によらない当選・補欠",
    en: "Winner or waitlist not from a completed draw",
  },
  WAITLIST_DUPLICATE: { ja: "補欠順位の重複", en: "Duplicate waitlist number" },
  WAITLIST_SKIPPED: { ja: "補欠順位の順でない繰り上げ", en: "Promotion out of waitlist order" },
};

export function auditPassed(findings: AuditFindings): boolean {
  return (
    findings.violations.length === 0 &&
    findings.drawMismatches.length === 0 &&
    findings.visitProblems.length === 0 &&
    findings.chain.ok &&
    findings.bundles.every((bundle) => bundle.verdict.ok) &&
    findings.logFindings.length === 0
  );
}

export function problemCount(findings: AuditFindings): number {
  return (
    findings.violations.length +
    findings.drawMismatches.length +
    findings.visitProblems.length +
    (findings.chain.ok ? 0 : 1) +
    findings.bundles.filter((bundle) => !bundle.verdict.ok).length +
    findings.logFindings.length
  );
}

interface RecordFinding {
  id: FindingId;
  recordId: string;
  applicationNo: string;
  status: string;
  message: Localized;
}

function recordFindings(findings: AuditFindings): RecordFinding[] {
  return [
    ...findings.violations.map((v) => ({ ...v, id: v.invariant })),
    ...findings.drawMismatches.map((m) => ({ ...m, id: m.kind })),
    ...findings.visitProblems.map((v) => ({ ...v, id: v.invariant })),
  ];
}

function groupById(items: readonly RecordFinding[]): Map<RecordFinding["id"], RecordFinding[]> {
  const groups = new Map<RecordFinding["id"], RecordFinding[]>();
  for (const item of items) groups.set(item.id, [...(groups.get(item.id) ?? []), item]);
  return groups;
}

function applicationLine(finding: RecordFinding, lang: Lang): string {
  const who = pick(lang, {
    ja: `受付番号 ${finding.applicationNo || "-"}（レコードID ${finding.recordId}・${finding.status || "状態なし"}）`,
    en: `application ${finding.applicationNo || "-"} (record ${finding.recordId}, ${finding.status || "no status"})`,
  });
  return `  - ${who}: ${pick(lang, finding.message)}`;
}

function chainLines(findings: AuditFindings, lang: Lang): string[] {
  const { chain } = findings;
  if (chain.ok) {
    return [
      pick(lang, {
        ja: `抽選記録のハッシュチェーン: 正常（${findings.counts.logEntries} 件）`,
        en: `Lottery log hash chain: intact (${findings.counts.logEntries} entries)`,
      }),
    ];
  }
  return [
    pick(lang, {
      ja: `■ 抽選記録のハッシュチェーンが壊れています（通番 ${chain.sequence}）`,
      en: `■ The lottery log's hash chain is broken (sequence ${chain.sequence})`,
    }),
    `  - ${chain.problem}`,
    pick(lang, {
      ja: "    抽選記録が書き換えられたか削除された可能性があります。記録アプリの変更履歴を確認してください。",
      en: "    A log entry may have been edited or deleted; check the log app's change history.",
    }),
  ];
}

function bundleLines(findings: AuditFindings, lang: Lang): string[] {
  return findings.bundles.map(({ runId, verdict }) =>
    verdict.ok
      ? pick(lang, {
          ja: `抽選 ${runId} の検証データ: 再計算で一致`,
          en: `Draw ${runId} bundle: recomputes to the same ranking`,
        })
      : pick(lang, {
          ja: `■ 抽選 ${runId} の検証データが再計算と一致しません: ${verdict.difference}`,
          en: `■ Draw ${runId} bundle does not recompute: ${verdict.difference}`,
        }),
  );
}

/** A readable report; the last line says whether anything needs fixing. */
export function formatAuditReport(findings: AuditFindings, lang: Lang): string {
  const { counts } = findings;
  const lines = [
    pick(lang, {
      ja: `監査対象: 申込 ${counts.applications} 件・質問票 ${counts.questionnaires} 件・抽選記録 ${counts.logEntries} 件`,
      en: `Checked: ${counts.applications} applications, ${counts.questionnaires} questionnaires, ${counts.logEntries} lottery log entries`,
    }),
    "",
  ];
  const byRecord = recordFindings(findings);
  for (const [id, group] of groupById(byRecord)) {
    lines.push(`■ ${pick(lang, TITLES[id])} (${id}): ${group.length}`);
    lines.push(...group.map((finding) => applicationLine(finding, lang)));
    lines.push("");
  }
  if (byRecord.length === 0) {
    lines.push(
      pick(lang, {
        ja: "申込の状態と項目: 不整合なし",
        en: "Application states and fields: consistent",
      }),
    );
  }
  for (const finding of findings.logFindings) {
    lines.push(`■ ${pick(lang, LOG_TITLES[finding.id])} (${finding.id})`);
    lines.push(`  - ${pick(lang, finding.message)}`, "");
  }
  lines.push(...chainLines(findings, lang), ...bundleLines(findings, lang));
  if (findings.chainHead) {
    lines.push(
      pick(lang, {
        ja: `抽選記録のチェーンの先頭: ${findings.chainHead}`,
        en: `Lottery log chain head: ${findings.chainHead}`,
      }),
    );
  }
  lines.push("");
  const problems = problemCount(findings);
  lines.push(
    problems === 0
      ? pick(lang, { ja: "結果: 問題はありません。", en: "Result: no problems found." })
      : pick(lang, {
          ja: `結果: 問題が ${problems} 件あります。該当する申込を開いて修正し、もう一度 followup audit を実行してください。`,
          en: `Result: ${problems} problem(s). Open the applications above, fix them, and run followup audit again.`,
        }),
  );
  return lines.join("\n") + "\n";
}

/** One line per kind of problem found (title, id and count), for summaries such as the evidence README. */
export function problemTitles(findings: AuditFindings, lang: Lang): string[] {
  const lines = [...groupById(recordFindings(findings))].map(
    ([id, group]) => `${pick(lang, TITLES[id])} (${id}): ${group.length}`,
  );
  for (const finding of findings.logFindings) {
    lines.push(`${pick(lang, LOG_TITLES[finding.id])} (${finding.id})`);
  }
  if (!findings.chain.ok) {
    lines.push(pick(lang, { ja: "抽選記録のハッシュチェーンの破損", en: "Broken hash chain" }));
  }
  for (const { runId, verdict } of findings.bundles) {
    if (!verdict.ok) {
      lines.push(
        pick(lang, { ja: `抽選 ${runId} の検証データの不一致`, en: `Draw ${runId} bundle` }),
      );
    }
  }
  return lines;
}
