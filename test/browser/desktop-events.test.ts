import type { Page } from "playwright-core";
import { screenshot } from "./support/browser";
import {
  eventsOf,
  pageWithPlan,
  pluginLog,
  type Scenario,
  startScenario,
  waitForEvent,
} from "./support/scenario";

let s: Scenario;

async function recordCount(): Promise<number> {
  const answer = await s.admin.record.getRecords({ app: s.app, totalCount: true });
  return Number(answer.totalCount);
}

async function addRecord(company: string, employees = "3"): Promise<string> {
  const { id } = await s.admin.record.addRecord({
    app: s.app,
    record: {
      company_name: { value: company },
      employees: { value: employees },
      kind: { value: "法人" },
    },
  });
  return id;
}

async function fillCreateForm(page: Page, company: string): Promise<void> {
  await page.fill("[data-field-code=company_name] input", company);
  await page.fill("[data-field-code=employees] input", "12");
}

beforeAll(async () => {
  s = await startScenario();
  for (let i = 1; i <= 23; i++) await addRecord(`既存${String(i).padStart(2, "0")}`, String(i));
});
afterAll(async () => {
  await s?.close();
});

describe("record list", () => {
  it("runs handlers in registration order, plugins in the order they were added, each with its own $PLUGIN_ID", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/`);
    const calls = await waitForEvent(page, "app.record.index.show", 4);
    expect(calls.map((call) => [call.plugin, call.handler])).toEqual([
      [s.pluginIds[0], 0],
      [s.pluginIds[0], 1],
      [s.pluginIds[1], 0],
      [s.pluginIds[1], 1],
    ]);
    expect(calls[0]?.size).toBe(20);
    expect(await page.evaluate(() => (window as any).__loadedPluginIds)).toEqual(s.pluginIds);
    await expect(page.locator("[data-test-plugin-button]").count()).resolves.toBe(2);
    await screenshot(page, "desktop-list");
    await page.click(".sb-next");
    await waitForEvent(page, "app.record.index.show", 8);
    const second = eventsOf(await pluginLog(page), "app.record.index.show").at(-1);
    expect(second?.size).toBe(3);
    await expect(page.locator("[data-test-plugin-button]").count()).resolves.toBe(2);
    expect(await page.locator(".sb-record-table tbody tr").count()).toBe(3);
    await page.close();
  });

  it("shows the view's records and answers getQuery with its condition", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/`);
    const views = await page.locator(".sb-view-select option").allTextContents();
    expect(views).toEqual(["一覧", "法人のみ"]);
    const query = await page.evaluate(() => (window as any).kintone.app.getQuery());
    expect(query).toContain("limit 20 offset 0");
    await page.close();
  });

  it("inline edit: a field error from index.edit.submit cancels the save and is shown", async () => {
    const id = await addRecord("インライン前", "4");
    const page = await pageWithPlan(s.context, `/k/${s.app}/?view=&offset=0`, {
      "app.record.index.edit.submit": [
        { do: "fieldError", code: "employees", message: "人数を確認してください" },
      ],
    });
    await page.goto(`/k/${s.app}/?offset=20`);
    await page.waitForSelector("body[data-sandbox-ready=true]");
    const row = page.locator(`tr[data-record-id="${id}"]`);
    await row.locator(".sb-inline-edit").click();
    await row.locator("[data-field-code=company_name] input").fill("インライン後");
    await row.locator(".sb-inline-save").click();
    const error = row.locator("[data-field-code=employees] .sb-field-error");
    await error.waitFor({ state: "visible" });
    await expect(error.textContent()).resolves.toBe("人数を確認してください");
    const saved = await s.admin.record.getRecord({ app: s.app, id });
    expect(saved.record.company_name?.value).toBe("インライン前");
    await page.close();
  });

  it("inline edit: saves what the last handler returned and fires index.edit.submit.success", async () => {
    const id = await addRecord("インライン2", "4");
    const page = await pageWithPlan(s.context, `/k/${s.app}/?offset=20`, {
      "app.record.index.edit.submit": [null, { do: "set", code: "employees", value: "99" }],
    });
    const row = page.locator(`tr[data-record-id="${id}"]`);
    await row.locator(".sb-inline-edit").click();
    await row.locator("[data-field-code=company_name] input").fill("インライン2改");
    await row.locator(".sb-inline-save").click();
    await waitForEvent(page, "app.record.index.edit.submit.success");
    const saved = await s.admin.record.getRecord({ app: s.app, id });
    expect(saved.record.company_name?.value).toBe("インライン2改");
    expect(saved.record.employees?.value).toBe("99");
    await page.close();
  });
});

describe("create form", () => {
  it("create.show: values the last handler returns appear in the form", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.show": [null, { do: "set", code: "memo", value: "初期メモ" }],
    });
    await waitForEvent(page, "app.record.create.show", 4);
    await expect(page.inputValue("[data-field-code=memo] textarea")).resolves.toBe("初期メモ");
    await screenshot(page, "desktop-create-form");
    await page.close();
  });

  it.each([
    [
      "a field error",
      { do: "fieldError", code: "company_name", message: "企業名を確認" },
      "企業名を確認",
      ".sb-field-error",
    ],
    [
      "a record error",
      { do: "error", message: "保存できません" },
      "保存できません",
      ".sb-error-banner",
    ],
  ] as const)(
    "create.submit: %s cancels the save and is shown",
    async (_name, step, text, selector) => {
      const before = await recordCount();
      const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
        "app.record.create.submit": [step],
      });
      await fillCreateForm(page, "エラー表示");
      await page.click(".sb-save");
      await page.waitForSelector(`${selector}:not([hidden])`);
      await expect(
        page.locator(`${selector}:not([hidden])`).first().textContent(),
      ).resolves.toContain(text);
      expect(await recordCount()).toBe(before);
      if (selector === ".sb-error-banner") await screenshot(page, "desktop-form-error");
      await page.close();
    },
  );

  it.each([
    ["false", { do: "false" }],
    ["a rejected Promise", { do: "reject" }],
    ["a Promise resolving to false", { do: "delay", then: { do: "false" } }],
    ["a thrown error", { do: "throw" }],
  ] as const)("create.submit: %s cancels the save", async (_name, step) => {
    const before = await recordCount();
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.submit": [step],
    });
    await fillCreateForm(page, "取消");
    await page.click(".sb-save");
    await waitForEvent(page, "app.record.create.submit");
    await page.waitForTimeout(300);
    expect(await recordCount()).toBe(before);
    expect(page.url()).toContain("/edit");
    const log = eventsOf(await pluginLog(page), "app.record.create.submit");
    expect(log.map((entry) => entry.handler)).toEqual([0]);
    await page.close();
  });

  it("create.submit: waits for a Promise and a thenable, saves the value they set, then create.submit.success may redirect", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.submit": [
        { do: "delay", ms: 200, then: { do: "set", code: "memo", value: "非同期で設定" } },
        { do: "thenable", then: { do: "return" } },
      ],
      "app.record.create.submit.success": [null, { do: "url", url: `/k/${s.app}/?from=success` }],
    });
    await fillCreateForm(page, "非同期保存");
    await Promise.all([page.waitForURL(/from=success/), page.click(".sb-save")]);
    const saved = await s.admin.record.getRecords({
      app: s.app,
      query: 'company_name = "非同期保存"',
    });
    expect(saved.records[0]?.memo?.value).toBe("非同期で設定");
    await page.close();
  });

  it("create.submit: changes are dropped when the last handler returns nothing; the page goes to the new record", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.submit": [
        { do: "set", code: "memo", value: "反映されない" },
        { do: "none" },
      ],
    });
    await fillCreateForm(page, "最後は無返却");
    await Promise.all([page.waitForURL(/show#record=\d+/), page.click(".sb-save")]);
    const saved = await s.admin.record.getRecords({
      app: s.app,
      query: 'company_name = "最後は無返却"',
    });
    expect(saved.records[0]?.memo?.value).toBe("");
    await page.close();
  });

  it("the second handler sees the event the first one returned", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.submit": [
        { do: "set", code: "company_name", value: "一番目が変更" },
        { do: "false" },
      ],
    });
    await fillCreateForm(page, "元の名前");
    await page.click(".sb-save");
    const calls = await waitForEvent(page, "app.record.create.submit", 2);
    expect(calls.map((call) => call.marker)).toEqual(["元の名前", "一番目が変更"]);
    await page.close();
  });

  it("record.get and record.set throw inside a handler but work outside", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`, {
      "app.record.create.show": [{ do: "recordApis" }],
    });
    await waitForEvent(page, "app.record.create.show");
    const probe = (await pluginLog(page)).find((entry) => entry.probe)?.probe;
    expect(probe).toEqual(["get:threw", "set:threw", "mobileGet:ok"]);
    const outside = await page.evaluate(() => {
      const k = (window as any).kintone;
      const { record } = k.app.record.get();
      record.company_name.value = "外から設定";
      k.app.record.set({ record });
      return k.app.record.get().record.company_name.value;
    });
    expect(outside).toBe("外から設定");
    await expect(page.inputValue("[data-field-code=company_name] input")).resolves.toBe(
      "外から設定",
    );
    await page.close();
  });

  it("shows the server's validation errors on the fields and at the top", async () => {
    const page = await pageWithPlan(s.context, `/k/${s.app}/edit`);
    await page.fill("[data-field-code=employees] input", "12");
    await page.click(".sb-save");
    await page.waitForSelector(".sb-error-banner:not([hidden])");
    await expect(
      page.locator("[data-field-code=company_name] .sb-field-error").isVisible(),
    ).resolves.toBe(true);
    await page.close();
  });
});

describe("record detail and edit", () => {
  it("detail.show fills the blank space; edit saves what edit.submit returned and returns to the detail", async () => {
    const id = await addRecord("詳細と編集", "7");
    const page = await pageWithPlan(s.context, `/k/${s.app}/show#record=${id}`, {
      "app.record.edit.submit": [null, { do: "set", code: "memo", value: "編集時に設定" }],
    });
    const shown = await waitForEvent(page, "app.record.detail.show", 4);
    expect(shown[0]?.recordId).toBe(Number(id));
    await expect(page.getAttribute("[data-element-id=panel]", "data-test-panel")).resolves.toBe(
      "filled",
    );
    await expect(
      page.locator("[data-field-code=company_name] .sb-field-value").textContent(),
    ).resolves.toBe("詳細と編集");
    await screenshot(page, "desktop-detail");
    await page.click(".sb-edit");
    await waitForEvent(page, "app.record.edit.show", 4);
    await page.fill("[data-field-code=company_name] input", "編集後");
    await page.click(".sb-save");
    await waitForEvent(page, "app.record.edit.submit.success", 4);
    await waitForEvent(page, "app.record.detail.show", 8);
    expect(page.url()).toMatch(new RegExp(`show#record=${id}$`));
    const saved = await s.admin.record.getRecord({ app: s.app, id });
    expect(saved.record.company_name?.value).toBe("編集後");
    expect(saved.record.memo?.value).toBe("編集時に設定");
    await page.close();
  });

  it("edit.show can disable a field", async () => {
    const id = await addRecord("無効化", "1");
    const page = await pageWithPlan(s.context, `/k/${s.app}/show#record=${id}&mode=edit`, {
      "app.record.edit.show": [null, { do: "disable", code: "employees" }],
    });
    await waitForEvent(page, "app.record.edit.show", 4);
    await expect(page.isDisabled("[data-field-code=employees] input")).resolves.toBe(true);
    await page.close();
  });

  it("process.proceed: false and event.error cancel the action; the error is shown", async () => {
    const id = await addRecord("プロセス取消", "2");
    for (const step of [{ do: "false" }, { do: "error", message: "まだ進められません" }] as const) {
      const page = await pageWithPlan(s.context, `/k/${s.app}/show#record=${id}`, {
        "app.record.detail.process.proceed": [step],
      });
      await page.click(".sb-action[data-action=確認へ]");
      await page.click(".sb-assignee-ok");
      await waitForEvent(page, "app.record.detail.process.proceed");
      if (step.do === "error") {
        await expect(page.locator(".sb-error-banner:not([hidden])").textContent()).resolves.toBe(
          "まだ進められません",
        );
      } else await page.waitForTimeout(300);
      const saved = await s.admin.record.getRecord({ app: s.app, id });
      expect(saved.record.Status?.value ?? statusOf(saved.record)).toBe("受付");
      await page.close();
    }
  });

  it("process.proceed: the user chooses the assignee; record changes are saved with the status; detail.show fires again", async () => {
    const id = await addRecord("プロセス実行", "2");
    const page = await pageWithPlan(s.context, `/k/${s.app}/show#record=${id}`, {
      "app.record.detail.process.proceed": [
        { do: "delay", then: { do: "set", code: "memo", value: "アクション時に記録" } },
      ],
    });
    await page.click(".sb-action[data-action=確認へ]");
    await page.selectOption(".sb-assignee-select", "staff2");
    await page.click(".sb-assignee-ok");
    const calls = await waitForEvent(page, "app.record.detail.process.proceed", 4);
    expect(calls[0]).toMatchObject({ action: "確認へ", nextStatus: "確認中" });
    await waitForEvent(page, "app.record.detail.show", 8);
    await expect(page.locator(".sb-status-value").textContent()).resolves.toBe("確認中");
    const saved = await s.admin.record.getRecord({ app: s.app, id });
    expect(statusOf(saved.record)).toBe("確認中");
    expect(JSON.stringify(saved.record)).toContain("staff2");
    expect(saved.record.memo?.value).toBe("アクション時に記録");
    await screenshot(page, "desktop-detail-status");
    await page.close();
  });
});

function statusOf(record: Record<string, { type: string; value: unknown }>): unknown {
  return Object.values(record).find((field) => field.type === "STATUS")?.value;
}
