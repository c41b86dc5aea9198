import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import packer from "@kintone/plugin-packer";
import { ZipFile } from "yazl";
import { readAppIds } from "../../src/adapters/appIds";
import { main } from "../../src/cli/main";
import { readPackedPlugin } from "../../src/setup/pluginZip";
import { PluginInstallNotAllowedError, uploadPlugin } from "../../src/setup/upload";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

/** 1x1 transparent PNG. */
const ICON = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

function zip(files: Record<string, Buffer | string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const archive = new ZipFile();
    for (const [name, data] of Object.entries(files)) {
      archive.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), name);
    }
    archive.end();
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}

/** A tiny plugin packed by @kintone/plugin-packer; the same key gives the same plugin id. */
async function packTestPlugin(version: number, privateKey?: string) {
  const manifest = {
    manifest_version: 1,
    version,
    type: "APP",
    name: { ja: "テストプラグイン", en: "Test plugin" },
    icon: "image/icon.png",
    desktop: { js: ["js/desktop.js"] },
  };
  const contents = await zip({
    "manifest.json": JSON.stringify(manifest),
    "image/icon.png": ICON,
    "js/desktop.js": `console.log(${version});`,
  });
  return packer(contents, privateKey);
}

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe("followup setup and upload on the sandbox", () => {
  let sandbox: TestSandbox;
  let cwd: string;
  let zipPath: string;
  let packed: Awaited<ReturnType<typeof packTestPlugin>>;

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const stdout = capture();
    const stderr = capture();
    const code = await main(args, {
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: { KINTONE_BASE_URL: sandbox.baseUrl, ...env },
      cwd,
      interactive: false,
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  test("without a terminal, setup and upload write only with --yes", async () => {
    for (const args of [["setup"], ["upload", "--zip", zipPath]]) {
      const stdout = capture();
      const stderr = capture();
      const code = await main(args, {
        stdout: stdout.stream,
        stderr: stderr.stream,
        env: { KINTONE_BASE_URL: sandbox.baseUrl },
        cwd,
        interactive: false,
      });
      expect(code).toBe(1);
      expect(stderr.text()).toContain("--yes");
    }
  });

  test("half a login is refused, never replaced by the sandbox's admin", async () => {
    const nameOnly = await run(["setup"], { KINTONE_USERNAME: "staff1" });
    expect(nameOnly.code).toBe(1);
    expect(nameOnly.stderr).toContain("KINTONE_PASSWORD がありません");
    const passwordOnly = await run(["audit"], { KINTONE_PASSWORD: "staff1" });
    expect(passwordOnly.code).toBe(1);
    expect(passwordOnly.stderr).toContain("KINTONE_USERNAME がありません");
  });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    cwd = mkdtempSync(path.join(tmpdir(), "followup-upload-"));
    packed = await packTestPlugin(1);
    zipPath = path.join(cwd, "plugin.zip");
    writeFileSync(zipPath, packed.plugin);
  });
  afterAll(() => sandbox.close());

  test("setup says what it created, then that nothing changed", async () => {
    const first = await run(["setup", "--yes"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain("申込管理（アプリID 1）: 作成しました");
    expect(first.stdout).toContain("プロセス管理を更新");
    const second = await run(["setup", "--yes", "--lang", "en"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^No changes \(/);
    const third = await run(["setup", "--yes"]);
    expect(third.stdout).toMatch(/^変更はありません/);
  });

  test("setup with an API token is refused with what to set instead", async () => {
    const result = await run(["setup", "--yes"], { KINTONE_API_TOKEN: "abc" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("API トークンでは実行できません");
  });

  test("the plugin id is derived from the zip as the packer does, the version read from its manifest", async () => {
    expect(await readPackedPlugin(packed.plugin, zipPath)).toEqual({ id: packed.id, version: "1" });
  });

  test("upload installs the plugin into both apps, then updates it", async () => {
    const ids = readAppIds(cwd, sandbox.baseUrl);
    if (!ids) throw new Error("setup first");
    const admin = sandbox.clientAs("admin");
    const installed = await uploadPlugin(admin, { zipPath, appIds: ids, pollIntervalMs: 20 });
    expect(installed).toMatchObject({ pluginId: packed.id, action: "installed", version: "1" });
    expect(installed.addedTo).toEqual([ids.applications, ids.questionnaires]);
    for (const app of [ids.applications, ids.questionnaires]) {
      const { plugins } = await admin.app.getPlugins({ app });
      expect(plugins.map((p) => p.id)).toContain(packed.id);
    }

    const next = await packTestPlugin(2, packed.privateKey);
    writeFileSync(zipPath, next.plugin);
    const result = await run(["upload", "--yes", "--zip", zipPath]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(`プラグインを更新しました（ID ${packed.id}、バージョン 2）`);
    expect(result.stdout).toContain("アプリにはすでに追加されています");
    const { plugins } = await admin.plugin.getPlugins({ ids: [packed.id] });
    expect(plugins[0]?.version).toBe("2");
  });

  test("setup installs a newer plugin zip, and leaves the same version alone", async () => {
    const next = await packTestPlugin(3, packed.privateKey);
    writeFileSync(zipPath, next.plugin);
    const updating = await run(["setup", "--yes", "--zip", zipPath]);
    expect(updating).toMatchObject({ code: 0, stderr: "" });
    expect(updating.stdout).toContain("変更はありません");
    expect(updating.stdout).toContain(
      `プラグイン: プラグインを更新しました（ID ${packed.id}、バージョン 3）`,
    );
    const again = await run(["setup", "--yes", "--zip", zipPath]);
    expect(again.stdout).toMatch(/^変更はありません[^\n]*\n$/);
  });

  test("setup without a plugin zip says how to install it later", async () => {
    const result = await run(["setup", "--yes", "--zip", path.join(cwd, "none.zip")]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("followup upload");
  });

  test("a user who is not a kintone administrator is told so, plainly", async () => {
    const ids = readAppIds(cwd, sandbox.baseUrl);
    if (!ids) throw new Error("setup first");
    await expect(
      uploadPlugin(sandbox.clientAs("staff1"), { zipPath, appIds: ids }),
    ).rejects.toBeInstanceOf(PluginInstallNotAllowedError);
    const ja = await run(["upload", "--yes", "--zip", zipPath], {
      KINTONE_USERNAME: "staff1",
      KINTONE_PASSWORD: "staff1",
    });
    expect(ja.code).toBe(1);
    expect(ja.stderr).toContain("プラグインを読み込めるのは kintone システム管理者だけです");
    const en = await run(["upload", "--yes", "--zip", zipPath, "--lang", "en"], {
      KINTONE_USERNAME: "staff1",
      KINTONE_PASSWORD: "staff1",
    });
    expect(en.stderr).toContain("only a kintone administrator can");
  });

  test("an API token is refused before anything is sent", async () => {
    const result = await run(["upload", "--yes", "--zip", zipPath], { KINTONE_API_TOKEN: "abc" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("API トークンではプラグインを読み込めません");
  });

  test("a missing or broken zip is reported in one line", async () => {
    const missing = await run(["upload", "--yes", "--zip", path.join(cwd, "nothing.zip")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("がありません");
    const broken = path.join(cwd, "broken.zip");
    writeFileSync(broken, "not a zip");
    const notPlugin = await run(["upload", "--yes", "--zip", broken]);
    expect(notPlugin.stderr).toContain("パックしたプラグインではありません");
  });
});
