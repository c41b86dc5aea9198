/**
 * Recomputes a verification bundle from its seed, quota and pool, and reports the FIRST
 * difference in words, so an auditor (or `followup verify`) can point at it. Works offline.
 */
import { LOTTERY_ALGORITHM } from "../vocabulary";
import {
  isValidQuota,
  normalizeSeed,
  poolFingerprint,
  poolKeys,
  rankPool,
  seedCommitment,
} from "./draw";

export type BundleVerdict = { ok: true } | { ok: false; difference: string };

function fail(difference: string): BundleVerdict {
  return { ok: false, difference };
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

export async function verifyBundle(bundle: unknown): Promise<BundleVerdict> {
  if (typeof bundle !== "object" || bundle === null || Array.isArray(bundle)) {
    return fail("bundle is not a JSON object");
  }
  const b = bundle as Record<string, unknown>;
  if (b.algorithm !== LOTTERY_ALGORITHM) {
    return fail(
      `algorithm: expected ${describe(LOTTERY_ALGORITHM)}, found ${describe(b.algorithm)}`,
    );
  }
  if (typeof b.seed !== "string" || normalizeSeed(b.seed) !== b.seed) {
    return fail(`seed: expected 64 lowercase hex characters, found ${describe(b.seed)}`);
  }
  if (b.commitment !== undefined) {
    const committed = await seedCommitment(b.seed);
    if (b.commitment !== committed) {
      return fail(
        `commitment: the seed hashes to ${committed}, but the 予告 committed to ${describe(b.commitment)}`,
      );
    }
  }
  if (!isValidQuota(b.quota))
    return fail(`quota: expected a positive integer, found ${describe(b.quota)}`);
  if (!Array.isArray(b.pool) || !b.pool.every((key) => typeof key === "string")) {
    return fail("pool: expected an array of key strings");
  }
  const pool = b.pool as string[];
  let canonical: string[];
  try {
    canonical = poolKeys(pool);
  } catch (error) {
    return fail(`pool: ${(error as Error).message}`);
  }
  const misplaced = canonical.findIndex((key, i) => key !== pool[i]);
  if (misplaced >= 0) {
    return fail(
      `pool[${misplaced}]: expected ${describe(canonical[misplaced])} (ascending order), found ${describe(pool[misplaced])}`,
    );
  }
  const fingerprint = await poolFingerprint(canonical);
  if (b.pool_fingerprint !== fingerprint) {
    return fail(`pool_fingerprint: expected ${fingerprint}, found ${describe(b.pool_fingerprint)}`);
  }
  if (!Array.isArray(b.ranking)) return fail("ranking: expected an array");
  const expected = await rankPool({ seed: b.seed, quota: b.quota, keys: canonical });
  const found = b.ranking as unknown[];
  for (const [i, want] of expected.entries()) {
    const got = (found[i] ?? {}) as Record<string, unknown>;
    for (const field of ["key", "rank", "result", "waitlist_no"] as const) {
      if (got[field] !== want[field]) {
        return fail(
          `ranking[${i}].${field}: expected ${describe(want[field])}, found ${describe(got[field])}`,
        );
      }
    }
  }
  if (found.length !== expected.length) {
    return fail(`ranking: expected ${expected.length} entries, found ${found.length}`);
  }
  return { ok: true };
}
