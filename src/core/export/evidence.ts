/**
 * The evidence folder an auditor asks for after a draw (lottery-anchors §1.11 ⑦): the settings in
 * force, the pool with every exclusion and its reason, the seed, the ranking with each score, the
 * verification bundle, every later promotion and cancellation from the log, and a README in
 * Japanese that shows how to recompute the draw without trusting this program.
 * Pure: it turns what was read from kintone into file names and contents.
 */
import { fieldText, type KintoneRecordLike } from "../application";
import {
  commitmentBefore,
  type BundleVerdict,
  type ChainedEntry,
  type ChainVerdict,
  type LotteryBundle,
  scoreKeys,
} from "../lottery";
import { ELIGIBILITY_LABELS, LOTTERY_LOG_KINDS, STATES } from "../vocabulary";
import { recordIdOf, statusOf } from "../workflow";
import { toCsv } from "./csv";
import { evidenceReadme } from "./evidenceReadme";
import { type AuditFindings, problemCount } from "../audit/report";
import { japanTimeWithOffset, japanWallClock } from "../settings/japanWallClock";

/** An instant in Japan time as ISO 8601 with its offset (2026-08-09T17:00:00+09:00). */
function japanIso(instant: string): string {
  const wall = japanWallClock(instant);
  if (wall === "") return instant;
  return `${wall.length === 16 ? `${wall}:00` : wall}+09:00`;
}

/** A lottery log entry as the evidence shows it: the hashed content plus who wrote it and when. */
export interface EvidenceLogEntry extends ChainedEntry {
  state: string;
  createdAt: string;
  createdBy: string;
}

export interface EvidenceInput {
  /** The completed draw the evidence is about, and its verification bundle. */
  draw: EvidenceLogEntry;
  bundle: LotteryBundle;
  bundleVerdict: BundleVerdict;
  /** Every entry of the lottery log, and whether its hash chain holds. */
  log: readonly EvidenceLogEntry[];
  chain: ChainVerdict;
  /** Every application record (all fields the evidence names), as read now. */
  applications: readonly KintoneRecordLike[];
  /** The program settings in force (thresholds, window, quota), when they could be read. */
  programSettings: unknown;
  /** What followup audit finds now: the README's summary says the same. */
  audit: AuditFindings;
  exportedAt: string;
}

export { bundleOfDrawEntry } from "../lottery/notice";

export interface EvidenceFile {
  name: string;
  content: string;
}

export const EVIDENCE_FILES = {
  readme: "README.md",
  settings: "settings.json",
  pool: "pool.csv",
  poolKeys: "pool.txt",
  seed: "seed.txt",
  ranking: "ranking.csv",
  bundle: "bundle.json",
  events: "events.csv",
  log: "lottery-log.json",
} as const;

/** Why an application is not in the draw's pool, in words an auditor can check against the record. */
export function exclusionReason(record: KintoneRecordLike): string {
  const eligibility = fieldText(record, "eligibility");
  const notes = fieldText(record, "eligibility_notes").trim().split(/\r?\n/).filter(Boolean);
  if (eligibility === ELIGIBILITY_LABELS.ineligible) {
    return [`審査結果「対象外」`, ...notes].join(" / ");
  }
  if (eligibility !== ELIGIBILITY_LABELS.eligible) {
    return [
      `審査結果「${eligibility || ELIGIBILITY_LABELS.unscreened}」（適格でない）`,
      ...notes,
    ].join(" / ");
  }
  const status = statusOf(record);
  if (status === STATES.declined) return "抽選前に辞退";
  return `抽選時に母集団外（抽選後の受付、または抽選時に「${STATES.applied}」でなかった。現在の状態「${status}」）`;
}

function poolCsv(input: EvidenceInput): string {
  const inPool = new Set(input.bundle.pool);
  const rows = input.applications.map((record) => {
    const id = recordIdOf(record);
    const drawn = inPool.has(id);
    return [
      id,
      fieldText(record, "application_no"),
      fieldText(record, "company_name"),
      fieldText(record, "eligibility"),
      statusOf(record),
      drawn ? "対象" : "除外",
      drawn ? "" : exclusionReason(record),
    ];
  });
  const known = new Set(rows.map((row) => row[0]));
  for (const key of input.bundle.pool) {
    if (!known.has(key)) {
      rows.push([key, "", "", "", "", "対象", "抽選後にレコードが削除されています"]);
    }
  }
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  return toCsv(
    ["レコードID", "受付番号", "企業名", "審査結果", "現在の状態", "抽選", "除外理由"],
    rows,
  );
}

async function rankingCsv(input: EvidenceInput): Promise<string> {
  const scores = await scoreKeys(input.bundle.seed, input.bundle.pool);
  const byId = new Map(input.applications.map((record) => [recordIdOf(record), record]));
  const rows = input.bundle.ranking.map((entry) => [
    String(entry.rank),
    entry.key,
    fieldText(byId.get(entry.key), "application_no"),
    entry.result,
    entry.waitlist_no === null ? "" : String(entry.waitlist_no),
    scores.get(entry.key) ?? "",
  ]);
  return toCsv(["順位", "レコードID", "受付番号", "結果", "補欠順位", "スコア(HMAC-SHA256)"], rows);
}

/** What a 予告, promotion or 取消 entry records, from its ranking field; ranks from the draw. */
function eventSummary(entry: EvidenceLogEntry, bundle: LotteryBundle): string {
  const drawnRank = new Map(bundle.ranking.map((ranked) => [ranked.key, ranked.rank]));
  const rankOf = (key: string, logged: unknown) =>
    typeof logged === "number" && logged > 0 ? logged : drawnRank.get(key);
  const ranking = entry.ranking as {
    declined?: unknown[];
    promoted?: Array<{ key?: unknown; rank?: unknown; waitlist_no?: unknown }>;
    seed_sha256?: unknown;
    key?: unknown;
    action?: unknown;
    from?: unknown;
    to?: unknown;
    rank?: unknown;
  } | null;
  if (!ranking) return "";
  const parts: string[] = [];
  if (typeof ranking.seed_sha256 === "string")
    parts.push(`シードのSHA-256: ${ranking.seed_sha256}`);
  if (Array.isArray(ranking.declined) && ranking.declined.length > 0) {
    parts.push(`辞退・取消で空いた枠: ${ranking.declined.map(String).join(" ")}`);
  }
  for (const p of Array.isArray(ranking.promoted) ? ranking.promoted : []) {
    const key = String(p.key);
    const rank = rankOf(key, p.rank);
    parts.push(
      `繰り上げ: レコード ${key}（${rank === undefined ? "" : `順位 ${rank}・`}補欠順位 ${String(p.waitlist_no)}）`,
    );
  }
  if (typeof ranking.key === "string" && typeof ranking.action === "string") {
    const rank = rankOf(ranking.key, ranking.rank);
    parts.push(
      `${ranking.action}: レコード ${ranking.key}（${String(ranking.from)} → ${String(ranking.to)}${rank === undefined ? "" : `・順位 ${rank}`}）`,
    );
  }
  return parts.join(" / ");
}

function eventsCsv(input: EvidenceInput): string {
  const rows = input.log
    .filter((entry) => entry.kind !== LOTTERY_LOG_KINDS.draw)
    .sort((a, b) => a.sequence - b.sequence)
    .map((entry) => [
      String(entry.sequence),
      entry.run_id,
      entry.kind,
      entry.state,
      japanTimeWithOffset(entry.createdAt),
      entry.createdBy,
      eventSummary(entry, input.bundle),
      entry.reason,
      entry.entry_hash,
    ]);
  return toCsv(["通番", "ID", "種別", "状態", "日時", "実行者", "内容", "理由", "ハッシュ"], rows);
}

function settingsJson(input: EvidenceInput): string {
  const { draw, bundle } = input;
  const settings = {
    run_id: draw.run_id,
    algorithm: bundle.algorithm,
    quota: bundle.quota,
    pool_size: bundle.pool.length,
    pool_fingerprint: bundle.pool_fingerprint,
    drawn_at: japanIso(draw.createdAt),
    drawn_by: draw.createdBy,
    log_sequence: draw.sequence,
    entry_hash: draw.entry_hash,
    program_settings: input.programSettings ?? null,
    exported_at: japanIso(input.exportedAt),
    commitment: bundle.commitment ?? null,
    chain_head: input.audit.chainHead ?? null,
    audit_problems: problemCount(input.audit),
  };
  return JSON.stringify(settings, null, 2) + "\n";
}

export async function buildEvidence(input: EvidenceInput): Promise<EvidenceFile[]> {
  const f = EVIDENCE_FILES;
  return [
    { name: f.readme, content: evidenceReadme(input) },
    { name: f.settings, content: settingsJson(input) },
    { name: f.pool, content: poolCsv(input) },
    // Exactly the bytes the fingerprint hashes (no trailing newline): `sha256sum pool.txt`.
    { name: f.poolKeys, content: input.bundle.pool.join("\n") },
    { name: f.seed, content: input.bundle.seed + "\n" },
    { name: f.ranking, content: await rankingCsv(input) },
    { name: f.bundle, content: JSON.stringify(input.bundle, null, 2) + "\n" },
    { name: f.events, content: eventsCsv(input) },
    { name: f.log, content: JSON.stringify(input.log, null, 2) + "\n" },
  ];
}
