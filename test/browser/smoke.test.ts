import type { Browser } from "playwright-core";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";
import { createTestApp } from "./support/testApp";
import { installPlugin, packTestPlugin } from "./support/testPlugin";

let sandbox: TestSandbox;
let browser: Browser;
let app: number;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchBrowser();
  const admin = sandbox.clientAs("admin");
  const first = await packTestPlugin();
  const id = await installPlugin(admin, first.zip);
  app = await createTestApp(admin, [id]);
  await admin.record.addRecords({
    app,
    records: [{ company_name: { value: "株式会社テスト" }, employees: { value: "5" } }],
  });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

it("smoke", async () => {
  const { page } = await loggedIn(browser, sandbox.baseUrl, "admin");
  await open(page, `/k/${app}/`);
  await screenshot(page, "smoke-list");
  console.log(await page.evaluate(() => JSON.stringify((window as any).__pluginLog)));
});
