/**
 * The list buttons run the real lottery against the in-process sandbox (the applications and
 * lottery log apps as setup defines them): what the dialogs show is checked against what kintone
 * then holds.
 */
import "./support/pageOverNode";
import "./support/nativeDialog";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import * as lottery from "../../src/adapters/lottery";
import { createProgram } from "../../src/adapters/program";
import { defaultPluginConfig, type PluginConfig } from "../../src/core/settings/pluginConfig";
import { showListButtons } from "../../src/desktop/listButtons";
import { seedCommitment } from "../../src/core/lottery";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { renameProcess, renamedActions, renamedStates } from "../support/renamedProcess";
import { addPool, provisionLotteryApps } from "../lottery/provision";
import { type FakeKintoneOptions, fakeKintone } from "./support/fakeKintone";

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
});
afterAll(() => sandbox.close());

/** Waits until `done()` holds: the buttons read and write kintone over REST. */
async function until(done: () => unknown): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

type Apps = { applications: number; lotteryLog: number };

function programOf(apps: Apps, config: PluginConfig) {
  return createProgram({
    client: admin,
    config,
    lang: "ja",
    source: { kind: "plugin" },
    apps,
    retry: { baseDelayMs: 1, maxDelayMs: 5, attempts: 2 },
  });
}

function configOf(apps: Apps, adjust: (config: PluginConfig) => void) {
  const config = defaultPluginConfig();
  config.apps = { ...apps, questionnaires: null };
  config.permissions.draw.users = ["staff1"];
  config.permissions.promote.users = ["staff1"];
  adjust(config);
  return config;
}

async function listScreen(
  adjust: (config: PluginConfig) => void = () => undefined,
  where: FakeKintoneOptions = {},
  apps?: Apps,
) {
  document.body.replaceChildren();
  const used = apps ?? (await provisionLotteryApps(admin));
  const fake = fakeKintone({ appId: used.applications, ...where });
  const reload = jest.fn();
  const program = programOf(used, configOf(used, adjust));
  await showListButtons(fake.k, program, { reload });
  return { ...fake, reload, apps: used, program };
}

async function click(selector: string) {
  const node = document.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no ${selector}`);
  node.click();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const text = () => document.body.textContent ?? "";
const logOf = (program: ReturnType<typeof programOf>) => lottery.readLotteryLog(program);
async function statusOf(app: number, id: string): Promise<string> {
  const { record } = await admin.record.getRecord({ app, id });
  return String(record["ステータス"]?.value);
}

describe("抽選予告 button", () => {
  it("shows the seed once and logs only its SHA-256, before the window closes", async () => {
    const open = (config: PluginConfig) => {
      config.program.window.closesAt = "2099-08-09T17:00:00+09:00";
    };
    const { program } = await listScreen(open);
    await click("#followup-notice");
    await until(() => /シード（抽選まで秘密にして保管してください）/.test(text()));
    const seed = /シード（抽選まで秘密にして保管してください）：([0-9a-f]{64})/.exec(text())?.[1];
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    await click(".followup-dialog-ok");
    await until(() => /抽選予告を記録しました/.test(text()));
    const log = await logOf(program);
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).toContain(await seedCommitment(seed ?? ""));
    expect(JSON.stringify(log)).not.toContain(seed);
    expect(text()).toContain(`チェーンの先頭：${log[0]?.entry_hash}`);
  });

  it("is refused once the configured window has closed, and logs nothing", async () => {
    const { program } = await listScreen(); // the default window closed in 2024
    await click("#followup-notice");
    await until(() => document.querySelector(".followup-dialog-ok"));
    await click(".followup-dialog-ok");
    await until(() => /申込期間は終わっています/.test(text()));
    expect(text()).toContain("締切");
    expect(await logOf(program)).toEqual([]);
  });
});

describe("抽選 button", () => {
  it("shows pool size, fingerprint and quota, draws with the seed given, then offers the bundle", async () => {
    const apps = await provisionLotteryApps(admin);
    await addPool(admin, apps.applications, 99);
    const { reload, program } = await listScreen(undefined, {}, apps);
    await click("#followup-draw");
    await until(() => document.querySelector("#followup-fingerprint"));
    expect(text()).toContain("対象（適格の申込）：99 件");
    expect(text()).toContain("当選枠：50 件");
    const fingerprint = document.querySelector("#followup-fingerprint")?.textContent;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // Plain words for the pool hash, with what it is for (issue 17): no 指紋.
    expect(text()).toContain("申込者一覧の確認用の値");
    expect(text()).toContain("誰でも確かめられます");
    expect(text()).not.toContain("指紋");
    (document.querySelector("#followup-seed") as HTMLInputElement).value = "cd".repeat(32);
    await click(".followup-dialog-ok");
    await until(() => document.querySelector("#followup-download-bundle"));
    const log = await logOf(program);
    const drawn = log.find((entry) => entry.kind === "抽選");
    expect(drawn?.seed).toBe("cd".repeat(32));
    expect(drawn?.pool_fingerprint).toBe(fingerprint);
    const result = document.querySelector("#followup-result")?.textContent;
    expect(result).toContain("当選 50 件・補欠 49 件");
    expect(result).toContain(`チェーンの先頭：${log[log.length - 1]?.entry_hash}`);
    const { records } = await admin.record.getRecords({
      app: apps.applications,
      query: 'ステータス in ("当選") limit 500',
    });
    expect(records).toHaveLength(50);
    await click(".followup-dialog-close");
    expect(reload).toHaveBeenCalled();
  });

  it("re-checks the permission list when drawing: a user taken off it since the list showed draws nothing", async () => {
    const apps = await provisionLotteryApps(admin);
    const pool = await addPool(admin, apps.applications, 2);
    const { program } = await listScreen(undefined, {}, apps);
    await click("#followup-draw");
    await until(() => document.querySelector("#followup-seed"));
    program.config.permissions.draw.users = ["staff2"];
    await click(".followup-dialog-ok");
    await until(() => /権限/.test(document.querySelector(".followup-dialog")?.textContent ?? ""));
    expect(document.querySelector(".followup-dialog")?.textContent).toMatch(/権限/);
    expect(document.querySelector("#followup-result")).toBeNull();
    expect(await logOf(program)).toEqual([]);
    for (const id of pool) expect(await statusOf(apps.applications, id)).toBe("申込受付");
  });

  it("says plainly when the lottery refuses, and draws nothing", async () => {
    const apps = await provisionLotteryApps(admin);
    await addPool(admin, apps.applications, 2);
    await addPool(admin, apps.applications, 1, "未判定");
    const { program } = await listScreen(undefined, {}, apps);
    await click("#followup-draw");
    await until(() => document.querySelector(".followup-refusal"));
    expect(document.querySelector(".followup-refusal")?.textContent).toContain("未判定");
    expect(await logOf(program)).toEqual([]);
  });

  it("offers to resume an interrupted draw with its logged ranking", async () => {
    const apps = await provisionLotteryApps(admin);
    // More than one bulkRequest of updates (20 × 100), so a draw can stop half-way.
    await addPool(admin, apps.applications, 2100);
    const { program } = await listScreen(undefined, {}, apps);
    const stopped = new Error("the page was closed after the first bulkRequest");
    await expect(
      lottery.drawLottery({
        program,
        quota: 50,
        onChunkWritten: () => {
          throw stopped;
        },
      }),
    ).rejects.toBe(stopped);
    const [interrupted] = await logOf(program);
    expect(interrupted?.kind).toBe("抽選");
    const count = async (status: string) =>
      (
        await admin.record.getRecords({
          app: apps.applications,
          query: `ステータス in ("${status}") limit 1`,
          totalCount: true,
        })
      ).totalCount;
    expect(Number(await count("申込受付"))).toBeGreaterThan(0);

    await click("#followup-draw");
    await until(() => /が途中です/.test(text()));
    expect(text()).toContain(`抽選 ${interrupted?.run_id} が途中です`);
    await click(".followup-dialog-ok");
    await until(() => document.querySelector("#followup-result"));
    // Resumed, not drawn again: one draw in the log, the same run, its ranking written.
    const log = await logOf(program);
    expect(log.filter((entry) => entry.kind === "抽選").map((e) => e.run_id)).toEqual([
      interrupted?.run_id,
    ]);
    expect(document.querySelector("#followup-result")?.textContent).toContain(
      String(interrupted?.run_id),
    );
    expect(Number(await count("申込受付"))).toBe(0);
    expect(Number(await count("当選"))).toBe(50);
  });

  it("cancelling the confirmation writes nothing", async () => {
    const apps = await provisionLotteryApps(admin);
    const pool = await addPool(admin, apps.applications, 3);
    const quotaOne = (config: PluginConfig) => {
      config.program.quota = 1;
    };
    const program = programOf(apps, configOf(apps, quotaOne));
    const { bundle } = await lottery.drawLottery({ program, quota: 1 });
    // The winner declines: one vacancy, for waitlist no. 1.
    const winner = bundle.ranking.find((r) => r.result === "当選")?.key ?? "";
    const next = bundle.ranking.find((r) => r.waitlist_no === 1)?.key ?? "";
    await admin.record.updateRecord({
      app: apps.applications,
      id: winner,
      record: { participation_intent: { value: "辞退する" } },
    });
    await admin.record.updateRecordStatus({ app: apps.applications, id: winner, action: "辞退" });
    const logged = (await logOf(program)).length;

    await listScreen(quotaOne, {}, apps);
    await click("#followup-promote");
    await until(() => /補欠順位 1/.test(text()));
    expect(text()).toContain(`補欠順位 1（レコード ${next}）`);
    await click(".followup-dialog-cancel");
    expect(await statusOf(apps.applications, next)).toBe("補欠");
    expect(await logOf(program)).toHaveLength(logged);
    expect(pool).toContain(next);
  });

  it("promotes with the app's own state and action names, as configured", async () => {
    const apps = await provisionLotteryApps(admin);
    await addPool(admin, apps.applications, 3);
    await renameProcess(admin, apps.applications);
    const renamed = (config: PluginConfig) => {
      config.program.quota = 1;
      config.states = { ...renamedStates };
      config.actions = { ...renamedActions };
    };
    const program = programOf(apps, configOf(apps, renamed));
    const { bundle } = await lottery.drawLottery({ program, quota: 1 });
    const winner = bundle.ranking.find((r) => r.result === "当選")?.key ?? "";
    const next = bundle.ranking.find((r) => r.waitlist_no === 1)?.key ?? "";
    await admin.record.updateRecord({
      app: apps.applications,
      id: winner,
      record: { participation_intent: { value: "辞退する" } },
    });
    await admin.record.updateRecordStatus({
      app: apps.applications,
      id: winner,
      action: renamedActions.decline,
    });
    expect(await statusOf(apps.applications, next)).toBe(renamedStates.waitlisted);

    await listScreen(renamed, {}, apps);
    await click("#followup-promote");
    await until(() => /補欠順位 1/.test(text()));
    await click(".followup-dialog-ok");
    await until(() => /件を当選に繰り上げました/.test(text()));
    expect(await statusOf(apps.applications, next)).toBe(renamedStates.winner);
  });
});

describe("in a guest space", () => {
  const byGroup = (config: PluginConfig) => {
    config.permissions.screen = { users: ["staff1"], groups: [] };
    config.permissions.draw = { users: [], groups: ["secretariat"] };
    config.permissions.promote = { users: [], groups: ["secretariat"] };
  };
  const ids = () => [...document.querySelectorAll("[id^=followup-]")].map((n) => n.id);

  it("shows what the listed user may do, and one notice naming the buttons only a group grants", async () => {
    await listScreen(byGroup, {
      user: { code: "staff1" },
      groups: ["secretariat"],
      guestSpaceId: 12,
    });
    expect(ids()).toEqual([
      "followup-list-buttons",
      "followup-screen",
      "followup-sync",
      "followup-groups-unknown",
    ]);
    const notice = document.querySelector("#followup-groups-unknown")?.textContent ?? "";
    expect(notice).toContain("抽選予告・抽選・繰り上げ");
    expect(notice).toContain("ユーザー欄");
  });

  it("outside a guest space the same settings show the group's buttons and no notice", async () => {
    await listScreen(byGroup, { user: { code: "staff1" }, groups: ["secretariat"] });
    expect(ids()).toContain("followup-draw");
    expect(ids()).not.toContain("followup-groups-unknown");
  });
});
