/**
 * The 120 demo applications end to end through the CLI: refused while unscreened, screened,
 * drawn with `followup draw`, verified offline with `followup verify`, then 繰り上げ in waitlist
 * order with `followup promote` as winners decline.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import {
  type LotteryOptions,
  LotteryRefusal,
  prepareDraw,
  promoteFromWaitlist,
  readLotteryLog,
} from "../../src/adapters/lottery";
import { screenAllApplications } from "../../src/adapters/screening/screenAllApplications";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { main } from "../../src/cli/main";
import { type LotteryBundle, verifyChain } from "../../src/core/lottery";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { DEMO_REFERENCE_DAY } from "../../src/apps/demoApplications";
import { seedDemo } from "../../src/setup/demo";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { addPool, provisionLotteryApps } from "./provision";

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;
const cwd = mkdtempSync(path.join(tmpdir(), "lottery-cli-"));

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
});
afterAll(() => sandbox.close());

/** Runs the CLI as admin; app ids from flags when given, else from followup.apps.json in `cwd`. */
async function cli(args: string[], apps?: { applications: number; lotteryLog: number }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += String(c)));
  stderr.on("data", (c) => (err += String(c)));
  const env = {
    KINTONE_BASE_URL: sandbox.baseUrl,
    KINTONE_USERNAME: "admin",
    KINTONE_PASSWORD: "admin",
  };
  const code = await main(
    apps
      ? [...args, "--app", String(apps.applications), "--log-app", String(apps.lotteryLog)]
      : args,
    { stdout, stderr, env, cwd, interactive: false },
  );
  return { code, out, err };
}

async function statusOf(app: number, id: string): Promise<{ status: string; result: string }> {
  const { record } = await admin.record.getRecord({ app, id });
  return {
    status: String(record["ステータス"]?.value),
    result: String(record.lottery_result?.value),
  };
}

/** The applicant says no: participation_intent = 辞退する, then the 辞退 action. */
async function decline(app: number, id: string): Promise<void> {
  const { revision } = await admin.record.updateRecord({
    app,
    id,
    record: { participation_intent: { value: "辞退する" } },
  });
  await admin.record.updateRecordStatus({ app, id, action: "辞退", revision });
}

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof LotteryRefusal ? error.code : String(error);
}

describe("the 120 demo applications (steps run in order on one program)", () => {
  let apps: { applications: number; lotteryLog: number };
  let options: LotteryOptions;
  let bundle: LotteryBundle;
  const winner = (rank: number) => bundle.ranking[rank - 1]?.key ?? "";
  const waitlisted = (no: number) => bundle.ranking.find((e) => e.waitlist_no === no)?.key ?? "";

  test("no draw until every application in 申込受付 is screened and 要確認 is resolved", async () => {
    // followup setup + the demo data, as `followup sandbox --demo` does; app ids go to followup.apps.json
    const { setup, added } = await seedDemo(
      { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } },
      { cwd, createdAt: DEMO_REFERENCE_DAY },
    );
    expect(added).toBe(120);
    apps = { applications: setup.appIds.applications, lotteryLog: setup.appIds.lotteryLog };
    options = { program: defaultProgram(admin, apps) };

    expect(await refusalCode(prepareDraw({ ...options, quota: 50 }))).toBe("unscreened-records");

    const summary = await screenAllApplications(options.program, {
      now: new Date("2024-08-01T00:00:00+09:00"),
    });
    if (summary.needsReview.length > 0) {
      expect(await refusalCode(prepareDraw({ ...options, quota: 50 }))).toBe("unscreened-records");
      // a person looked at each 要確認 and accepted it
      await admin.record.updateRecords({
        app: apps.applications,
        records: summary.needsReview.map((r) => ({
          id: r.id,
          record: { eligibility: { value: "適格" } },
        })),
      });
    }
    expect((await prepareDraw({ ...options, quota: 50 })).poolSize).toBe(
      summary.counts.eligible + summary.counts.review,
    );
  });

  test("followup draw: confirmation, dry run, bad quota, the draw and its bundle, verify, no second draw", async () => {
    // without a terminal and without --yes nothing is written
    const unconfirmed = await cli(["draw", "--quota", "50"]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.err).toContain("--yes");

    const dry = await cli(["draw", "--quota", "50", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^1\t\d+\t当選\t$/m);
    expect(await readLotteryLog(options.program)).toHaveLength(0);

    const bad = await cli(["draw", "--quota", "0", "--yes"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--quota");

    const drawn = await cli(["draw", "--quota", "50", "--yes", "--out", "bundle.json"]);
    expect(drawn.err).toBe("");
    expect(drawn.code).toBe(0);
    bundle = JSON.parse(readFileSync(path.join(cwd, "bundle.json"), "utf8")) as LotteryBundle;
    for (const entry of bundle.ranking) {
      expect(await statusOf(apps.applications, entry.key)).toEqual({
        status: entry.result,
        result: entry.result,
      });
    }
    expect((await cli(["verify", "--bundle", "bundle.json"])).code).toBe(0);
    expect((await cli(["draw", "--quota", "50", "--yes"])).code).toBe(1);
  });

  test("繰り上げ fills declined winners' places in waitlist order, logged and chained", async () => {
    expect(await refusalCode(promoteFromWaitlist(options))).toBe("no-vacancy");

    await decline(apps.applications, winner(3));
    await decline(apps.applications, winner(17));
    const promoted = await cli(["promote", "--yes"]);
    expect(promoted.code).toBe(0);
    for (const no of [1, 2]) {
      expect(await statusOf(apps.applications, waitlisted(no))).toEqual({
        status: "当選",
        result: "当選",
      });
    }
    expect(await statusOf(apps.applications, waitlisted(3))).toEqual({
      status: "補欠",
      result: "補欠",
    });

    // waitlist 3 declines while waiting; the next vacancy goes to waitlist 4
    await decline(apps.applications, waitlisted(3));
    await decline(apps.applications, winner(40));
    const next = await promoteFromWaitlist({ ...options, count: 1 });
    expect(next.promoted).toEqual([{ key: waitlisted(4), waitlist_no: 4 }]);
    expect(next.declined).toEqual([winner(40)]);

    expect(await refusalCode(promoteFromWaitlist(options))).toBe("no-vacancy");
    const forced = await promoteFromWaitlist({
      ...options,
      count: 1,
      force: true,
      note: "追加予算",
    });
    expect(forced.promoted).toEqual([{ key: waitlisted(5), waitlist_no: 5 }]);

    const log = await readLotteryLog(options.program);
    expect(log.map((e) => e.kind)).toEqual(["抽選", "繰り上げ", "繰り上げ", "繰り上げ"]);
    expect(log[1]?.reason).toContain(
      `辞退・取消で空いた枠: ${[winner(3), winner(17)].sort((a, b) => Number(a) - Number(b)).join(", ")}`,
    );
    expect(log[1]?.reason).toContain(`${waitlisted(1)}（補欠1）`);
    expect(log[3]?.reason).toContain("強制");
    expect(await verifyChain(log)).toEqual({ ok: true });
  });
});

test("an empty waitlist is refused", async () => {
  const apps = await provisionLotteryApps(admin);
  const options = { program: defaultProgram(admin, apps) };
  const ids = await addPool(admin, apps.applications, 3);
  expect((await cli(["draw", "--quota", "3", "--yes"], apps)).code).toBe(0);
  await decline(apps.applications, ids[0] ?? "");
  expect(await refusalCode(promoteFromWaitlist(options))).toBe("waitlist-empty");
  const viaCli = await cli(["promote", "--yes", "--lang", "en"], apps);
  expect(viaCli.code).toBe(1);
  expect(viaCli.err).toContain("the waitlist is empty");
});

test("promotion before any draw is refused; two promotions for one vacancy at the same moment: exactly one is made", async () => {
  const apps = await provisionLotteryApps(admin);
  const options = { program: defaultProgram(admin, apps) };
  const ids = await addPool(admin, apps.applications, 6);
  expect(await refusalCode(promoteFromWaitlist(options))).toBe("no-draw");
  expect((await cli(["draw", "--quota", "2", "--yes"], apps)).code).toBe(0);
  const [log] = await readLotteryLog(options.program);
  const ranking = log?.ranking as Array<{ key: string; rank: number }>;
  const first = ranking.find((e) => e.rank === 1)?.key ?? "";
  const second = ranking.find((e) => e.rank === 2)?.key ?? "";
  await decline(apps.applications, first);
  // one vacancy: whichever way the two interleave (same log state → same sequence, or one after
  // the other → no vacancy left), only one promotion may be made
  const results = await Promise.allSettled([
    promoteFromWaitlist({ ...options, count: 1 }),
    promoteFromWaitlist({ program: defaultProgram(sandbox.clientAs("staff1"), apps), count: 1 }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  expect(lost.reason).toBeInstanceOf(LotteryRefusal);
  expect(["concurrent-append", "no-vacancy"]).toContain((lost.reason as LotteryRefusal).code);
  const entries = await readLotteryLog(options.program);
  expect(entries.map((e) => e.kind)).toEqual(["抽選", "繰り上げ"]);
  expect(await verifyChain(entries)).toEqual({ ok: true });
  // the next vacancy goes to the next in line
  await decline(apps.applications, second);
  const again = await promoteFromWaitlist({ ...options, count: 1 });
  expect(again.promoted.map((p) => p.waitlist_no)).toEqual([2]);
  expect(ids).toHaveLength(6);
});

test("on a terminal the draw asks first: 'n' writes nothing, 'y' draws", async () => {
  const apps = await provisionLotteryApps(admin);
  await addPool(admin, apps.applications, 4);
  const ask = async (answer: string) => {
    const stdin = new PassThrough();
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (c) => (err += String(c)));
    stdin.end(`${answer}\n`);
    const code = await main(
      [
        "draw",
        "--quota",
        "2",
        "--app",
        String(apps.applications),
        "--log-app",
        String(apps.lotteryLog),
      ],
      {
        stdin,
        stdout: new PassThrough(),
        stderr,
        env: {
          KINTONE_BASE_URL: sandbox.baseUrl,
          KINTONE_USERNAME: "admin",
          KINTONE_PASSWORD: "admin",
        },
        cwd,
        interactive: true,
      },
    );
    return { code, err };
  };
  const no = await ask("n");
  expect(no.err).toContain("抽選は1回だけです。よろしいですか?");
  expect(no.code).toBe(1);
  expect(await readLotteryLog(defaultProgram(admin, apps))).toHaveLength(0);
  expect((await ask("y")).code).toBe(0);
  expect(await readLotteryLog(defaultProgram(admin, apps))).toHaveLength(1);
});
