import { loggedIn, screenshot } from "./support/browser";
import { pageWithPlan, type Scenario, startScenario, waitForEvent } from "./support/scenario";

let s: Scenario;

beforeAll(async () => {
  s = await startScenario();
});
afterAll(async () => {
  await s?.close();
});

describe("plugin settings page", () => {
  it("hosts the plugin's config.html and config.js; setConfig saves strings and getConfig returns them on app pages", async () => {
    const [pluginId] = s.pluginIds;
    const page = await pageWithPlan(
      s.context,
      `/k/admin/app/${s.app}/plugin/config?pluginId=${pluginId}`,
    );
    await page.fill("#test-message", "こんにちは");
    await page.click("#test-save");
    await page.waitForFunction(
      () => document.getElementById("test-result")?.textContent === "saved",
    );
    await screenshot(page, "desktop-plugin-settings");

    await page.click("#test-save-big");
    await expect(page.locator("#test-result").textContent()).resolves.toMatch(/^refused: .*65535/);
    await page.click("#test-save-number");
    await expect(page.locator("#test-result").textContent()).resolves.toMatch(/^refused: .*string/);

    const list = await pageWithPlan(s.context, `/k/${s.app}/`);
    const configs = await list.evaluate(() => (window as any).__configAtLoad);
    expect(configs).toEqual({
      [pluginId as string]: { message: "こんにちは" },
      [s.pluginIds[1]]: {},
    });
    await list.close();
    await page.close();
  });

  it("lists the app's plugins with links to their settings, only for app administrators after login", async () => {
    const page = await pageWithPlan(s.context, `/k/admin/app/${s.app}/plugin/`);
    await expect(page.locator(".sb-plugin-item").count()).resolves.toBe(2);
    await page.close();
    const anonymous = await s.browser.newContext({ baseURL: s.sandbox.baseUrl });
    const login = await anonymous.newPage();
    await login.goto(`/k/admin/app/${s.app}/plugin/config?pluginId=${s.pluginIds[0]}`);
    expect(login.url()).toContain("/login?redirect=");
    await anonymous.close();
    const viewer = await loggedIn(s.browser, s.sandbox.baseUrl, "viewer");
    const refused = await viewer.page.goto(
      `/k/admin/app/${s.app}/plugin/config?pluginId=${s.pluginIds[0]}`,
    );
    expect(refused?.status()).toBe(403);
    await viewer.context.close();
  });
});

describe("user text is rendered as text", () => {
  const hostile = `<img src=x onerror="window.__xss=1">株式会社<b>太字</b><script>window.__xss=2</script>`;

  it("shows a company name containing markup literally and runs nothing, on every page", async () => {
    const { id } = await s.admin.record.addRecord({
      app: s.app,
      record: {
        company_name: { value: hostile },
        memo: { value: `<svg onload="window.__xss=3">` },
      },
    });
    const pages: Array<[import("playwright-core").BrowserContext, string, string]> = [
      [s.context, `/k/${s.app}/`, `tr[data-record-id="${id}"] [data-field-code=company_name]`],
      [
        s.context,
        `/k/${s.app}/show#record=${id}`,
        "[data-field-code=company_name] .sb-field-value",
      ],
      [
        s.mobileContext,
        `/k/m/${s.app}/`,
        `li[data-record-id="${id}"] [data-field-code=company_name] .sb-card-value`,
      ],
      [
        s.mobileContext,
        `/k/m/${s.app}/show?record=${id}`,
        "[data-field-code=company_name] .sb-field-value",
      ],
    ];
    for (const [context, path, selector] of pages) {
      const page = await pageWithPlan(context, path);
      await expect(page.locator(selector).textContent()).resolves.toBe(hostile);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
      expect(await page.locator("img[src=x], b, svg").count()).toBe(0);
      await page.close();
    }
    const edit = await pageWithPlan(s.context, `/k/${s.app}/show#record=${id}&mode=edit`);
    await waitForEvent(edit, "app.record.edit.show");
    await expect(edit.inputValue("[data-field-code=company_name] input")).resolves.toBe(hostile);
    expect(await edit.evaluate(() => (window as any).__xss)).toBeUndefined();
    await edit.close();
  });

  it("shows an app name containing markup literally on the portal and the app header", async () => {
    const app = Number((await s.admin.app.addApp({ name: `<i>アプリ</i>` })).app);
    await s.admin.app.deployApp({ apps: [{ app }] });
    await new Promise((done) => setTimeout(done, 300));
    const page = await pageWithPlan(s.context, "/k/");
    await expect(
      page.locator(".sb-app-item a", { hasText: "<i>アプリ</i>" }).count(),
    ).resolves.toBe(1);
    expect(await page.locator(".sb-app-list i").count()).toBe(0);
    await screenshot(page, "desktop-portal");
    await page.close();
  });
});

describe("login and language", () => {
  it("refuses a wrong password with a message, and shows English screens to an en user", async () => {
    const context = await s.browser.newContext({ baseURL: s.sandbox.baseUrl, locale: "ja-JP" });
    const page = await context.newPage();
    await page.goto(`/login?redirect=${encodeURIComponent(`/k/${s.app}/`)}`);
    await page.fill("input[name=username]", "staff_en");
    await page.fill("input[name=password]", "wrong");
    await Promise.all([page.waitForURL(/failed=1/), page.click(".sb-login-submit")]);
    await expect(page.locator(".sb-error-banner").textContent()).resolves.toBe(
      "ログイン名またはパスワードが正しくありません。",
    );
    await page.fill("input[name=username]", "staff_en");
    await page.fill("input[name=password]", "staff_en");
    await Promise.all([
      page.waitForURL(new RegExp(`/k/${s.app}/$`)),
      page.click(".sb-login-submit"),
    ]);
    await page.waitForSelector("body[data-sandbox-ready=true]");
    await expect(page.getAttribute(".sb-add", "title")).resolves.toBe("Add record");
    await expect(page.locator(".sb-next").textContent()).resolves.toBe("Next >");
    await context.close();
  });
});

describe("plugin proxy", () => {
  it("setProxyConfig on the settings page adds its headers to that plugin's proxy calls only", async () => {
    const [withConfig, without] = s.pluginIds;
    const url = `${s.sandbox.baseUrl}/k/v1/apps.json`;
    const auth = Buffer.from("admin:admin").toString("base64");
    const settings = await pageWithPlan(
      s.context,
      `/k/admin/app/${s.app}/plugin/config?pluginId=${withConfig}`,
    );
    await settings.evaluate(
      ([target, header]) =>
        new Promise<void>((done) => {
          (window as any).kintone.plugin.app.setProxyConfig(
            target,
            "GET",
            { "X-Cybozu-Authorization": header },
            {},
            done,
          );
        }),
      [url, auth] as const,
    );
    await settings.close();

    const list = await pageWithPlan(s.context, `/k/${s.app}/`);
    const answers = await list.evaluate(
      async ([target, ids]) => {
        const k = (window as any).kintone;
        const results = [];
        for (const id of ids) {
          const [body, status] = await k.plugin.app.proxy(id, target, "GET", {}, {});
          results.push({ status, apps: status === 200 ? JSON.parse(body).apps.length : 0 });
        }
        let refused = false;
        try {
          k.plugin.app.setProxyConfig(target, "GET", {}, {});
        } catch {
          refused = true;
        }
        return { results, refused };
      },
      [url, [withConfig, without]] as const,
    );
    expect(answers.results[0]).toMatchObject({ status: 200 });
    expect(answers.results[0]?.apps).toBeGreaterThan(0);
    expect(answers.results[1]).toEqual({ status: 401, apps: 0 });
    expect(answers.refused).toBe(true);
    await list.close();
  });
});
