/**
 * What the lottery log implies beyond its own hash chain (issue 12): a draw left at 開始 (stopped,
 * or its completion reset), a chain head kept outside kintone that the log no longer extends,
 * more places held than the quota, and promotions out of waitlist order. Per-record questions
 * (a result the log never gave, a promotion no entry records) are drawRecords.ts's.
 */
import type { KintoneRecordLike } from "../application";
import type { Localized } from "../i18n";
import type { ChainedEntry } from "../lottery";
import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES } from "../vocabulary";
import { placesHeld, type ProcessNames, statusOf } from "../workflow";

export type LogFindingId =
  | "DRAW_NOT_COMPLETED"
  | "HEAD_NOT_IN_LOG"
  | "PLACES_OVER_QUOTA"
  | "PROMOTIONS_OUT_OF_ORDER"
  | "PROMOTED_NOT_WAITLISTED";

export interface LogFinding {
  id: LogFindingId;
  message: Localized;
}

export type LoggedEntry = ChainedEntry & { state: string };

interface PromotedKey {
  key?: unknown;
  waitlist_no?: unknown;
}

/** The promotions each 繰り上げ entry records, in log order. */
export function promotionsOf(
  log: readonly LoggedEntry[],
): Array<{ key: string; waitlistNo: number }> {
  return log
    .filter((entry) => entry.kind === LOTTERY_LOG_KINDS.promotion)
    .flatMap((entry) => {
      const promoted = (entry.ranking as { promoted?: PromotedKey[] } | null)?.promoted;
      return (Array.isArray(promoted) ? promoted : []).map((p) => ({
        key: String(p.key),
        waitlistNo: Number(p.waitlist_no),
      }));
    });
}

export function findLogFindings(input: {
  log: readonly LoggedEntry[];
  applications: readonly KintoneRecordLike[];
  names: ProcessNames;
  /** A chain head the operator kept outside kintone (`followup audit --head`). */
  head?: string;
}): LogFinding[] {
  const { log, applications, names, head } = input;
  const findings: LogFinding[] = [];
  for (const entry of log) {
    if (entry.kind === LOTTERY_LOG_KINDS.draw && entry.state !== LOTTERY_LOG_STATES.completed) {
      findings.push({
        id: "DRAW_NOT_COMPLETED",
        message: {
          ja: `抽選 ${entry.run_id}（通番 ${entry.sequence}）が「${entry.state || "空"}」のままで完了していません。書き込みが途中で止まったか、完了の記録が戻されています。途中なら followup draw --resume で完了させてください。`,
          en: `Draw ${entry.run_id} (sequence ${entry.sequence}) is "${entry.state || "empty"}", not complete: it stopped half-way or its completion was reset. If it stopped, finish it with followup draw --resume.`,
        },
      });
    }
  }
  if (head !== undefined) {
    const wanted = head.trim().toLowerCase();
    if (!log.some((entry) => entry.entry_hash === wanted)) {
      findings.push({
        id: "HEAD_NOT_IN_LOG",
        message: {
          ja: `控えてあったチェーンの先頭 ${wanted} が抽選記録にありません。その時点より前の記録が書き換えられたか削除されています（ハッシュを計算し直しても、kintoneの外に控えた値とは一致しません）。`,
          en: `The chain head you kept, ${wanted}, is not in the lottery log: an entry up to it was edited or deleted (re-hashing cannot reproduce a head kept outside kintone).`,
        },
      });
    }
  }
  const draws = log.filter((entry) => entry.kind === LOTTERY_LOG_KINDS.draw);
  const quota = draws[draws.length - 1]?.quota;
  if (typeof quota === "number") {
    const held = placesHeld(applications.map(statusOf), names);
    if (held > quota) {
      findings.push({
        id: "PLACES_OVER_QUOTA",
        message: {
          ja: `当選枠 ${quota} 件に対し、枠を使っている申込（${[names.states.winner, names.states.confirmed, names.states.questionnaireDone, names.states.visited].join("・")}）が ${held} 件あります。`,
          en: `${held} applications hold a place (${[names.states.winner, names.states.confirmed, names.states.questionnaireDone, names.states.visited].join(", ")}) for a quota of ${quota}.`,
        },
      });
    }
  }
  const promotions = promotionsOf(log);
  const ranking = draws[draws.length - 1]?.ranking;
  const waitlisted = new Map(
    (Array.isArray(ranking) ? (ranking as Array<{ key: string; waitlist_no: number | null }>) : [])
      .filter((entry) => entry.waitlist_no !== null)
      .map((entry) => [entry.key, entry.waitlist_no]),
  );
  const stranger = draws.length
    ? promotions.find((p) => waitlisted.get(p.key) !== p.waitlistNo)
    : undefined;
  if (stranger) {
    findings.push({
      id: "PROMOTED_NOT_WAITLISTED",
      message: {
        ja: `繰り上げの記録にあるレコードID ${stranger.key}（補欠順位 ${stranger.waitlistNo}）は、抽選でその補欠順位の補欠になっていません。`,
        en: `The promotion log names record ${stranger.key} (waitlist number ${stranger.waitlistNo}), which the draw did not waitlist with that number.`,
      },
    });
  }
  const outOfOrder = promotions.find(
    (p, i) => i > 0 && !(p.waitlistNo > (promotions[i - 1]?.waitlistNo ?? -Infinity)),
  );
  if (outOfOrder) {
    findings.push({
      id: "PROMOTIONS_OUT_OF_ORDER",
      message: {
        ja: `抽選記録の繰り上げが補欠順位の順になっていません（補欠順位 ${outOfOrder.waitlistNo}・レコードID ${outOfOrder.key} が後から繰り上げられています）。`,
        en: `The logged promotions do not follow the waitlist order (waitlist number ${outOfOrder.waitlistNo}, record ${outOfOrder.key}, came later).`,
      },
    });
  }
  return findings;
}
