import {
  buildBundle,
  entryHash,
  generateSeed,
  GENESIS_HASH,
  nextToPromote,
  normalizeSeed,
  poolFingerprint,
  poolKeys,
  rankPool,
  vacancies,
  verifyBundle,
  verifyChain,
  type ChainedEntry,
  type DrawnApplication,
  type LogEntryContent,
} from "../../src/core/lottery";
import { DEFAULT_PROCESS_NAMES } from "../../src/core/workflow";

// Expected values below were computed independently with node:crypto (createHmac/createHash)
// and Python's json/hashlib in a one-off script, then written here as literals.
const SEED_A = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const SEED_B = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

describe("hmac-sha256-rank/v1 known answers", () => {
  test("pool of 10, quota 3: fingerprint, order, results and waitlist numbers", async () => {
    const bundle = await buildBundle({
      seed: SEED_A,
      quota: 3,
      ids: [89, 1, 55, 2, 34, 3, 21, 5, 13, 8],
    });
    expect(bundle.pool).toEqual(["1", "2", "3", "5", "8", "13", "21", "34", "55", "89"]);
    expect(bundle.pool_fingerprint).toBe(
      "07b81acab1b423df7e25dc67a8cc3b877605fb991d8e6e1c0edecb25fe05ce24",
    );
    expect(bundle.ranking.map((e) => e.key)).toEqual([
      "8",
      "3",
      "55",
      "34",
      "13",
      "1",
      "2",
      "5",
      "21",
      "89",
    ]);
    expect(bundle.ranking.slice(0, 4)).toEqual([
      { key: "8", rank: 1, result: "当選", waitlist_no: null },
      { key: "3", rank: 2, result: "当選", waitlist_no: null },
      { key: "55", rank: 3, result: "当選", waitlist_no: null },
      { key: "34", rank: 4, result: "補欠", waitlist_no: 1 },
    ]);
    expect(bundle.ranking[9]).toEqual({ key: "89", rank: 10, result: "補欠", waitlist_no: 7 });
  });

  test("pool of 12 keys 100..177, quota 5", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => 100 + i * 7);
    const bundle = await buildBundle({ seed: SEED_B, quota: 5, ids });
    expect(bundle.pool_fingerprint).toBe(
      "f713b1a974d0c7351af3c8fe7d55fd54c699a7301a96fba1a330f11342a8b8aa",
    );
    expect(bundle.ranking.map((e) => e.key)).toEqual([
      "177",
      "149",
      "114",
      "163",
      "121",
      "142",
      "170",
      "100",
      "107",
      "156",
      "128",
      "135",
    ]);
  });

  test("an upper-case operator seed is the same seed", async () => {
    const upper = await buildBundle({ seed: SEED_A.toUpperCase(), quota: 3, ids: [1, 2, 3] });
    const lower = await buildBundle({ seed: SEED_A, quota: 3, ids: [1, 2, 3] });
    expect(upper).toEqual(lower);
    expect(upper.seed).toBe(SEED_A);
  });

  test("the empty pool's fingerprint is SHA-256 of the empty string", async () => {
    expect(await poolFingerprint([])).toBe(
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  test("a quota larger than the pool makes everyone a winner", async () => {
    const ranking = await rankPool({ seed: SEED_A, quota: 50, keys: ["1", "2", "3"] });
    expect(ranking.every((e) => e.result === "当選" && e.waitlist_no === null)).toBe(true);
  });
});

describe("inputs the draw refuses", () => {
  test.each(["", "00", "g".repeat(64), "0".repeat(63), "0".repeat(65)])("seed %p", (seed) => {
    expect(normalizeSeed(seed)).toBeUndefined();
  });
  test.each([0, -1, 2.5, Number.NaN])("quota %p", async (quota) => {
    await expect(buildBundle({ seed: SEED_A, quota, ids: [1] })).rejects.toThrow(/quota/);
  });
  test("duplicate and non-numeric keys", () => {
    expect(() => poolKeys([1, 2, 2])).toThrow(/duplicate/);
    expect(() => poolKeys(["01"])).toThrow(/invalid/);
    expect(() => poolKeys(["x"])).toThrow(/invalid/);
  });
  test("generated seeds are 64 lowercase hex and differ", () => {
    const a = generateSeed();
    expect(normalizeSeed(a)).toBe(a);
    expect(generateSeed()).not.toBe(a);
  });
});

describe("rank distribution", () => {
  // 2,000 fixed seeds (SHA-256 of "seed-i"), a pool of 5: each key should take each rank
  // 400 times. Pearson's chi-square over the 5×5 table, (5−1)² = 16 degrees of freedom;
  // the 0.1% critical value is 39.25. Deterministic: the same seeds every run.
  test("every key is equally likely at every rank (chi-square)", async () => {
    const { createHash } = await import("node:crypto");
    const keys = ["3", "10", "11", "250", "4096"];
    const counts = new Map<string, number>(); // "key@rank" → times

    const runs = 2000;
    for (let i = 0; i < runs; i++) {
      const seed = createHash("sha256").update(`seed-${i}`).digest("hex");
      const ranking = await rankPool({ seed, quota: 2, keys });
      for (const { key, rank } of ranking)
        counts.set(`${key}@${rank}`, (counts.get(`${key}@${rank}`) ?? 0) + 1);
    }
    const expected = runs / keys.length;
    expect(counts.size).toBe(keys.length * keys.length);
    const chiSquare = [...counts.values()].reduce(
      (sum, observed) => sum + (observed - expected) ** 2 / expected,
      0,
    );
    expect(chiSquare).toBeLessThan(39.25);
  });
});

describe("verifyBundle", () => {
  test("accepts a bundle it built, and names the first difference of a tampered one", async () => {
    const bundle = await buildBundle({ seed: SEED_A, quota: 3, ids: [1, 2, 3, 5, 8] });
    expect(await verifyBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true });

    const [first, second, ...rest] = bundle.ranking;
    if (!first || !second) throw new Error("the bundle has at least two entries");
    const swapped = {
      ...bundle,
      ranking: [{ ...first, key: second.key }, { ...second, key: first.key }, ...rest],
    };
    expect(await verifyBundle(swapped)).toEqual({
      ok: false,
      difference: expect.stringMatching(/^ranking\[0\]\.key: expected "\d+", found "\d+"$/),
    });

    expect(await verifyBundle({ ...bundle, pool: ["1", "2", "3", "5", "9"] })).toEqual({
      ok: false,
      difference: expect.stringMatching(/^pool_fingerprint/),
    });
    expect(await verifyBundle({ ...bundle, pool: ["2", "1", "3", "5", "8"] })).toEqual({
      ok: false,
      difference: expect.stringMatching(/^pool\[0\]/),
    });
    expect(await verifyBundle({ ...bundle, quota: 4 })).toEqual({
      ok: false,
      difference: 'ranking[3].result: expected "当選", found "補欠"',
    });
    expect(await verifyBundle({ ...bundle, ranking: bundle.ranking.slice(0, 4) })).toEqual({
      ok: false,
      difference: expect.stringMatching(/^ranking\[4\]\.key/),
    });
    expect(await verifyBundle({ ...bundle, algorithm: "other" })).toMatchObject({ ok: false });
    expect(await verifyBundle("not a bundle")).toMatchObject({ ok: false });
  });
});

describe("hash chain", () => {
  const first: LogEntryContent = {
    sequence: 1,
    run_id: "run-1",
    kind: "抽選",
    algorithm: "hmac-sha256-rank/v1",
    seed: "00".repeat(32),
    pool_fingerprint: "ab".repeat(32),
    pool_size: 2,
    quota: 1,
    pool: ["1", "2"],
    ranking: [
      { key: "2", rank: 1, result: "当選", waitlist_no: null },
      { key: "1", rank: 2, result: "補欠", waitlist_no: 1 },
    ],
    reason: "",
    previous_hash: GENESIS_HASH,
  };

  test("entry_hash known answer (canonical JSON with sorted keys, computed with Python)", async () => {
    expect(await entryHash(first)).toBe(
      "8b450b6137bd2286f5ed8e54a95603f0736290fa781e76e238ef0b3a57cba2a0",
    );
  });

  async function chainOf(count: number): Promise<ChainedEntry[]> {
    const entries: ChainedEntry[] = [];
    let previous = GENESIS_HASH;
    for (let sequence = 1; sequence <= count; sequence++) {
      const content = { ...first, sequence, run_id: `run-${sequence}`, previous_hash: previous };
      const entry = { ...content, entry_hash: await entryHash(content) };
      entries.push(entry);
      previous = entry.entry_hash;
    }
    return entries;
  }

  test("an intact chain verifies in any order; edits, gaps and broken links are found", async () => {
    const chain = await chainOf(4);
    expect(await verifyChain([...chain].reverse())).toEqual({ ok: true });

    const edited = chain.map((e) =>
      e.sequence === 2 ? { ...e, reason: "changed afterwards" } : e,
    );
    expect(await verifyChain(edited)).toMatchObject({
      ok: false,
      sequence: 2,
      problem: expect.stringMatching(/^entry_hash/),
    });

    expect(await verifyChain(chain.filter((e) => e.sequence !== 2))).toMatchObject({
      ok: false,
      sequence: 3,
    });

    const relinked = chain.map((e) =>
      e.sequence === 3 ? { ...e, previous_hash: GENESIS_HASH } : e,
    );
    expect(await verifyChain(relinked)).toMatchObject({
      ok: false,
      sequence: 3,
      problem: expect.stringMatching(/previous_hash/),
    });
  });
});

describe("promotion order", () => {
  const app = (key: string, status: string, waitlist_no: number | null): DrawnApplication => ({
    key,
    status,
    lottery_result: waitlist_no === null ? "当選" : "補欠",
    waitlist_no,
  });
  const drawn = [
    app("1", "当選", null),
    app("2", "辞退", null),
    app("3", "参加確定", null),
    app("4", "当選", 1), // already promoted
    app("5", "辞退", 2), // declined while waiting
    app("6", "補欠", 4),
    app("7", "補欠", 3),
    app("8", "補欠", 5),
  ];

  test("takes the lowest waitlist numbers still in 補欠, skipping promoted and declined ones", () => {
    expect(nextToPromote(drawn, 2).map((a) => a.key)).toEqual(["7", "6"]);
    expect(nextToPromote(drawn, 10).map((a) => a.key)).toEqual(["7", "6", "8"]);
    expect(nextToPromote(drawn, 0)).toEqual([]);
  });

  test("vacancies count 当選, 参加確定, 質問票回答済 and 訪問済 against the quota", () => {
    expect(vacancies(drawn, 4)).toBe(1);
    expect(vacancies(drawn, 3)).toBe(0);
    expect(vacancies(drawn, 2)).toBe(0);
  });

  test("compares the configured state names, never the defaults", () => {
    const renamed = {
      states: {
        ...DEFAULT_PROCESS_NAMES.states,
        winner: "当選通知済",
        waitlisted: "補欠待ち",
        confirmed: "参加確定済",
      },
      actions: DEFAULT_PROCESS_NAMES.actions,
    };
    const rename: Record<string, string> = {
      当選: "当選通知済",
      補欠: "補欠待ち",
      参加確定: "参加確定済",
    };
    const apps = drawn.map((a) => ({ ...a, status: rename[a.status] ?? a.status }));
    expect(nextToPromote(apps, 2, renamed).map((a) => a.key)).toEqual(["7", "6"]);
    expect(vacancies(apps, 4, renamed)).toBe(1);
    // Under the default names nobody would be waiting and every place would look free.
    expect(nextToPromote(apps, 2)).toEqual([]);
    expect(vacancies(apps, 4)).toBe(4);
  });
});
