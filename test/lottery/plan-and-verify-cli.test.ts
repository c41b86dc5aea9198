import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { planBulks } from "../../src/adapters/lottery";
import { main } from "../../src/cli/main";
import { buildBundle } from "../../src/core/lottery";

describe("planBulks: 2 requests per 100 records, 20 requests per bulk, log append first, 完了 last", () => {
  const requestsOf = (bulk: { from: number; to: number; append: boolean; complete: boolean }) =>
    2 * Math.ceil((bulk.to - bulk.from) / 100) +
    (bulk.append ? 1 : 0) +
    (bulk.complete && !bulk.append ? 1 : 0);

  test.each([
    [50, 1],
    [900, 1],
    [901, 2],
    [1000, 2],
    [5000, 6],
    [20000, 21],
  ])(
    "a new draw of %i records takes %i bulks, none over 20 requests, every record once",
    (total, bulks) => {
      const plan = planBulks(total, true);
      expect(plan).toHaveLength(bulks);
      expect(plan[0]?.append).toBe(true);
      expect(plan.at(-1)?.complete).toBe(true);
      expect(plan.every((b) => requestsOf(b) <= 20)).toBe(true);
      expect(plan.map((b) => [b.from, b.to])).toEqual(
        plan.map((b, i) => [i === 0 ? 0 : plan[i - 1]?.to, b.to]),
      );
      expect(plan.at(-1)?.to).toBe(total);
    },
  );

  test("a draw of up to 900 is one bulk whose log entry is appended already complete", () => {
    expect(planBulks(900, true)).toEqual([{ from: 0, to: 900, append: true, complete: true }]);
  });

  test("a resume with nothing left only marks the log entry complete", () => {
    expect(planBulks(0, false)).toEqual([{ from: 0, to: 0, append: false, complete: true }]);
  });

  test("the bench's lower bound is met within one extra log write", () => {
    for (const n of [50, 500, 5000, 20000]) {
      const lowerBound = Math.ceil((2 * Math.ceil(n / 100)) / 20);
      expect(planBulks(n, true).length).toBeLessThanOrEqual(lowerBound + 1);
    }
  });
});

describe("followup verify --bundle FILE", () => {
  async function run(args: string[], cwd: string) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (c) => (out += String(c)));
    stderr.on("data", (c) => (err += String(c)));
    const code = await main(["verify", ...args], {
      stdout,
      stderr,
      cwd,
      env: {},
      interactive: false,
    });
    return { code, out, err };
  }

  const dir = mkdtempSync(path.join(tmpdir(), "verify-"));
  const seed = "5a".repeat(32);

  test("accepts a genuine bundle offline", async () => {
    const bundle = await buildBundle({ seed, quota: 2, ids: [4, 8, 15, 16, 23, 42] });
    writeFileSync(path.join(dir, "good.json"), JSON.stringify(bundle));
    const { code, out } = await run(["--bundle", "good.json"], dir);
    expect(code).toBe(0);
    expect(out).toContain("検証OK: 6件");
  });

  test("exits 1 naming the first difference of a tampered bundle", async () => {
    const bundle = await buildBundle({ seed, quota: 2, ids: [4, 8, 15, 16, 23, 42] });
    const tampered = {
      ...bundle,
      ranking: bundle.ranking.map((e, i) => (i === 0 ? { ...e, result: "補欠" } : e)),
    };
    writeFileSync(path.join(dir, "bad.json"), JSON.stringify(tampered));
    const { code, err } = await run(["--bundle", "bad.json", "--lang", "en"], dir);
    expect(code).toBe(1);
    expect(err).toBe(
      'followup verify: verification failed; first difference: ranking[0].result: expected "当選", found "補欠"\n',
    );
  });

  test("malformed or missing input is a usage error (exit 2)", async () => {
    writeFileSync(path.join(dir, "broken.json"), "{");
    expect((await run(["--bundle", "broken.json"], dir)).code).toBe(2);
    expect((await run(["--bundle", "absent.json"], dir)).code).toBe(2);
    expect((await run([], dir)).code).toBe(2);
  });
});
