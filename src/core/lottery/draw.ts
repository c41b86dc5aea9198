/**
 * The draw of spec §5, algorithm `hmac-sha256-rank/v1`, as pure functions:
 * pool → fingerprint → scores → full ranking → winners and waitlist → verification bundle.
 * Anyone holding the bundle can recompute every step (see verify.ts).
 */
import { LOTTERY_ALGORITHM, LOTTERY_RESULTS } from "../vocabulary";
import { fromHex, sha256Hex, toHex } from "./canonical";

export type DrawResult = typeof LOTTERY_RESULTS.winner | typeof LOTTERY_RESULTS.waitlisted;

export interface RankedEntry {
  key: string;
  rank: number;
  result: DrawResult;
  /** rank − quota for 補欠; null for 当選. */
  waitlist_no: number | null;
}

/** The verification bundle of spec §5.8, field names exactly as the spec writes them. */
export interface LotteryBundle {
  algorithm: typeof LOTTERY_ALGORITHM;
  seed: string;
  quota: number;
  pool: string[];
  pool_fingerprint: string;
  ranking: RankedEntry[];
  /** The 予告 (spec §5.1): seedCommitment(seed) logged before the window closed, when one was made. */
  commitment?: string;
}

/**
 * The commitment to a seed (spec §5.1 予告): lowercase hex SHA-256 of the seed's 64 lowercase hex
 * characters as text, so anyone can check it with `printf %s SEED | sha256sum`.
 */
export function seedCommitment(seed: string): Promise<string> {
  return sha256Hex(seed);
}

const SEED_PATTERN = /^[0-9a-f]{64}$/;
const KEY_PATTERN = /^[1-9][0-9]*$/;

/** 32 bytes from the platform CSPRNG, as 64 lowercase hex chars (spec §5.4). */
export function generateSeed(): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** An operator's seed (e.g. a beacon value): 64 hex chars, returned lowercase; anything else is refused. */
export function normalizeSeed(seed: string): string | undefined {
  const lower = seed.trim().toLowerCase();
  return SEED_PATTERN.test(lower) ? lower : undefined;
}

export function isValidQuota(quota: unknown): quota is number {
  return typeof quota === "number" && Number.isSafeInteger(quota) && quota > 0;
}

/**
 * The pool list of spec §5.2: record ids as decimal strings, ascending numerically.
 * Refuses anything that is not a positive integer id, and duplicates (the pool is a set).
 */
export function poolKeys(ids: ReadonlyArray<string | number>): string[] {
  const keys = ids.map((id) => String(id));
  for (const key of keys) {
    if (!KEY_PATTERN.test(key)) throw new Error(`invalid pool key: ${JSON.stringify(key)}`);
  }
  keys.sort(compareKeys);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) throw new Error(`duplicate pool key: ${keys[i]}`);
  }
  return keys;
}

/** Numeric order of decimal keys without leading zeros: shorter first, then lexicographic. */
export function compareKeys(a: string, b: string): number {
  return a.length - b.length || compareText(a, b);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Spec §5.3: lowercase hex SHA-256 of the keys joined by "\n", no trailing newline. */
export function poolFingerprint(keys: readonly string[]): Promise<string> {
  return sha256Hex(keys.join("\n"));
}

/** Spec §5.5: HMAC-SHA256(key = seed bytes, message = UTF-8 pool key), lowercase hex, per key. */
export async function scoreKeys(
  seed: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  const subtle = globalThis.crypto.subtle;
  const hmacKey = await subtle.importKey(
    "raw",
    fromHex(seed),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const encoder = new TextEncoder();
  const scores = await Promise.all(
    keys.map(async (key) => toHex(await subtle.sign("HMAC", hmacKey, encoder.encode(key)))),
  );
  return new Map(keys.map((key, i) => [key, scores[i] ?? ""]));
}

/**
 * Spec §5.6: rank by ascending score (hex strings of equal length compare like the numbers);
 * rank ≤ quota wins, the rest form the waitlist with waitlist_no = rank − quota.
 * A score tie (a SHA-256 collision, never seen in practice) falls back to key order so the
 * ranking is still a deterministic function of seed and pool.
 */
export async function rankPool(input: {
  seed: string;
  quota: number;
  keys: readonly string[];
}): Promise<RankedEntry[]> {
  const scores = await scoreKeys(input.seed, input.keys);
  const score = (key: string) => scores.get(key) ?? "";
  const ordered = [...input.keys].sort(
    (a, b) => compareText(score(a), score(b)) || compareKeys(a, b),
  );
  return ordered.map((key, index) => {
    const rank = index + 1;
    const winner = rank <= input.quota;
    return {
      key,
      rank,
      result: winner ? LOTTERY_RESULTS.winner : LOTTERY_RESULTS.waitlisted,
      waitlist_no: winner ? null : rank - input.quota,
    };
  });
}

/** The whole draw for one pool and seed: the bundle every later step writes and verifies. */
export async function buildBundle(input: {
  seed: string;
  quota: number;
  ids: ReadonlyArray<string | number>;
  commitment?: string;
}): Promise<LotteryBundle> {
  const seed = normalizeSeed(input.seed);
  if (!seed) throw new Error("seed must be 64 hex characters");
  if (!isValidQuota(input.quota)) throw new Error("quota must be a positive integer");
  const pool = poolKeys(input.ids);
  return {
    algorithm: LOTTERY_ALGORITHM,
    seed,
    quota: input.quota,
    pool,
    pool_fingerprint: await poolFingerprint(pool),
    ranking: await rankPool({ seed, quota: input.quota, keys: pool }),
    ...(input.commitment === undefined ? {} : { commitment: input.commitment }),
  };
}
