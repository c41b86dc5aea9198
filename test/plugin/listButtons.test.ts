/**
 * @jest-environment jsdom
 */
jest.mock("../../src/adapters/lottery", () => ({
  ...jest.requireActual("../../src/adapters/lottery"),
  prepareDraw: jest.fn(),
  drawLottery: jest.fn(),
  resumeDraw: jest.fn(),
  promoteFromWaitlist: jest.fn(),
  commitSeed: jest.fn(),
}));
import "./support/jsdomGlobals";
import "./support/nativeDialog";
import * as lottery from "../../src/adapters/lottery";
import { createProgram } from "../../src/adapters/program";
import { defaultPluginConfig, type PluginConfig } from "../../src/core/settings/pluginConfig";
import { showListButtons } from "../../src/desktop/listButtons";
import { seedCommitment } from "../../src/core/lottery";
import { fakeClient } from "./support/fakeClient";
import { type FakeKintoneOptions, fakeKintone } from "./support/fakeKintone";

const mocked = lottery as jest.Mocked<typeof lottery>;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const bundle = {
  algorithm: "hmac-sha256-rank/v1",
  seed: "ab".repeat(32),
  quota: 1,
  pool: ["1", "2"],
  pool_fingerprint: "f".repeat(64),
  ranking: [
    { key: "2", rank: 1, result: "当選", waitlist_no: null },
    { key: "1", rank: 2, result: "補欠", waitlist_no: 1 },
  ],
};

async function listScreen(
  adjust: (config: PluginConfig) => void = () => undefined,
  where: FakeKintoneOptions = {},
) {
  document.body.replaceChildren();
  const config = defaultPluginConfig();
  config.apps.lotteryLog = 3;
  config.permissions.draw.users = ["staff1"];
  config.permissions.promote.users = ["staff1"];
  adjust(config);
  const fake = fakeKintone(where);
  const reload = jest.fn();
  const program = createProgram({
    client: fakeClient({}).client,
    config,
    lang: "ja",
    source: { kind: "plugin" },
    apps: { applications: 1 },
  });
  await showListButtons(fake.k, program, { reload });
  return { ...fake, reload };
}

async function click(selector: string) {
  const node = document.querySelector<HTMLElement>(selector);
  if (!node) throw new Error(`no ${selector}`);
  node.click();
  await flush();
  await flush();
}

beforeEach(() => jest.resetAllMocks());

describe("抽選予告 button", () => {
  it("shows the seed once and logs only its SHA-256, before the window closes", async () => {
    mocked.commitSeed.mockResolvedValue({ runId: "n", commitment: "x", chainHead: "e".repeat(64) });
    await listScreen();
    await click("#followup-notice");
    const seed = /シード（抽選まで秘密にして保管してください）：([0-9a-f]{64})/.exec(
      document.body.textContent ?? "",
    )?.[1];
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    await click(".followup-dialog-ok");
    const { commitment, closesAt } = mocked.commitSeed.mock.calls[0]?.[0] ?? {};
    expect(commitment).toBe(await seedCommitment(seed ?? ""));
    expect(closesAt).toBe(defaultPluginConfig().program.window.closesAt);
    expect(JSON.stringify(mocked.commitSeed.mock.calls[0]?.[0])).not.toContain(seed);
  });
});

describe("抽選 button", () => {
  it("shows pool size, fingerprint and quota, draws with the seed given, then offers the bundle", async () => {
    mocked.prepareDraw.mockResolvedValue({
      quota: 50,
      poolSize: 99,
      poolFingerprint: "f".repeat(64),
      keys: [],
      revisions: new Map(),
      log: [],
      statusField: "ステータス",
      openPlaces: 0,
    });
    mocked.drawLottery.mockImplementation(async (options) => {
      options.onProgress?.(100, 99);
      return {
        runId: "draw-1",
        bundle,
        bulkRequests: 1,
        logRecordId: "1",
        alreadyWritten: 0,
        chainHead: "a".repeat(64),
        openPlaces: 0,
      } as never;
    });
    const { reload } = await listScreen();
    await click("#followup-draw");
    expect(document.body.textContent).toContain("対象（適格の申込）：99 件");
    expect(document.querySelector("#followup-fingerprint")?.textContent).toBe("f".repeat(64));
    // Plain words for the pool hash, with what it is for (issue 17): no 指紋.
    expect(document.body.textContent).toContain("申込者一覧の確認用の値");
    expect(document.body.textContent).toContain("誰でも確かめられます");
    expect(document.body.textContent).not.toContain("指紋");
    (document.querySelector("#followup-seed") as HTMLElement & { value: string }).value =
      "cd".repeat(32);
    await click(".followup-dialog-ok");
    expect(mocked.drawLottery).toHaveBeenCalledWith(
      expect.objectContaining({
        quota: 50,
        seed: "cd".repeat(32),
        allowed: { users: ["staff1"], groups: [] },
      }),
    );
    expect(document.querySelector("#followup-result")?.textContent).toContain(
      "当選 1 件・補欠 1 件",
    );
    expect(document.querySelector("#followup-result")?.textContent).toContain(
      `チェーンの先頭：${"a".repeat(64)}`,
    );
    expect(document.querySelector("#followup-download-bundle")).not.toBeNull();
    await click(".followup-dialog-close");
    expect(reload).toHaveBeenCalled();
  });

  it("says plainly when the lottery refuses, and draws nothing", async () => {
    mocked.prepareDraw.mockRejectedValue(
      new lottery.LotteryRefusal("unscreened-records", {
        ja: "未判定の申込があります",
        en: "unscreened",
      }),
    );
    await listScreen();
    await click("#followup-draw");
    expect(document.querySelector(".followup-refusal")?.textContent).toContain(
      "未判定の申込があります",
    );
    expect(mocked.drawLottery).not.toHaveBeenCalled();
  });

  it("offers to resume an interrupted draw with its logged ranking", async () => {
    mocked.prepareDraw.mockRejectedValue(
      new lottery.LotteryRefusal("draw-running", {
        ja: "抽選 draw-1 が途中です",
        en: "unfinished",
      }),
    );
    mocked.resumeDraw.mockResolvedValue({
      runId: "draw-1",
      bundle,
      bulkRequests: 1,
      logRecordId: "1",
      alreadyWritten: 1,
    } as never);
    await listScreen();
    await click("#followup-draw");
    expect(document.body.textContent).toContain("抽選 draw-1 が途中です");
    await click(".followup-dialog-ok");
    expect(mocked.resumeDraw).toHaveBeenCalled();
    expect(mocked.drawLottery).not.toHaveBeenCalled();
    expect(document.querySelector("#followup-result")?.textContent).toContain("draw-1");
  });

  it("cancelling the confirmation writes nothing", async () => {
    mocked.promoteFromWaitlist.mockResolvedValue({
      runId: "p",
      drawRunId: "d",
      promoted: [{ key: "9", waitlist_no: 1 }],
      declined: ["3"],
      vacanciesBefore: 1,
      unfilled: 0,
      chainHead: "h",
    });
    await listScreen();
    await click("#followup-promote");
    expect(document.body.textContent).toContain("補欠順位 1（レコード 9）");
    await click(".followup-dialog-cancel");
    expect(mocked.promoteFromWaitlist).toHaveBeenCalledTimes(1);
    expect(mocked.promoteFromWaitlist).toHaveBeenCalledWith(
      expect.objectContaining({ dryRun: true }),
    );
  });

  it("hands the app's own state and action names to the lottery as configured", async () => {
    mocked.promoteFromWaitlist.mockResolvedValue({
      runId: "p",
      drawRunId: "d",
      promoted: [{ key: "9", waitlist_no: 1 }],
      declined: [],
      vacanciesBefore: 1,
      unfilled: 0,
      chainHead: "h",
    });
    await listScreen((config) => {
      config.states = { ...config.states, waitlisted: "補欠登録済み" };
      config.actions = { ...config.actions, promote: "繰上げ当選" };
    });
    await click("#followup-promote");
    expect(mocked.promoteFromWaitlist).toHaveBeenCalledWith(
      expect.objectContaining({
        program: expect.objectContaining({
          states: expect.objectContaining({ waitlisted: "補欠登録済み" }),
          actions: expect.objectContaining({ promote: "繰上げ当選" }),
        }),
      }),
    );
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
