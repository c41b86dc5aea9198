/**
 * Names per display language (kintone's "言語ごとの名称"): the process-management GET answers them
 * with `lang`, and a status change names the action in the caller's display language
 * (cybozu.dev: get-process-management-settings, update-status).
 */
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createApplicationsApp, deploy } from "./records-fixtures";

let sandbox: TestSandbox;
let app: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  app = await createApplicationsApp(admin);
  await sandbox.control("/__sandbox/process-names", {
    app,
    states: { 申込受付: { en: "Received" }, 当選: { en: "Won" } },
    actions: { 当選登録: { en: "Register as winner" } },
  });
  await deploy(admin, app);
});
afterAll(() => sandbox.close());

async function winner(): Promise<string> {
  const { id } = await sandbox.clientAs("staff1").record.addRecord({
    app,
    record: { company_name: { value: "株式会社当選" }, lottery_result: { value: "当選" } },
  });
  return id;
}

test("the GET answers the default names, or those of the language asked for", async () => {
  const admin = sandbox.clientAs("admin");
  const byDefault = await admin.app.getProcessManagement({ app });
  expect(Object.keys(byDefault.states ?? {})).toContain("申込受付");
  const english = await admin.app.getProcessManagement({ app, lang: "en" });
  expect(Object.keys(english.states ?? {})).toEqual(expect.arrayContaining(["Received", "Won"]));
  expect(english.actions?.find((a) => a.to === "Won")).toMatchObject({
    name: "Register as winner",
    from: "Received",
  });
  const asUser = await sandbox.clientAs("staff_en").app.getProcessManagement({ app, lang: "user" });
  expect(Object.keys(asUser.states ?? {})).toContain("Received");
});

test("an English-language staff member runs the action by its English name, not the Japanese one", async () => {
  const english = sandbox.clientAs("staff_en");
  const id = await winner();
  const byJapanese = await kintoneFailure(
    english.record.updateRecordStatus({ app, id, action: "当選登録" }),
  );
  expect(byJapanese.code).toBe("GAIA_IL03");
  await english.record.updateRecordStatus({ app, id, action: "Register as winner" });
  const { record } = await english.record.getRecord({ app, id });
  expect(record.ステータス?.value).toBe("当選");
});

test("a Japanese-language user uses the Japanese (default) name", async () => {
  const id = await winner();
  const byEnglish = await kintoneFailure(
    sandbox.clientAs("staff1").record.updateRecordStatus({ app, id, action: "Register as winner" }),
  );
  expect(byEnglish.code).toBe("GAIA_IL03");
  await sandbox.clientAs("staff1").record.updateRecordStatus({ app, id, action: "当選登録" });
});
