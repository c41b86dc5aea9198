import { createPublicKey, sign } from "node:crypto";
import packer from "@kintone/plugin-packer";
import { getPluginConfig, setPluginConfig } from "../../sandbox/plugins/config";
import { getPluginFile, listAppPlugins } from "../../sandbox/plugins/store";
import { unzip } from "../../src/packaging/zip";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { contentsZip, zip } from "./plugin-fixtures";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const admin = () => t.clientAs("admin");

async function upload(data: Buffer, client = admin()): Promise<string> {
  return (await client.file.uploadFile({ file: { name: "plugin.zip", data } })).fileKey;
}

/** The three entries of a packed plugin, to rebuild tampered variants. */
async function repack(parts: { contents: Buffer; pubkey: Buffer; signature: Buffer }) {
  return zip({ "contents.zip": parts.contents, PUBKEY: parts.pubkey, SIGNATURE: parts.signature });
}

let privateKey: string;
let pluginId: string;

describe("installing plugins", () => {
  test("a plugin packed by @kintone/plugin-packer installs with the packer's id and version", async () => {
    const packed = await packer(await contentsZip("1.0.0"));
    privateKey = packed.privateKey;
    pluginId = packed.id;
    const answer = await admin().plugin.installPlugin({ fileKey: await upload(packed.plugin) });
    expect(answer).toEqual({ id: pluginId, version: "1.0.0" });
    const { plugins } = await admin().plugin.getPlugins({ ids: [pluginId] });
    expect(plugins).toEqual([
      {
        id: pluginId,
        name: "申込フォローアップ",
        description: "説明",
        isMarketPlugin: false,
        version: "1.0.0",
      },
    ]);
    expect(getPluginFile(t.sandbox.db, pluginId, "js/desktop.js")?.toString()).toBe(
      'console.log("desktop 1.0.0");',
    );
  });

  test("installing the same plugin twice is refused; updating it with the same key works", async () => {
    const again = await packer(await contentsZip("1.0.0"), privateKey);
    const twice = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(again.plugin) }),
    );
    expect(twice.code).toBe("CB_VA01");
    const next = await packer(await contentsZip("1.1.0"), privateKey);
    const updated = await admin().plugin.updatePlugin({
      id: pluginId,
      fileKey: await upload(next.plugin),
    });
    expect(updated).toEqual({ id: pluginId, version: "1.1.0" });
    expect(getPluginFile(t.sandbox.db, pluginId, "js/desktop.js")?.toString()).toContain("1.1.0");
  });

  test("an update whose key gives another plugin id is refused", async () => {
    const other = await packer(await contentsZip("9.9.9"));
    expect(other.id).not.toBe(pluginId);
    const error = await kintoneFailure(
      admin().plugin.updatePlugin({ id: pluginId, fileKey: await upload(other.plugin) }),
    );
    expect(error.code).toBe("CB_VA01");
    expect(JSON.stringify(error.errors)).toContain(other.id);
  });

  test("a tampered zip (contents changed after signing) is refused", async () => {
    const packed = await packer(await contentsZip("2.0.0"));
    const entries = await unzip(packed.plugin);
    const tampered = await repack({
      contents: await contentsZip("2.0.1"),
      pubkey: entries.get("PUBKEY") as Buffer,
      signature: entries.get("SIGNATURE") as Buffer,
    });
    const error = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(tampered) }),
    );
    expect(error.code).toBe("CB_VA01");
    expect(JSON.stringify(error.errors)).toContain("署名");
    const { plugins } = await admin().plugin.getPlugins({ ids: [packed.id] });
    expect(plugins).toEqual([]);
  });

  test("a correctly signed zip without manifest.json is refused", async () => {
    const contents = await zip({ "js/desktop.js": "console.log(1);" });
    const signed = await repack({
      contents,
      pubkey: createPublicKey(privateKey).export({ type: "spki", format: "der" }),
      signature: sign("sha1", contents, privateKey),
    });
    const error = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(signed) }),
    );
    expect(error.code).toBe("CB_VA01");
    expect(JSON.stringify(error.errors)).toContain("manifest.json");
  });

  test("a manifest naming a file that is not in the zip is refused", async () => {
    const contents = await zip({
      "manifest.json": JSON.stringify({
        manifest_version: 1,
        version: "1.0.0",
        type: "APP",
        name: { en: "Broken" },
        icon: "image/icon.png",
        desktop: { js: ["js/missing.js"] },
      }),
      "image/icon.png": "png",
    });
    const signed = await repack({
      contents,
      pubkey: createPublicKey(privateKey).export({ type: "spki", format: "der" }),
      signature: sign("sha1", contents, privateKey),
    });
    const error = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(signed) }),
    );
    expect(JSON.stringify(error.errors)).toContain("js/missing.js");
  });

  test("a zip that is not a plugin, or not a zip, is refused", async () => {
    const notPlugin = await zip({ "readme.txt": "hello" });
    const error = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(notPlugin) }),
    );
    expect(error.code).toBe("CB_VA01");
    const garbage = await kintoneFailure(
      admin().plugin.installPlugin({ fileKey: await upload(Buffer.from("not a zip")) }),
    );
    expect(garbage.code).toBe("CB_VA01");
  });

  test("only kintone administrators install, by password; tokens and staff are refused", async () => {
    const packed = await packer(await contentsZip("3.0.0"));
    const fileKey = await upload(packed.plugin);
    const staff = await kintoneFailure(t.clientAs("staff1").plugin.installPlugin({ fileKey }));
    expect(staff.status).toBe(403);
    expect(staff.code).toBe("CB_NO02");
    const { app } = await admin().app.addApp({ name: "トークン用" });
    const token = await t.createApiToken(app, {
      view: true,
      add: true,
      edit: true,
      delete: true,
      manage: true,
    });
    const byToken = await kintoneFailure(
      t.clientWithToken(token).plugin.installPlugin({ fileKey }),
    );
    expect(byToken.status).toBe(403);
    expect(byToken.code).toBe("GAIA_NO01");
  });
});

describe("plugins in apps", () => {
  test("a plugin added in preview reaches the live app on deploy, in order", async () => {
    const second = await packer(await contentsZip("1.0.0"));
    await admin().plugin.installPlugin({ fileKey: await upload(second.plugin) });
    const { app } = await admin().app.addApp({ name: "プラグイン" });
    await admin().app.addPlugins({ app, ids: [pluginId] });
    await admin().app.addPlugins({ app, ids: [second.id, pluginId] });
    const preview = await admin().app.getPlugins({ app, preview: true });
    expect(preview.plugins.map((p) => p.id)).toEqual([pluginId, second.id]);
    expect(preview.plugins[0]).toMatchObject({ name: "申込フォローアップ", enabled: true });
    await admin().app.deployApp({ apps: [{ app }] });
    expect((await admin().app.getPlugins({ app })).plugins).toHaveLength(2);
    expect(listAppPlugins(t.sandbox.db, Number(app)).map((p) => p.id)).toEqual([
      pluginId,
      second.id,
    ]);
    const { apps } = await admin().plugin.getApps({ id: pluginId });
    expect(apps).toEqual([{ id: app, name: "プラグイン" }]);
    const unknown = await kintoneFailure(admin().app.addPlugins({ app, ids: ["nosuchplugin"] }));
    expect(unknown.code).toBe("CB_VA01");
  });

  test("uninstalling removes the plugin; apps still using it list it as required", async () => {
    const packed = await packer(await contentsZip("1.0.0"));
    await admin().plugin.installPlugin({ fileKey: await upload(packed.plugin) });
    const { app } = await admin().app.addApp({ name: "必要" });
    await admin().app.addPlugins({ app, ids: [packed.id] });
    await admin().plugin.uninstallPlugin({ id: packed.id });
    expect((await admin().plugin.getPlugins({ ids: [packed.id] })).plugins).toEqual([]);
    const required = await admin().plugin.getRequiredPlugins({});
    expect(required.plugins.map((p) => p.id)).toContain(packed.id);
    expect(listAppPlugins(t.sandbox.db, Number(app), "preview")).toEqual([]);
    const again = await kintoneFailure(admin().plugin.uninstallPlugin({ id: packed.id }));
    expect(again.status).toBe(404);
  });

  test("plugin listing pages at most 100", async () => {
    const error = await kintoneFailure(admin().plugin.getPlugins({ limit: 101 }));
    expect(error.code).toBe("CB_VA01");
    const { plugins } = await admin().plugin.getPlugins({ offset: 0, limit: 1 });
    expect(plugins).toHaveLength(1);
  });
});

describe("plugin config storage", () => {
  test("string values are stored per app and plugin", () => {
    setPluginConfig(t.sandbox.db, 1, pluginId, { config: JSON.stringify({ schemaVersion: 1 }) });
    expect(getPluginConfig(t.sandbox.db, 1, pluginId)).toEqual({ config: '{"schemaVersion":1}' });
    expect(getPluginConfig(t.sandbox.db, 2, pluginId)).toEqual({});
  });

  test("kintone's limits: strings only, 65,535 characters per value, 256 KB per plugin", () => {
    expect(() =>
      setPluginConfig(t.sandbox.db, 1, pluginId, { n: 1 as unknown as string }),
    ).toThrow();
    expect(() => setPluginConfig(t.sandbox.db, 1, pluginId, { big: "x".repeat(65_536) })).toThrow();
    setPluginConfig(t.sandbox.db, 1, pluginId, { big: "x".repeat(65_535) });
    const five = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`k${i}`, "x".repeat(60_000)]),
    );
    expect(() => setPluginConfig(t.sandbox.db, 1, pluginId, five)).toThrow();
    expect(getPluginConfig(t.sandbox.db, 1, pluginId).big).toHaveLength(65_535);
  });
});
