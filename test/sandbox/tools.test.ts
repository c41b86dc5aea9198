/**
 * The official tools against the sandbox, unchanged: kintone-dts-gen reads the form, and
 * cli-kintone's `plugin upload` installs and then updates a packed plugin over the REST plugin API.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import packer from "@kintone/plugin-packer";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { contentsZip } from "./plugin-fixtures";

const run = promisify(execFile);
const bin = (name: string) => join(__dirname, "../../node_modules/.bin", name);

let t: TestSandbox;
let dir: string;
beforeAll(async () => {
  t = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), "sandbox-tools-"));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ["--base-url", t.baseUrl, "--username", "admin", "--password", "admin"];

test("kintone-dts-gen writes field types from the live form", async () => {
  const admin = t.clientAs("admin");
  const { app } = await admin.app.addApp({ name: "型" });
  await admin.app.addFormFields({
    app,
    properties: {
      company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
      employees: { type: "NUMBER", code: "employees", label: "従業員数" },
      bundle: { type: "FILE", code: "bundle", label: "バンドル" },
    },
  });
  await admin.app.deployApp({ apps: [{ app }] });
  const out = join(dir, "fields.d.ts");
  await run(bin("kintone-dts-gen"), [...auth(), "--app-id", app, "-o", out]);
  const dts = readFileSync(out, "utf8");
  expect(dts).toMatch(/company_name: kintone\.fieldTypes\.SingleLineText;/);
  expect(dts).toMatch(/employees: kintone\.fieldTypes\.Number;/);
  expect(dts).toMatch(/bundle: kintone\.fieldTypes\.File;/);
  expect(dts).toMatch(/kintone\.fieldTypes\.RecordNumber;/);
});

test("cli-kintone plugin upload installs, then updates, the same plugin", async () => {
  const first = await packer(await contentsZip("1.0.0"));
  const zipPath = join(dir, "plugin.zip");
  writeFileSync(zipPath, first.plugin);
  await run(bin("cli-kintone"), ["plugin", "upload", "--input", zipPath, "--yes", ...auth()]);
  const admin = t.clientAs("admin");
  expect((await admin.plugin.getPlugins({ ids: [first.id] })).plugins[0]?.version).toBe("1.0.0");

  const second = await packer(await contentsZip("1.2.0"), first.privateKey);
  writeFileSync(zipPath, second.plugin);
  await run(bin("cli-kintone"), ["plugin", "upload", "--input", zipPath, "--yes", ...auth()]);
  expect((await admin.plugin.getPlugins({ ids: [first.id] })).plugins[0]?.version).toBe("1.2.0");
}, 60_000);

test("cli-kintone customize apply uploads JS, sets the customization and deploys it", async () => {
  const admin = t.clientAs("admin");
  const { app } = await admin.app.addApp({ name: "カスタマイズ適用" });
  await admin.app.deployApp({ apps: [{ app }] });
  writeFileSync(join(dir, "desktop.js"), "console.log('customized');");
  const manifest = {
    app,
    scope: "ALL",
    desktop: { js: ["https://example.com/lib.js", join(dir, "desktop.js")], css: [] },
    mobile: { js: [], css: [] },
  };
  const manifestPath = join(dir, "customize-manifest.json");
  writeFileSync(manifestPath, JSON.stringify(manifest));
  await run(bin("cli-kintone"), [
    "customize",
    "apply",
    "--input",
    manifestPath,
    "--app",
    app,
    "--yes",
    ...auth(),
  ]);
  const live = await admin.app.getAppCustomize({ app });
  expect(live.desktop.js[0]).toEqual({ type: "URL", url: "https://example.com/lib.js" });
  expect(live.desktop.js[1]).toMatchObject({ type: "FILE", file: { name: "desktop.js" } });
  const file = live.desktop.js[1] as { file: { fileKey: string } };
  const data = await admin.file.downloadFile({ fileKey: file.file.fileKey });
  expect(Buffer.from(data).toString()).toBe("console.log('customized');");
}, 60_000);
