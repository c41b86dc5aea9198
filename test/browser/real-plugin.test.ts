import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { pluginNeedsBuild, type StartedDemo, startDemo } from "../../tools/dev/start";
import { launchBrowser, loggedIn, open, screenshot } from "./support/browser";

/** What `npm start` gives, with the real plugin: the demo apps, 120 applications, the plugin configured. */
const projectDir = resolve(__dirname, "../..");
let dataDir: string;
let demo: StartedDemo;
let browser: Browser;
let page: Page;
const errors: string[] = [];

function start(): Promise<StartedDemo> {
  return startDemo({
    projectDir,
    dataDir,
    port: 0,
    appsFileDir: dataDir,
    lang: "ja",
    log: () => undefined,
  });
}

beforeAll(async () => {
  if (pluginNeedsBuild(projectDir)) {
    const build = spawnSync("npm", ["run", "build"], { cwd: projectDir, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  }
  dataDir = mkdtempSync(join(tmpdir(), "followup-start-"));
  demo = await start();
  browser = await launchBrowser();
  ({ page } = await loggedIn(browser, demo.sandbox.baseUrl, "staff1"));
  page.on("pageerror", (error) => errors.push(error.message));
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await demo?.sandbox.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function firstApplicationId(): Promise<string | undefined> {
  const records = await fetch(
    `${demo.sandbox.baseUrl}/k/v1/records.json?app=${demo.appIds.applications}&query=${encodeURIComponent("order by $id asc limit 1")}`,
    { headers: { "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64") } },
  ).then((response) => response.json() as Promise<{ records: Array<{ $id: { value: string } }> }>);
  return records.records[0]?.$id.value;
}

it("seeds 120 applications and loads the real plugin on the list", async () => {
  expect(demo.added).toBe(120);
  await open(page, `/k/${demo.appIds.applications}/`);
  await expect(page.locator(".sb-page-info").textContent()).resolves.toContain("/ 120");
  expect(await page.evaluate(() => (window as any).kintone.$PLUGIN_ID)).toBe(demo.pluginId);
  await page.waitForTimeout(500);
  await screenshot(page, "real-list");
  expect(errors).toEqual([]);
});

it("shows a record's detail with the plugin's panel space, and the edit form", async () => {
  const id = await firstApplicationId();
  await open(page, `/k/${demo.appIds.applications}/show#record=${id}`);
  await expect(page.locator("[data-element-id=followup_panel]").count()).resolves.toBe(1);
  await expect(page.locator(".sb-status-value").textContent()).resolves.toBe("申込受付");
  const declarations = await page
    .locator("[data-field-code=declarations] .sb-field-value")
    .innerText();
  // Each checked declaration on its own line, not one run-on line.
  expect(declarations.split("\n")).toEqual(
    expect.arrayContaining([expect.stringMatching(/^ア /), expect.stringMatching(/^キ /)]),
  );
  expect(declarations.split("\n").length).toBeGreaterThan(1);
  await page.waitForTimeout(500);
  await screenshot(page, "real-detail");
  await open(page, `/k/${demo.appIds.applications}/show#record=${id}&mode=edit`);
  await page.waitForTimeout(300);
  await screenshot(page, "real-form");
  expect(errors).toEqual([]);
});

it("shows the plugin's panel on the mobile detail screen, in the form's blank space", async () => {
  const id = await firstApplicationId();
  const mobile = await loggedIn(browser, demo.sandbox.baseUrl, "staff1", { mobile: true });
  mobile.page.on("pageerror", (error) => errors.push(error.message));
  await open(mobile.page, `/k/m/${demo.appIds.applications}/show?record=${id}`);
  const space = await mobile.page.evaluate(
    () =>
      (window as any).kintone.mobile.app.record.getSpaceElement("followup_panel")?.dataset
        .elementId,
  );
  expect(space).toBe("followup_panel");
  await mobile.page.waitForSelector("[data-element-id=followup_panel] .followup-panel");
  await mobile.page.waitForTimeout(500);
  await screenshot(mobile.page, "real-mobile-detail");
  await open(mobile.page, `/k/m/${demo.appIds.applications}/show?record=${id}#mode=edit`);
  await mobile.page.waitForTimeout(300);
  await screenshot(mobile.page, "real-mobile-form");
  // Nothing runs off the phone's screen (long checkbox choices wrap), and the header is one line.
  const fit = await mobile.page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    choicesPastEdge: [...document.querySelectorAll(".sb-choice")].filter(
      (choice) => choice.getBoundingClientRect().right > window.innerWidth,
    ).length,
    headerLines: [...document.querySelectorAll(".sb-global-header > a, .sb-user")].map((item) =>
      Math.round(item.getBoundingClientRect().height / 20),
    ),
  }));
  expect(fit).toEqual({ overflow: 0, choicesPastEdge: 0, headerLines: [1, 1, 1, 1] });
  await mobile.context.close();
  expect(errors).toEqual([]);
});

it("hosts the plugin's settings page with the defaults it was given", async () => {
  const admin = await loggedIn(browser, demo.sandbox.baseUrl, "admin");
  admin.page.on("pageerror", (error) => errors.push(error.message));
  await open(
    admin.page,
    `/k/admin/app/${demo.appIds.applications}/plugin/config?pluginId=${demo.pluginId}`,
  );
  await page.waitForTimeout(500);
  expect(await admin.page.locator("#sandbox-plugin-config *").count()).toBeGreaterThan(3);
  const config = await admin.page.evaluate(
    (id) => (window as any).kintone.plugin.app.getConfig(id),
    demo.pluginId,
  );
  expect(JSON.parse(config.config).apps.applications).toBe(demo.appIds.applications);
  await screenshot(admin.page, "real-settings");
  await open(admin.page, `/k/admin/app/${demo.appIds.applications}/plugin/`);
  const lefts = await admin.page.evaluate(() =>
    [".sb-page-title", ".sb-plugin-item"].map(
      (selector) => document.querySelector(selector)?.getBoundingClientRect().left,
    ),
  );
  // The plugin list lines up with its title, as kintone's does.
  expect(lefts[1]).toBe(lefts[0]);
  await screenshot(admin.page, "real-plugin-list");
  await admin.context.close();
  expect(errors).toEqual([]);
});

it("keeps the data across a restart and does not seed again", async () => {
  const port = demo.sandbox.port;
  await demo.sandbox.close();
  // Let this process's HTTP agent drop its kept-alive sockets to the closed server first.
  await new Promise((done) => setTimeout(done, 500));
  // eslint-disable-next-line require-atomic-updates -- the tests of this file run one after another
  demo = await startDemo({
    projectDir,
    dataDir,
    port,
    appsFileDir: dataDir,
    lang: "ja",
    log: () => undefined,
  });
  expect(demo.added).toBe(0);
  const answer = await fetch(
    `${demo.sandbox.baseUrl}/k/v1/records.json?app=${demo.appIds.applications}&totalCount=true&query=limit%201`,
    { headers: { "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64") } },
  ).then((response) => response.json() as Promise<{ totalCount: string }>);
  expect(answer.totalCount).toBe("120");
});
