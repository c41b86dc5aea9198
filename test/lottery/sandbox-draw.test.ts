/**
 * The lottery against the local kintone sandbox: a draw, its bundle and log; faults (429, 503,
 * a crash between chunks) that end in exactly the same state; conflicts, races and refusals.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import {
  drawLottery,
  LotteryRefusal,
  type LotteryRefusalCode,
  prepareDraw,
  promoteFromWaitlist,
  readLotteryLog,
  resumeDraw,
} from "../../src/adapters/lottery";
import { buildBundle, type LotteryBundle, verifyBundle, verifyChain } from "../../src/core/lottery";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { addPool, provisionLotteryApps } from "./provision";

const fast = { baseDelayMs: 1, maxDelayMs: 5 };
const SEED = "c0ffee".repeat(10) + "c0ff";

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
});
afterAll(() => sandbox.close());

async function freshApps() {
  const apps = await provisionLotteryApps(admin);
  return { apps, options: { program: defaultProgram(admin, apps, { retry: fast }) } };
}

async function refusalOf(
  promise: Promise<unknown>,
  code: LotteryRefusalCode,
): Promise<LotteryRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LotteryRefusal);
  expect((error as LotteryRefusal).code).toBe(code);
  return error as LotteryRefusal;
}

interface Written {
  status: string;
  result: string;
  rank: string;
  waitlist: string;
  runId: string;
}

async function readApplications(app: number): Promise<Map<string, Written>> {
  const records = await admin.record.getAllRecords({ app });
  return new Map(
    records.map((r) => [
      String(r.$id?.value),
      {
        status: String(r["ステータス"]?.value ?? ""),
        result: String(r.lottery_result?.value ?? ""),
        rank: String(r.lottery_rank?.value ?? ""),
        waitlist: String(r.waitlist_no?.value ?? ""),
        runId: String(r.lottery_run_id?.value ?? ""),
      },
    ]),
  );
}

/** Every pool record carries exactly what the bundle says: result, rank, waitlist number, run id and status. */
function expectWrittenAsBundle(
  records: Map<string, Written>,
  bundle: LotteryBundle,
  runId: string,
): void {
  for (const entry of bundle.ranking) {
    expect(records.get(entry.key)).toEqual({
      status: entry.result,
      result: entry.result,
      rank: String(entry.rank),
      waitlist: entry.waitlist_no === null ? "" : String(entry.waitlist_no),
      runId,
    });
  }
}

/** No record half-written: either untouched (申込受付, no run id) or fully written. */
function expectNoHalfWrites(records: Map<string, Written>): void {
  for (const r of records.values()) {
    const untouched = r.status === "申込受付" && r.runId === "" && r.rank === "";
    const written = r.status === r.result && r.runId !== "" && r.rank !== "";
    expect(untouched || written).toBe(true);
  }
}

describe("a draw on the sandbox", () => {
  test("120 applications: every record matches the bundle, the log entry is complete and chained", async () => {
    const { apps, options } = await freshApps();
    await addPool(admin, apps.applications, 120);
    // The caller's action names belong to the Program (the CLI looks them up while opening it).
    await options.program.callerActions();
    await sandbox.control("/__sandbox/stats/reset", {});
    const plan = await prepareDraw({ ...options, quota: 50 });
    expect(plan.poolSize).toBe(120);
    const outcome = await drawLottery({ ...options, quota: 50, plan });
    const stats = (await sandbox.control("/__sandbox/stats")) as {
      requests: Record<string, number>;
    };

    expect(await verifyBundle(outcome.bundle)).toEqual({ ok: true });
    expect(outcome.bundle.ranking.filter((e) => e.result === "当選")).toHaveLength(50);
    expectWrittenAsBundle(await readApplications(apps.applications), outcome.bundle, outcome.runId);

    const log = await readLotteryLog(options.program);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: "抽選",
      state: "完了",
      run_id: outcome.runId,
      seed: outcome.bundle.seed,
    });
    expect(log[0]?.ranking).toEqual(outcome.bundle.ranking);
    expect(await verifyChain(log)).toEqual({ ok: true });

    // the log and the pool read, then one bulk for everything: the log entry rides with the
    // records; no app/status lookup inside the draw (floor 2: one read, one bulk)
    expect(stats.requests).toEqual({ "GET records": 2, "POST bulkRequest": 1 });

    await refusalOf(prepareDraw({ ...options, quota: 50 }), "draw-exists");
  });

  test("refuses while applications in 申込受付 are 未判定 or 要確認, naming them", async () => {
    const { apps, options } = await freshApps();
    await addPool(admin, apps.applications, 5);
    const [review] = await addPool(admin, apps.applications, 1, "要確認");
    const refusal = await refusalOf(prepareDraw({ ...options, quota: 2 }), "unscreened-records");
    expect(refusal.recordIds).toEqual([review]);
    expect(refusal.text.ja).toContain("要確認");
  });

  test("refuses an empty pool and a user who may not write", async () => {
    const { apps, options } = await freshApps();
    await refusalOf(prepareDraw({ ...options, quota: 2 }), "empty-pool");
    await addPool(admin, apps.applications, 3);
    const viewer = { program: defaultProgram(sandbox.clientAs("viewer"), apps, { retry: fast }) };
    await refusalOf(drawLottery({ ...viewer, quota: 2 }), "not-allowed");
    const records = await readApplications(apps.applications);
    expect([...records.values()].every((r) => r.status === "申込受付" && r.runId === "")).toBe(
      true,
    );
    expect(await readLotteryLog(options.program)).toHaveLength(0);
  });

  test("a record edited after the pool was read stops the draw, names the record, and writes nothing", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, 30);
    const plan = await prepareDraw({ ...options, quota: 10 });
    await sandbox.clientAs("staff1").record.updateRecord({
      app: apps.applications,
      id: ids[7] ?? "",
      record: { company_name: { value: "社名変更" } },
    });
    const refusal = await refusalOf(drawLottery({ ...options, quota: 10, plan }), "conflict");
    expect(refusal.recordIds).toEqual([ids[7]]);
    expectNoHalfWrites(await readApplications(apps.applications));
    expect(
      [...(await readApplications(apps.applications)).values()].every((r) => r.runId === ""),
    ).toBe(true);
    expect(await readLotteryLog(options.program)).toHaveLength(0);
  });

  test("two draws started at the same moment: exactly one succeeds", async () => {
    const { apps, options } = await freshApps();
    await addPool(admin, apps.applications, 40);
    const [planA, planB] = await Promise.all([
      prepareDraw({ ...options, quota: 5 }),
      prepareDraw({ ...options, quota: 5 }),
    ]);
    const results = await Promise.allSettled([
      drawLottery({ ...options, quota: 5, plan: planA }),
      drawLottery({
        program: defaultProgram(sandbox.clientAs("staff1"), apps, { retry: fast }),
        quota: 5,
        plan: planB,
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(LotteryRefusal);
    expect((rejected.reason as LotteryRefusal).code).toBe("draw-exists");
    const winner = (
      results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{
        runId: string;
        bundle: LotteryBundle;
      }>
    ).value;
    expectWrittenAsBundle(await readApplications(apps.applications), winner.bundle, winner.runId);
    expect(await readLotteryLog(options.program)).toHaveLength(1);
  });
});

describe("faults: the end state is exactly the same ranking, never half-written", () => {
  const POOL = 2100; // 3 bulks: 900 (+ log 開始), 1,000, 200 (+ log 完了)
  const QUOTA = 50;

  test("429s and a 503 in the middle are retried", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, POOL);
    const expected = await buildBundle({ seed: SEED, quota: QUOTA, ids });
    await sandbox.control("/__sandbox/stats/reset", {});
    await sandbox.control("/__sandbox/faults", {
      status: 429,
      next: 3,
      endpoints: ["bulkRequest", "records"],
    });
    const outcome = await drawLottery({
      ...options,
      quota: QUOTA,
      seed: SEED,
      onChunkWritten: async (chunk) => {
        if (chunk === 1)
          await sandbox.control("/__sandbox/faults", {
            status: 503,
            next: 1,
            endpoints: ["bulkRequest"],
          });
      },
    });
    await sandbox.control("/__sandbox/faults", { status: 429, next: 0 });
    const stats = (await sandbox.control("/__sandbox/stats")) as {
      requests: Record<string, number>;
    };
    // succeeded: 3 bulks; reads of the log and 5 pages of the pool with the unscreened check
    // (2,100 / 500). Retried: the 3 injected 429s (they hit the first reads) and the 503 after chunk 1.
    expect(stats.requests["POST bulkRequest"]).toBe(3 + 1);
    expect(stats.requests["GET records"]).toBe(6 + 3);
    expect(outcome.bundle).toEqual(expected);
    expectWrittenAsBundle(await readApplications(apps.applications), expected, outcome.runId);
    const log = await readLotteryLog(options.program);
    expect(log[0]?.state).toBe("完了");
    expect(await verifyChain(log)).toEqual({ ok: true });
  });

  test("a crash after chunk 1 leaves whole records only; resume finishes the same ranking and nothing else can start", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, POOL);
    const expected = await buildBundle({ seed: SEED, quota: QUOTA, ids });
    const crash = new Error("killed after chunk 1");
    await expect(
      drawLottery({
        ...options,
        quota: QUOTA,
        seed: SEED,
        onChunkWritten: (chunk) => {
          if (chunk === 1) throw crash;
        },
      }),
    ).rejects.toBe(crash);

    const halfway = await readApplications(apps.applications);
    expectNoHalfWrites(halfway);
    expect([...halfway.values()].filter((r) => r.runId !== "")).toHaveLength(900);
    const [started] = await readLotteryLog(options.program);
    expect(started?.state).toBe("開始");

    await refusalOf(prepareDraw({ ...options, quota: QUOTA }), "draw-running");
    await refusalOf(
      drawLottery({ ...options, quota: QUOTA, seed: "00".repeat(32) }),
      "draw-running",
    );
    await refusalOf(promoteFromWaitlist(options), "draw-incomplete");

    const progress: Array<[number, number]> = [];
    const resumed = await resumeDraw({
      ...options,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(resumed.runId).toBe(started?.run_id);
    expect(resumed.alreadyWritten).toBe(900);
    expect(resumed.bundle).toEqual(expected);
    expect(progress.at(-1)).toEqual([POOL - 900, POOL - 900]);
    expectWrittenAsBundle(await readApplications(apps.applications), expected, resumed.runId);
    const log = await readLotteryLog(options.program);
    expect(log.map((e) => e.state)).toEqual(["完了"]);
    await refusalOf(resumeDraw(options), "no-draw-to-resume");
  });

  test("resume refuses when a pool record left the pool, naming it; `followup draw --resume` finishes after it is restored", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, 1200);
    const expected = await buildBundle({ seed: SEED, quota: QUOTA, ids });
    await expect(
      drawLottery({
        ...options,
        quota: QUOTA,
        seed: SEED,
        onChunkWritten: () => {
          throw new Error("killed");
        },
      }),
    ).rejects.toThrow("killed");
    const written = await readApplications(apps.applications);
    const pendingId =
      expected.ranking.map((e) => e.key).find((key) => written.get(key)?.runId === "") ?? "";
    await admin.record.updateRecord({
      app: apps.applications,
      id: pendingId,
      record: { eligibility: { value: "対象外" } },
    });
    const refusal = await refusalOf(resumeDraw(options), "pool-changed");
    expect(refusal.recordIds).toEqual([pendingId]);

    await admin.record.updateRecord({
      app: apps.applications,
      id: pendingId,
      record: { eligibility: { value: "適格" } },
    });
    const stdout = new PassThrough();
    let out = "";
    stdout.on("data", (chunk) => (out += String(chunk)));
    const code = await main(
      [
        "draw",
        "--resume",
        "--yes",
        "--app",
        String(apps.applications),
        "--log-app",
        String(apps.lotteryLog),
      ],
      {
        stdout,
        stderr: new PassThrough(),
        env: {
          KINTONE_BASE_URL: sandbox.baseUrl,
          KINTONE_USERNAME: "staff1",
          KINTONE_PASSWORD: "staff1",
        },
        cwd: process.cwd(),
        interactive: false,
      },
    );
    expect(code).toBe(0);
    expect(out).toContain(`シード ${SEED}`);
    const log = await readLotteryLog(options.program);
    expectWrittenAsBundle(
      await readApplications(apps.applications),
      expected,
      log[0]?.run_id ?? "",
    );
    expect(log[0]?.state).toBe("完了");
  });

  test("a record edited between chunks stops the draw naming it (409, never retried); resume finishes the same ranking", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, 1500);
    const expected = await buildBundle({ seed: SEED, quota: QUOTA, ids });
    const edited = expected.ranking[1200]?.key ?? "";
    const refusal = await refusalOf(
      drawLottery({
        ...options,
        quota: QUOTA,
        seed: SEED,
        onChunkWritten: async (chunk) => {
          if (chunk !== 1) return;
          await sandbox.clientAs("staff2").record.updateRecord({
            app: apps.applications,
            id: edited,
            record: { company_name: { value: "抽選中に編集" } },
          });
        },
      }),
      "conflict",
    );
    expect(refusal.recordIds).toEqual([edited]);
    expect(refusal.text.ja).toContain(edited);
    const halfway = await readApplications(apps.applications);
    expectNoHalfWrites(halfway);
    expect([...halfway.values()].filter((r) => r.runId !== "")).toHaveLength(900);

    const resumed = await resumeDraw(options);
    expect(resumed.bundle).toEqual(expected);
    expectWrittenAsBundle(await readApplications(apps.applications), expected, resumed.runId);
  });

  test("a bulk stored by kintone whose answer was lost (503 after commit) is recognised on retry, not redone", async () => {
    const { apps, options } = await freshApps();
    const ids = await addPool(admin, apps.applications, POOL);
    const expected = await buildBundle({ seed: SEED, quota: QUOTA, ids });
    const client = sandbox.clientAs("admin");
    const send = client.bulkRequest.bind(client);
    let attempts = 0;
    client.bulkRequest = async (params) => {
      attempts++;
      const answer = await send(params);
      // the first chunk (with the log entry) and the second are stored, then the answer is lost
      if (attempts === 1 || attempts === 3)
        throw Object.assign(new Error("503: Service Unavailable"), { status: 503 });
      return answer;
    };
    const program = defaultProgram(client, apps, { retry: fast });
    const outcome = await drawLottery({ program, quota: QUOTA, seed: SEED });
    expect(attempts).toBe(5);
    expect(outcome.bundle).toEqual(expected);
    expectWrittenAsBundle(await readApplications(apps.applications), expected, outcome.runId);
    const log = await readLotteryLog(options.program);
    expect(log.map((e) => [e.run_id, e.state])).toEqual([[outcome.runId, "完了"]]);
    expect(await verifyChain(log)).toEqual({ ok: true });
  });
});
