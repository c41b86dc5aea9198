import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { CommandContext } from "../../src/cli/command";
import { runSandbox } from "../../tools/dev/sandbox";
import { devMain as main } from "../../tools/dev/main";
import { packTestPlugin } from "../browser/support/testPlugin";

function context(args: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const ctx: CommandContext = {
    args,
    stdout,
    stderr,
    stdin: new PassThrough(),
    env: {},
    cwd,
    interactive: false,
    lang: "ja",
  };
  return { ctx, output: () => out };
}

/** The tests close the sandbox themselves instead of sending Ctrl-C. */
const never = new Promise<void>(() => undefined);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "followup-sandbox-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("followup sandbox prints the URL and demo users, keeps data on disk across restarts", async () => {
  const { ctx, output } = context(["--port", "0", "--data", "data"], dir);
  const sandbox = await runSandbox(ctx, never);
  expect(output()).toContain(sandbox.baseUrl);
  expect(output()).toMatch(/admin \/ admin/);
  expect(output()).toMatch(/viewer \/ viewer/);
  expect(sandbox.baseUrl).toMatch(/^http:\/\/localhost:\d+$/);
  const client = new KintoneRestAPIClient({
    baseUrl: sandbox.baseUrl,
    auth: { username: "admin", password: "admin" },
  });
  const { app } = await client.app.addApp({ name: "永続化" });
  await sandbox.close();

  const second = context(["--port", "0", "--data", "data"], dir);
  const again = await runSandbox(second.ctx, never);
  const reopened = new KintoneRestAPIClient({
    baseUrl: again.baseUrl,
    auth: { username: "admin", password: "admin" },
  });
  const settings = await reopened.app.getAppSettings({ app, preview: true });
  expect(settings.name).toBe("永続化");
  await again.close();
});

test("sandbox --demo creates the npm start world: the apps, demo applications and the plugin, configured", async () => {
  // A packed fixture plugin stands in for dist/plugin.zip (npm test never runs webpack).
  const plugin = await packTestPlugin();
  writeFileSync(join(dir, "plugin.zip"), plugin.zip);
  const args = ["--port", "0", "--data", ":memory:", "--demo", "--plugin", "plugin.zip"];
  const { ctx, output } = context(args, dir);
  const sandbox = await runSandbox(ctx, never);
  expect(output()).toMatch(/デモ: 申込管理 \d+/);
  expect(output()).toContain(`プラグイン ${plugin.id} を設定済み`);
  expect(output()).toMatch(
    /プラグインの設定: http:\/\/localhost:\d+\/k\/admin\/app\/\d+\/plugin\/config/,
  );
  const appId = /申込管理 (\d+)/.exec(output())?.[1];
  const client = new KintoneRestAPIClient({
    baseUrl: sandbox.baseUrl,
    auth: { username: "admin", password: "admin" },
  });
  const { totalCount } = await client.record.getRecords({
    app: appId as string,
    query: "limit 1",
    totalCount: true,
  });
  expect(Number(totalCount)).toBeGreaterThan(0);
  const { plugins } = await client.app.getPlugins({ app: appId as string });
  expect(plugins.map((p) => p.id)).toEqual([plugin.id]);
  await sandbox.close();
}, 120_000);

test("a bad --port is a usage error (exit code 2)", async () => {
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const code = await main(["sandbox", "--port", "http"], { stderr, cwd: dir });
  expect(code).toBe(2);
  expect(err).toContain("--port");
});

test("a port in use is one clear error line (exit code 1)", async () => {
  const { ctx } = context(["--port", "0", "--data", ":memory:"], dir);
  const first = await runSandbox(ctx, never);
  try {
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    const code = await main(["sandbox", "--port", String(first.port), "--data", ":memory:"], {
      stderr,
      cwd: dir,
    });
    expect(code).toBe(1);
    expect(err).toContain(`ポート ${first.port}`);
  } finally {
    await first.close();
  }
});
