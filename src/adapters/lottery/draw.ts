/**
 * The draw against kintone: prepare (read and refuse), draw (rank and write), resume (finish an
 * interrupted draw with the ranking already logged). The CLI and the plugin's 抽選 button call
 * these same functions.
 */
import {
  buildBundle,
  entryHash,
  generateSeed,
  isValidQuota,
  type LotteryBundle,
  normalizeSeed,
  poolFingerprint,
  poolKeys,
  commitmentBefore,
  seedCommitment,
  verifyBundle,
} from "../../core/lottery";
import {
  ELIGIBILITY_LABELS,
  STAFF_DECISIONS,
  LOTTERY_ALGORITHM,
  LOTTERY_LOG_KINDS,
  LOTTERY_LOG_STATES,
} from "../../core/vocabulary";
import {
  type LotteryContext,
  newRunId,
  operatorAllowed,
  type LotteryOptions,
  readPages,
  resolveContext,
} from "./context";
import { inList, quote } from "../kintoneQuery";
import { decisionFlagged } from "../../core/eligibility/decisionFlag";
import { fieldText, type KintoneRecordLike } from "../../core/application";
import { japanTimeWithOffset } from "../../core/settings/japanWallClock";
import { listIds, LotteryRefusal, notAllowed } from "./errors";
import {
  chainEntry,
  type LogRecord,
  needsBundleFile,
  readLog,
  uploadBundle,
  withDetachedValues,
} from "./log";
import { type PendingWrite, writeRanking } from "./writer";

/** What the operator confirms before the draw: how many, and which pool (its fingerprint). */
export interface DrawPlan {
  quota: number;
  poolSize: number;
  poolFingerprint: string;
  keys: string[];
  /** Revision of each pool record as read. */
  revisions: Map<string, string>;
  log: LogRecord[];
  statusField: string;
  /** The 予告's commitment to the seed, when one was logged: the draw accepts only that seed. */
  commitment?: string;
  /** Places no applicant can fill (pool smaller than the quota): open for 再募集 (spec §5.1). */
  openPlaces: number;
}

/** When the draw may run: after the application window closed (spec §5.1). */
export interface DrawTiming {
  /** The window's last instant (inclusive), with its offset; from the program settings. */
  closesAt?: string;
  /** The current time (tests pass a fixed one). */
  now?: Date;
}

export interface DrawOutcome {
  runId: string;
  bundle: LotteryBundle;
  /** bulkRequests sent by this call (reads, upload and retries not counted). */
  bulkRequests: number;
  logRecordId: string;
  /** For a resumed draw: records written before the interruption. */
  alreadyWritten: number;
  /** The log's newest entry_hash after the draw, to keep outside kintone (spec §5.9). */
  chainHead: string;
  /** Places open for 再募集 because the pool was smaller than the quota. */
  openPlaces: number;
}

export interface DrawHooks {
  onChunkWritten?: (chunk: number, chunks: number) => void | Promise<void>;
}

function refuseExistingDraw(log: readonly LogRecord[]): void {
  const draw = log.find((entry) => entry.kind === LOTTERY_LOG_KINDS.draw);
  if (!draw) return;
  if (draw.state === LOTTERY_LOG_STATES.completed) {
    throw new LotteryRefusal("draw-exists", {
      ja: `この回の抽選は完了しています（抽選ID ${draw.run_id}）。抽選は1回だけです。欠員は繰り上げで補充してください`,
      en: `the draw for this round is complete (run ${draw.run_id}); a round is drawn once, fill vacancies by promotion`,
    });
  }
  throw new LotteryRefusal("draw-running", {
    ja: `抽選 ${draw.run_id} が途中です。同じ順位で書き込みを再開してください（followup draw --resume）`,
    en: `draw ${draw.run_id} is unfinished; resume it with the same ranking (followup draw --resume)`,
  });
}

/** Refuses to draw while applicants may still be in time (spec §5.1). */
export function refuseBeforeWindowCloses(timing: DrawTiming): void {
  if (timing.closesAt === undefined) return;
  const now = timing.now ?? new Date();
  if (now.getTime() <= Date.parse(timing.closesAt)) {
    throw new LotteryRefusal("window-open", {
      ja: `申込期間がまだ終わっていません（締切 ${japanTimeWithOffset(timing.closesAt)}）。締切の後に抽選してください。何も書き込んでいません`,
      en: `the application window is still open (closes ${japanTimeWithOffset(timing.closesAt)}); draw after it closes. Nothing was written`,
    });
  }
}

/** Reads the log and the pool and refuses what must not be drawn. Makes no change. */
export async function prepareDraw(
  options: LotteryOptions & { quota: number } & DrawTiming,
): Promise<DrawPlan> {
  if (!isValidQuota(options.quota)) {
    throw new LotteryRefusal("invalid-quota", {
      ja: `当選枠（quota）は1以上の整数で指定してください（指定値: ${String(options.quota)}）`,
      en: `the quota must be a positive integer (given: ${String(options.quota)})`,
    });
  }
  if (!operatorAllowed(options)) throw notAllowed();
  refuseBeforeWindowCloses(options);
  const context = resolveContext(options);
  const log = await readLog(context);
  refuseExistingDraw(log);
  const records = await readPool(context);
  if (records.length === 0) {
    throw new LotteryRefusal("empty-pool", {
      ja: "抽選の対象（申込受付で審査結果が適格）の申込がありません",
      en: "no applications to draw from (status 申込受付 with eligibility 適格)",
    });
  }
  // Whether the operator may write the results is kintone's to say: the first bulk write is
  // refused as a whole (nothing written), and sendBulk says so as "not allowed".
  const keys = poolKeys(records.map((r) => fieldText(r, "$id")));
  return {
    quota: options.quota,
    poolSize: keys.length,
    poolFingerprint: await poolFingerprint(keys),
    keys,
    revisions: new Map(records.map((r) => [fieldText(r, "$id"), fieldText(r, "$revision")])),
    log,
    statusField: context.statusField,
    commitment: commitmentBefore(log),
    openPlaces: Math.max(0, options.quota - keys.length),
  };
}

/** Applications in 申込受付 (where the pool comes from, spec §5.1). */
function poolCondition(context: LotteryContext): string {
  return `${context.statusField} in ${inList([context.states.applied])}`;
}

/** Whether screening puts an application in the pool: a person's decision first, else the result. */
function screeningEffect(context: LotteryContext, r: KintoneRecordLike): "in" | "out" | "waiting" {
  const decision = context.field("staff_decision");
  const decided = decision === "" ? "" : fieldText(r, decision);
  const notes = context.field("eligibility_notes");
  // A decision made on data that changed since waits for a person again (screening flags it).
  if (decided !== "" && notes !== "" && decisionFlagged(fieldText(r, notes))) return "waiting";
  if (decided === STAFF_DECISIONS.eligible) return "in";
  if (decided === STAFF_DECISIONS.ineligible) return "out";
  const label = fieldText(r, context.field("eligibility"));
  if (label === ELIGIBILITY_LABELS.eligible) return "in";
  if (label === ELIGIBILITY_LABELS.ineligible) return "out";
  return "waiting"; // 未判定, blank, or 要確認 without a decision
}

/** The fields screeningEffect reads. */
function screeningFields(context: LotteryContext): string[] {
  return [
    context.field("eligibility"),
    context.field("staff_decision"),
    context.field("eligibility_notes"),
  ].filter((c) => c !== "");
}

/**
 * The pool: applications in 申込受付 that are 適格 in effect — a person's decision (staff_decision)
 * where there is one, else screening's result — in one paged read with their revisions. Refuses,
 * naming the first 20, while any is not screened yet or is 要確認 without a decision.
 */
async function readPool(context: LotteryContext) {
  const records = await readPages(
    context,
    context.apps.applications,
    poolCondition(context),
    screeningFields(context),
  );
  const effective = (r: KintoneRecordLike) => screeningEffect(context, r);
  const waiting = records.filter((r) => effective(r) === "waiting").map((r) => fieldText(r, "$id"));
  if (waiting.length > 0) {
    const total = waiting.length;
    const ids = waiting.slice(0, 20);
    const list = listIds(ids, 20);
    const more =
      total > ids.length
        ? { ja: ` ほか${total - ids.length}件`, en: ` and ${total - ids.length} more` }
        : { ja: "", en: "" };
    throw new LotteryRefusal(
      "unscreened-records",
      {
        ja: `申込受付に審査結果が未判定、または要確認で事務局の判断がない申込が${total}件あります（レコード ${list.ja}${more.ja}）。審査と判断を終えてから抽選してください`,
        en: `${total} applications in 申込受付 are still 未判定, or 要確認 without the secretariat's decision (records ${list.en}${more.en}); finish screening before the draw`,
      },
      ids,
    );
  }
  return records.filter((r) => effective(r) === "in");
}

/**
 * Draws once: ranks the pool with the seed (generated unless given), uploads the verification
 * bundle, appends the log entry and writes every record. Pass the plan the operator confirmed.
 */
export async function drawLottery(
  options: LotteryOptions & {
    quota: number;
    seed?: string;
    reason?: string;
    plan?: DrawPlan;
  } & DrawHooks &
    DrawTiming,
): Promise<DrawOutcome> {
  if (!operatorAllowed(options)) throw notAllowed();
  const plan = options.plan ?? (await prepareDraw(options));
  const context = resolveContext(options);
  let seed = generateSeed();
  if (options.seed !== undefined) {
    const given = normalizeSeed(options.seed);
    if (!given) {
      throw new LotteryRefusal("invalid-seed", {
        ja: "シード値は16進数64文字で指定してください",
        en: "the seed must be 64 hexadecimal characters",
      });
    }
    seed = given;
  }
  if (plan.commitment !== undefined && (await seedCommitment(seed)) !== plan.commitment) {
    throw new LotteryRefusal("seed-not-committed", {
      ja:
        options.seed === undefined
          ? `抽選予告でシードが予告されています（SHA-256 ${plan.commitment}）。予告したシードを指定してください。何も書き込んでいません`
          : `指定したシードは抽選予告のもの（SHA-256 ${plan.commitment}）と違います。予告したシードだけで抽選できます。何も書き込んでいません`,
      en:
        options.seed === undefined
          ? `a seed was committed in the 予告 (SHA-256 ${plan.commitment}); give that seed. Nothing was written`
          : `the seed does not match the 予告's commitment (SHA-256 ${plan.commitment}); only the committed seed can draw. Nothing was written`,
    });
  }
  const bundle = await buildBundle({
    seed,
    quota: plan.quota,
    ids: plan.keys,
    commitment: plan.commitment,
  });
  const runId = newRunId("draw");
  const fileKey = needsBundleFile(bundle) ? await uploadBundle(context, runId, bundle) : undefined;
  const entry = await chainEntry(
    plan.log,
    {
      run_id: runId,
      kind: LOTTERY_LOG_KINDS.draw,
      algorithm: LOTTERY_ALGORITHM,
      seed,
      pool_fingerprint: bundle.pool_fingerprint,
      pool_size: bundle.pool.length,
      quota: bundle.quota,
      pool: bundle.pool,
      ranking: bundle.ranking,
      reason: drawReason(options.reason, plan),
    },
    LOTTERY_LOG_STATES.started,
    fileKey,
  );
  const writes: PendingWrite[] = bundle.ranking.map((ranked) => {
    const revision = plan.revisions.get(ranked.key);
    // every update must carry the revision read; never write blind
    if (!revision) throw new Error(`draw plan has no revision for record ${ranked.key}`);
    return { id: ranked.key, revision, entry: ranked };
  });
  const written = await writeRanking(context, {
    runId,
    writes,
    append: entry,
    onChunkWritten: options.onChunkWritten,
  });
  return {
    runId,
    bundle,
    ...written,
    alreadyWritten: 0,
    chainHead: entry.entryHash,
    openPlaces: plan.openPlaces,
  };
}

/** What the draw entry's reason says: the operator's words, the 予告 it honours, the 再募集 places. */
function drawReason(given: string | undefined, plan: DrawPlan): string {
  const lines = given ? [given] : [];
  if (plan.commitment) lines.push(`抽選予告のシード（SHA-256 ${plan.commitment}）で抽選`);
  if (plan.openPlaces > 0) {
    lines.push(
      `母集団 ${plan.poolSize}件が当選枠 ${plan.quota}件以下: 全員当選、再募集できる枠 ${plan.openPlaces}件`,
    );
  }
  return lines.join("\n");
}

/** Finishes an interrupted draw with the ranking in its log entry; never draws again. */
export async function resumeDraw(options: LotteryOptions & DrawHooks): Promise<DrawOutcome> {
  if (!operatorAllowed(options)) throw notAllowed();
  const context = resolveContext(options);
  const log = await readLog(context);
  const logged = log.find((entry) => entry.kind === LOTTERY_LOG_KINDS.draw);
  if (!logged || logged.state === LOTTERY_LOG_STATES.completed) {
    throw new LotteryRefusal("no-draw-to-resume", {
      ja: logged
        ? `抽選 ${logged.run_id} は完了しています。再開するものはありません`
        : "再開する抽選がありません",
      en: logged
        ? `draw ${logged.run_id} is complete; nothing to resume`
        : "there is no unfinished draw to resume",
    });
  }
  const draw = await withDetachedValues(context, logged);
  if ((await entryHash(draw)) !== draw.entry_hash) {
    throw new Error(
      `lottery log entry ${draw.run_id} does not match its entry_hash: the log was changed`,
    );
  }
  const bundle = {
    algorithm: draw.algorithm,
    seed: draw.seed,
    quota: draw.quota,
    pool: draw.pool,
    pool_fingerprint: draw.pool_fingerprint,
    ranking: draw.ranking,
  } as LotteryBundle;
  const verdict = await verifyBundle(bundle);
  if (!verdict.ok)
    throw new Error(`lottery log entry ${draw.run_id} does not verify: ${verdict.difference}`);

  const runIdField = context.field("lottery_run_id");
  const records = await readPages(
    context,
    context.apps.applications,
    `(${poolCondition(context)}) or ${runIdField} = ${quote(draw.run_id)}`,
    [runIdField, ...screeningFields(context)],
  );
  // Still in the pool: written by this draw already, or in 申込受付 and still 適格 in effect.
  const byId = new Map(
    records
      .filter(
        (r) => fieldText(r, runIdField) === draw.run_id || screeningEffect(context, r) === "in",
      )
      .map((r) => [fieldText(r, "$id"), r]),
  );
  const missing = bundle.pool.filter((key) => !byId.has(key));
  if (missing.length > 0) {
    const list = listIds(missing);
    throw new LotteryRefusal(
      "pool-changed",
      {
        ja: `抽選 ${draw.run_id} の母集団の申込が、申込受付・適格でなくなっています（レコード ${list.ja}）。抽選の母集団は変えられません。これらを申込受付・適格に戻してから再開してください`,
        en: `applications in the pool of draw ${draw.run_id} are no longer 申込受付 and 適格 (records ${list.en}); a draw's pool cannot change: put them back to 申込受付 and 適格, then resume`,
      },
      missing,
    );
  }
  const pending = bundle.ranking.filter(
    (ranked) => fieldText(byId.get(ranked.key) ?? {}, runIdField) !== draw.run_id,
  );
  const writes = pending.map((ranked) => ({
    id: ranked.key,
    revision: fieldText(byId.get(ranked.key) ?? {}, "$revision"),
    entry: ranked,
  }));
  const written = await writeRanking(context, {
    runId: draw.run_id,
    writes,
    logRecord: draw,
    onChunkWritten: options.onChunkWritten,
  });
  return {
    runId: draw.run_id,
    bundle,
    ...written,
    alreadyWritten: bundle.pool.length - pending.length,
    chainHead: log[log.length - 1]?.entry_hash ?? draw.entry_hash,
    openPlaces: Math.max(0, bundle.quota - bundle.pool.length),
  };
}
