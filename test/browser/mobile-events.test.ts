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

async function addRecord(company: string): Promise<string> {
  const { id } = await s.admin.record.addRecord({
    app: s.app,
    record: { company_name: { value: company }, employees: { value: "3" } },
  });
  return id;
}

beforeAll(async () => {
  s = await startScenario();
  await addRecord("モバイル既存");
});
afterAll(async () => {
  await s?.close();
});

it("the mobile list loads the plugins' mobile JS and fires mobile.app.record.index.show; desktop APIs answer null", async () => {
  const page = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/`);
  const calls = await waitForEvent(page, "mobile.app.record.index.show", 4);
  expect(calls.map((call) => call.plugin)).toEqual([
    s.pluginIds[0],
    s.pluginIds[0],
    s.pluginIds[1],
    s.pluginIds[1],
  ]);
  expect(eventsOf(await pluginLog(page), "app.record.index.show")).toEqual([]);
  await expect(page.locator("[data-test-plugin-button]").count()).resolves.toBe(2);
  const ids = await page.evaluate(() => {
    const k = (window as any).kintone;
    return [k.mobile.app.getId(), k.app.getId()];
  });
  expect(ids).toEqual([s.app, null]);
  await screenshot(page, "mobile-list");
  await page.close();
});

it("kintone.user.getGroups answers the login user's groups, or another user's, from the User API", async () => {
  const page = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/`);
  const answers = await page.evaluate(async () => {
    const user = (window as any).kintone.user;
    const failed = await user.getGroups("nobody").catch((error: any) => error);
    return [await user.getGroups(), await user.getGroups("staff1"), failed.errors?.code?.messages];
  });
  expect(answers).toEqual([
    // The demo administrator is also in the secretariat: the CLI runs as admin and must be an assignee.
    [
      { id: expect.any(String), code: "Administrators", name: "Administrators" },
      { id: expect.any(String), code: "secretariat", name: "事務局" },
    ],
    [{ id: expect.any(String), code: "secretariat", name: "事務局" }],
    [expect.stringContaining("nobody")],
  ]);
  await page.close();
});

it("mobile create: a field error cancels, then a Promise-returning handler's value is saved and submit.success fires", async () => {
  const page = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/edit`, {
    "mobile.app.record.create.submit": [
      { do: "fieldError", code: "employees", message: "モバイルで確認" },
    ],
  });
  await waitForEvent(page, "mobile.app.record.create.show", 4);
  await page.fill("[data-field-code=company_name] input", "モバイル新規");
  await page.click(".sb-save");
  const error = page.locator("[data-field-code=employees] .sb-field-error");
  await error.waitFor({ state: "visible" });
  await expect(error.textContent()).resolves.toBe("モバイルで確認");
  await screenshot(page, "mobile-form-error");
  await page.close();

  const second = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/edit`, {
    "mobile.app.record.create.submit": [
      { do: "delay", then: { do: "set", code: "memo", value: "モバイル非同期" } },
    ],
  });
  await second.fill("[data-field-code=company_name] input", "モバイル新規");
  await Promise.all([second.waitForURL(/\/k\/m\/\d+\/show\?record=\d+/), second.click(".sb-save")]);
  const saved = await s.admin.record.getRecords({
    app: s.app,
    query: 'company_name = "モバイル新規"',
  });
  expect(saved.records).toHaveLength(1);
  expect(saved.records[0]?.memo?.value).toBe("モバイル非同期");
  await second.close();
});

it("mobile detail fires mobile detail.show with the space element; mobile edit saves; mobile process.proceed can cancel with an error", async () => {
  const id = await addRecord("モバイル詳細");
  const page = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/show?record=${id}`, {
    "mobile.app.record.edit.submit": [null, { do: "set", code: "memo", value: "モバイル編集" }],
    "mobile.app.record.detail.process.proceed": [
      { do: "error", message: "モバイルでは進めません" },
    ],
  });
  await waitForEvent(page, "mobile.app.record.detail.show", 4);
  await expect(page.getAttribute("[data-element-id=panel]", "data-test-panel")).resolves.toBe(
    "filled",
  );
  const headerSpaces = () =>
    page.evaluate(() => {
      const mobile = (window as any).kintone.mobile.app;
      return [mobile.getHeaderSpaceElement()?.className, mobile.record.getHeaderMenuSpaceElement()];
    });
  // kintone mobile has a header space below the record title, and no record header menu space.
  await expect(headerSpaces()).resolves.toEqual(["sb-record-header-menu", null]);
  await screenshot(page, "mobile-detail");
  await page.click(".sb-action[data-action=確認へ]");
  await page.click(".sb-assignee-ok");
  await expect(page.locator(".sb-error-banner:not([hidden])").textContent()).resolves.toBe(
    "モバイルでは進めません",
  );

  await page.click(".sb-edit");
  await waitForEvent(page, "mobile.app.record.edit.show", 4);
  await expect(headerSpaces()).resolves.toEqual(["sb-record-header-menu", null]);
  await page.fill("[data-field-code=company_name] input", "モバイル詳細改");
  await Promise.all([page.waitForURL(/show\?record=\d+$/), page.click(".sb-save")]);
  await page.waitForSelector("body[data-sandbox-ready=true]");
  await waitForEvent(page, "mobile.app.record.edit.submit.success", 4);
  const saved = await s.admin.record.getRecord({ app: s.app, id });
  expect(saved.record.company_name?.value).toBe("モバイル詳細改");
  expect(saved.record.memo?.value).toBe("モバイル編集");
  await page.close();
});

it.each([
  ["false", { do: "false" }],
  ["a rejected Promise", { do: "reject" }],
  ["a record error", { do: "error", message: "モバイルの全体エラー" }],
] as const)("mobile edit.submit: %s cancels the save", async (_name, step) => {
  const id = await addRecord("モバイル取消");
  const page = await pageWithPlan(s.mobileContext, `/k/m/${s.app}/show?record=${id}#mode=edit`, {
    "mobile.app.record.edit.submit": [step],
  });
  await waitForEvent(page, "mobile.app.record.edit.show", 4);
  await page.fill("[data-field-code=company_name] input", "変更されない");
  await page.click(".sb-save");
  await waitForEvent(page, "mobile.app.record.edit.submit");
  if (step.do === "error") {
    await expect(page.locator(".sb-error-banner:not([hidden])").textContent()).resolves.toBe(
      step.message,
    );
  } else await page.waitForTimeout(300);
  const saved = await s.admin.record.getRecord({ app: s.app, id });
  expect(saved.record.company_name?.value).toBe("モバイル取消");
  expect(page.url()).toContain("#mode=edit");
  await page.close();
});
