import { appRights } from "../../src/apps/model";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { kintoneFailure } from "../support/kintoneError";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const admin = () => t.clientAs("admin");

async function deploy(app: string) {
  await admin().app.deployApp({ apps: [{ app }] });
  for (;;) {
    const { apps } = await admin().app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status !== "PROCESSING") return apps[0]?.status;
  }
}

describe("creating and deploying apps", () => {
  test("a new app exists only in preview until it is deployed", async () => {
    const { app, revision } = await admin().app.addApp({ name: "申込管理" });
    expect(Number(revision)).toBeGreaterThan(0);
    expect((await kintoneFailure(admin().app.getApp({ id: app }))).code).toBe("GAIA_AP01");
    expect((await admin().app.getApps({ ids: [app] })).apps).toEqual([]);
    await expect(admin().app.getFormFields({ app, preview: true })).resolves.toBeDefined();
    expect(await deploy(app)).toBe("SUCCESS");
    const info = await admin().app.getApp({ id: app });
    expect(info).toMatchObject({ appId: app, name: "申込管理", creator: { code: "admin" } });
  });

  test("the deploy status is polled: PROCESSING first, then SUCCESS", async () => {
    const { app } = await admin().app.addApp({ name: "ポーリング" });
    await admin().app.deployApp({ apps: [{ app }] });
    const first = await admin().app.getDeployStatus({ apps: [app] });
    const second = await admin().app.getDeployStatus({ apps: [app] });
    expect(first.apps[0]?.status).toBe("PROCESSING");
    expect(second.apps[0]?.status).toBe("SUCCESS");
  });

  test("app names must be 1 to 64 characters", async () => {
    const tooLong = "あ".repeat(65);
    const error = await kintoneFailure(admin().app.addApp({ name: tooLong }));
    expect(error.code).toBe("CB_VA01");
    expect(error.errors).toHaveProperty("name");
    await expect(admin().app.addApp({ name: "あ".repeat(64) })).resolves.toBeDefined();
  });

  test("an API token may not create apps", async () => {
    const { app } = await admin().app.addApp({ name: "トークン" });
    const token = await t.createApiToken(app, { manage: true });
    const error = await kintoneFailure(t.clientWithToken(token).app.addApp({ name: "x" }));
    expect(error.status).toBe(403);
  });

  test("a deploy of more than 300 apps is refused", async () => {
    const apps = Array.from({ length: 301 }, (_, i) => ({ app: i + 1 }));
    const error = await kintoneFailure(admin().app.deployApp({ apps }));
    expect(error.code).toBe("CB_VA01");
  });
});

describe("preview and live settings", () => {
  test("a setting changed in preview goes live only on deploy; revert throws it away", async () => {
    const { app } = await admin().app.addApp({ name: "設定" });
    await deploy(app);
    await admin().app.updateAppSettings({ app, name: "設定（改）", description: "説明" });
    expect((await admin().app.getAppSettings({ app })).name).toBe("設定");
    expect((await admin().app.getAppSettings({ app, preview: true })).name).toBe("設定（改）");
    await deploy(app);
    expect((await admin().app.getAppSettings({ app })).name).toBe("設定（改）");
    expect((await admin().app.getApp({ id: app })).description).toBe("説明");

    await admin().app.updateAppSettings({ app, name: "捨てる変更" });
    await admin().app.deployApp({ apps: [{ app }], revert: true });
    expect((await admin().app.getDeployStatus({ apps: [app] })).apps[0]?.status).toBe("PROCESSING");
    expect((await admin().app.getDeployStatus({ apps: [app] })).apps[0]?.status).toBe("SUCCESS");
    expect((await admin().app.getAppSettings({ app, preview: true })).name).toBe("設定（改）");
  });

  test("live and preview report their own revisions; a stale revision is a 409 GAIA_CO02", async () => {
    const { app } = await admin().app.addApp({ name: "リビジョン" });
    await deploy(app);
    const live = await admin().app.getAppSettings({ app });
    const { revision } = await admin().app.updateAppSettings({
      app,
      description: "1",
      revision: live.revision,
    });
    expect(Number(revision)).toBe(Number(live.revision) + 1);
    expect((await admin().app.getAppSettings({ app })).revision).toBe(live.revision);
    expect((await admin().app.getAppSettings({ app, preview: true })).revision).toBe(revision);
    const stale = await kintoneFailure(
      admin().app.updateAppSettings({ app, description: "2", revision: live.revision }),
    );
    expect(stale.status).toBe(409);
    expect(stale.code).toBe("GAIA_CO02");
    const staleDeploy = await kintoneFailure(
      admin().app.deployApp({ apps: [{ app, revision: live.revision }] }),
    );
    expect(staleDeploy.code).toBe("GAIA_CO02");
    await expect(
      admin().app.updateAppSettings({ app, description: "3", revision: -1 }),
    ).resolves.toBeDefined();
  });

  test("customize settings are stored per stage", async () => {
    const { app } = await admin().app.addApp({ name: "カスタマイズ" });
    await admin().app.updateAppCustomize({
      app,
      scope: "ADMIN",
      desktop: { js: [{ type: "URL", url: "https://example.com/a.js" }], css: [] },
    });
    await deploy(app);
    const live = await admin().app.getAppCustomize({ app });
    expect(live.scope).toBe("ADMIN");
    expect(live.desktop.js).toEqual([{ type: "URL", url: "https://example.com/a.js" }]);
  });

  test("app permissions decide who may manage: granting the viewer app management", async () => {
    const { app } = await admin().app.addApp({ name: "権限" });
    await deploy(app);
    const viewer = t.clientAs("viewer");
    expect((await kintoneFailure(viewer.app.getAppSettings({ app, preview: true }))).code).toBe(
      "CB_NO02",
    );
    const { rights } = await admin().app.getAppAcl({ app, preview: true });
    await admin().app.updateAppAcl({
      app,
      rights: [
        {
          entity: { type: "USER", code: "viewer" },
          ...appRights(true),
        },
        ...rights,
      ],
    });
    await deploy(app);
    await expect(viewer.app.getAppSettings({ app, preview: true })).resolves.toBeDefined();
  });
});

describe("listing apps", () => {
  test("filters by ids, name and paging; limit is at most 100", async () => {
    const created: string[] = [];
    for (const name of ["一覧A", "一覧B", "別名C"]) {
      const { app } = await admin().app.addApp({ name });
      await deploy(app);
      created.push(app);
    }
    const byIds = await admin().app.getApps({ ids: created });
    expect(byIds.apps.map((a) => a.name)).toEqual(["一覧A", "一覧B", "別名C"]);
    const byName = await admin().app.getApps({ name: "一覧" });
    expect(byName.apps.map((a) => a.name)).toEqual(["一覧A", "一覧B"]);
    const paged = await admin().app.getApps({ ids: created, offset: 1, limit: 1 });
    expect(paged.apps.map((a) => a.name)).toEqual(["一覧B"]);
    expect((await kintoneFailure(admin().app.getApps({ limit: 101 }))).code).toBe("CB_VA01");
  });

  test("a token lists only its own app", async () => {
    const { app } = await admin().app.addApp({ name: "トークン一覧" });
    await deploy(app);
    const token = await t.createApiToken(app);
    const { apps } = await t.clientWithToken(token).app.getApps({});
    expect(apps.map((a) => a.appId)).toEqual([app]);
  });
});
