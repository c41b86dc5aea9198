/**
 * @jest-environment jsdom
 */
import "./support/jsdomGlobals";
import { registerConfig, ROOT_ID } from "../../src/config/register";
import { applicationFromRecord, fieldResolver } from "../../src/core/application";
import {
  defaultPluginConfig,
  parsePluginConfig,
  serializePluginConfig,
} from "../../src/core/settings/pluginConfig";
import { APPLICATION_FIELDS } from "../../src/core/vocabulary";
import { COMPATIBLE_FIELD_TYPES } from "../../src/core/settings/fieldTypes";
import { configPageClient, OTHER_APPS, saveAndSettle } from "./support/configPageClient";
import { fakeKintone } from "./support/fakeKintone";

/** A form with every default field, the given code renamed. */
function formFields(rename: Record<string, string> = {}) {
  return APPLICATION_FIELDS.map((field): { code: string; type: string; label: string } => ({
    code: rename[field] ?? field,
    type: COMPATIBLE_FIELD_TYPES[field][0] ?? "SINGLE_LINE_TEXT",
    label: field,
  })).concat([{ code: "memo", type: "MULTI_LINE_TEXT", label: "メモ" }]);
}

/** Waits until `done()` holds (the save reads and hashes the log before it calls setConfig). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

async function openPage(
  stored: Record<string, string>,
  fields = formFields(),
  where: { guestSpaceId?: number } = {},
) {
  document.body.replaceChildren();
  const root = document.createElement("div");
  root.id = ROOT_ID;
  document.body.append(root);
  const fake = fakeKintone({ config: stored, ...where });
  const rest = configPageClient(fields);
  const getFormFields = rest.getFormFields;
  await registerConfig(fake.k, "p", { client: () => rest.client });
  const input = (path: string) =>
    root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-path="${path}"]:not(div)`);
  const errorOf = (path: string) => root.querySelector(`div[data-path="${path}"]`)?.textContent;
  const save = () => saveAndSettle(root);
  // The other apps of a configured program (the page checks them against kintone before saving).
  for (const [key, id] of Object.entries(OTHER_APPS)) {
    const app = root.querySelector<HTMLInputElement>(`input[data-path="apps.${key}"]`);
    if (app && app.value === "") app.value = String(id);
  }
  return { ...fake, rest, getFormFields, root, input, errorOf, save };
}

describe("plugin settings page", () => {
  it("reads the form fields from the preview settings and lists only compatible ones", async () => {
    const page = await openPage({}, formFields({ employees: "従業員数" }));
    expect(page.rest.mock.app.getFormFields).toHaveBeenCalledWith({ app: 1, preview: true });
    const select = page.input("fieldMap.visit_report") as HTMLSelectElement;
    const options = [...select.options].map((o) => o.value);
    expect(options).toEqual([
      "",
      "eligibility_notes",
      "staff_decision_reason",
      "withdrawal_reason",
      "visit_report",
      "memo",
    ]);
    const employees = page.input("fieldMap.employees") as HTMLSelectElement;
    expect(employees.value).toBe("employees");
    expect([...employees.options].map((o) => o.value)).toContain("従業員数");
  });

  it("shows each problem beside its input and does not save", async () => {
    const page = await openPage({}, formFields({ employees: "従業員数" }));
    (page.input("program.quota") as HTMLInputElement).value = "0";
    (page.input("program.window.closesAt") as HTMLInputElement).value = "2024-07-01T00:00";
    (page.input("apps.lotteryLog") as HTMLInputElement).value = "abc";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("program.quota")).toMatch(/0 より大きい/);
    expect(page.errorOf("program.window.closesAt")).toMatch(/受付開始より後/);
    expect(page.errorOf("apps.lotteryLog")).toMatch(/整数/);
    expect(page.errorOf("fieldMap.employees")).toMatch(/見つからないか|ありません/);
    expect(page.root.querySelector("#followup-config-summary")?.textContent).toMatch(/件の問題/);
  });

  it("saves one versioned document of strings that reads back as entered", async () => {
    const stored = defaultPluginConfig();
    stored.program.messages.PHONE_FORMAT = { ja: "独自の文言" };
    const page = await openPage(
      serializePluginConfig(stored),
      formFields({ employees: "従業員数" }),
    );
    (page.input("fieldMap.employees") as HTMLSelectElement).value = "従業員数";
    (page.input("program.quota") as HTMLInputElement).value = "40";
    (page.input("apps.lotteryLog") as HTMLInputElement).value = "3";
    (page.input("permissions.draw.groups") as HTMLInputElement).value = "secretariat, 抽選担当";
    (page.input("states.winner") as HTMLInputElement).value = "当選者";
    await page.save();
    await until(() => page.savedConfigs.length > 0);
    expect(page.k.plugin.app.setConfig).toHaveBeenCalledTimes(1);
    const saved = page.savedConfigs[0] ?? {};
    // The same document went into the lottery log first, as a 設定 entry (spec v2 §6).
    const [bulk] = page.rest.mock.bulkRequest.mock.calls[0] ?? [];
    const append = (bulk?.requests[0] ?? {}) as {
      payload?: { app?: number; record?: Record<string, { value: string }> };
    };
    expect(append.payload?.app).toBe(3);
    expect(append.payload?.record?.kind?.value).toBe("設定");
    expect(JSON.parse(append.payload?.record?.ranking?.value ?? "null")).toEqual(
      JSON.parse(saved.config ?? "null"),
    );
    const parsed = parsePluginConfig(saved);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.config.fieldMap).toEqual({ employees: "従業員数" });
    expect(parsed.config.program.quota).toBe(40);
    expect(parsed.config.apps.lotteryLog).toBe(3);
    expect(parsed.config.permissions.draw.groups).toEqual(["secretariat", "抽選担当"]);
    expect(parsed.config.states.winner).toBe("当選者");
    expect(parsed.config.program.messages.PHONE_FORMAT).toEqual({ ja: "独自の文言" });
  });

  it("saves nothing when the lottery log cannot take the settings, and says why", async () => {
    const page = await openPage(serializePluginConfig(defaultPluginConfig()));
    (page.input("apps.lotteryLog") as HTMLInputElement).value = "3";
    page.rest.mock.bulkRequest.mockRejectedValueOnce(new Error("権限がありません。"));
    await page.save();
    const summary = () => page.root.querySelector("#followup-config-summary")?.textContent ?? "";
    await until(() => summary().includes("保存していません"));
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.root.querySelector("#followup-config-summary")?.textContent).toMatch(
      /抽選記録に書き込めなかったため、保存していません：権限がありません。/,
    );
  });

  it("maps the app's option labels like state names and keeps the round-1 list; screening reads them", async () => {
    const page = await openPage({});
    const entity = page.input("optionMap.entity_type.0") as HTMLInputElement;
    expect(entity.value).toBe("会社");
    entity.value = "株式会社等";
    const list = page.root.querySelector<HTMLTextAreaElement>(
      'textarea[data-path="program.roundOneParticipants"]',
    );
    expect(list).not.toBeNull();
    if (list) list.value = "7010705000725\n山田デザイン事務所, 東京都新宿区西新宿2-8-1\n\n";
    await page.save();
    const parsed = parsePluginConfig(page.savedConfigs[0] ?? {});
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.config.optionMap).toEqual({ entity_type: { 会社: "株式会社等" } });
    expect(parsed.config.program.roundOneParticipants).toEqual([
      { corporateNumber: "7010705000725", name: "", address: "" },
      { corporateNumber: "", name: "山田デザイン事務所", address: "東京都新宿区西新宿2-8-1" },
    ]);
    const application = applicationFromRecord(
      { entity_type: { value: "株式会社等" } },
      fieldResolver(parsed.config.fieldMap),
      parsed.config.optionMap,
    );
    expect(application.entity_type).toBe("会社");

    const again = await openPage(serializePluginConfig(parsed.config));
    expect((again.input("optionMap.entity_type.0") as HTMLInputElement).value).toBe("株式会社等");
    expect(again.root.querySelector<HTMLTextAreaElement>("textarea")?.value.split("\n")).toEqual([
      "7010705000725",
      "山田デザイン事務所, 東京都新宿区西新宿2-8-1",
    ]);
  });

  it("takes the window as dates and times in Japan time and stores the instants with +09:00", async () => {
    const stored = defaultPluginConfig();
    stored.program.window = {
      opensAt: "2024-07-11T15:00:00Z",
      closesAt: "2024-08-09T16:59:59+09:00",
    };
    const page = await openPage(serializePluginConfig(stored));
    const opens = page.input("program.window.opensAt") as HTMLInputElement;
    const closes = page.input("program.window.closesAt") as HTMLInputElement;
    expect(opens.type).toBe("datetime-local");
    expect(opens.value).toBe("2024-07-12T00:00");
    expect(closes.value).toMatch(/^2024-08-09T16:59:59(\.000)?$/); // jsdom adds the milliseconds
    // The stored ISO text is no longer printed beside the inputs.
    expect(page.root.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(opens.closest(".followup-config-row")?.textContent).toContain("日本時間");

    closes.value = "2024-08-30T17:00";
    await page.save();
    const parsed = parsePluginConfig(page.savedConfigs[0] ?? {});
    expect(parsed.success && parsed.config.program.window).toEqual({
      opensAt: "2024-07-12T00:00:00+09:00",
      closesAt: "2024-08-30T17:00:00+09:00",
    });
  });

  it("asks for a date and time beside a window input left blank", async () => {
    const page = await openPage({});
    (page.input("program.window.opensAt") as HTMLInputElement).value = "";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("program.window.opensAt")).toBe("日付と時刻を入力してください。");
    expect(page.errorOf("program.window.closesAt")).toBe("");
  });

  it("shows field labels from the form as text", async () => {
    const fields = formFields();
    const memo = fields.find((f) => f.code === "memo");
    if (memo) memo.label = "<b>メモ</b>";
    const page = await openPage({}, fields);
    expect(page.root.querySelector("b")).toBeNull();
    expect(page.root.textContent).toContain("<b>メモ</b> (memo)");
  });
});

describe("plugin settings page in the questionnaire app", () => {
  it("hides what only the applications app uses once the role is questionnaires", async () => {
    const page = await openPage({});
    const mapping = page.input("fieldMap.company_name")?.closest("fieldset");
    expect(mapping?.hidden).toBe(false);
    const role = page.input("role") as HTMLSelectElement;
    role.value = "questionnaires";
    role.dispatchEvent(new Event("change"));
    expect(mapping?.hidden).toBe(true);
    expect(page.input("apps.applications")?.closest("fieldset")?.hidden).toBe(false);
  });
});

describe("plugin settings page checks the other apps against kintone before saving", () => {
  const appInput = (page: Awaited<ReturnType<typeof openPage>>, key: string) =>
    page.input(`apps.${key}`) as HTMLInputElement;

  it("refuses app id 999 beside its input, without asking kintone for an app it does not list", async () => {
    const page = await openPage({});
    appInput(page, "lotteryLog").value = "999";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("apps.lotteryLog")).toBe(
      "アプリ（ID: 999）が見つかりません。抽選記録アプリのアプリIDを確認してください。",
    );
    expect(page.errorOf("apps.questionnaires")).toBe("");
    const askedFields = page.getFormFields.mock.calls.map((c) => c[0].app);
    expect(askedFields).not.toContain(999);
  });

  it("asks for the app ids the program needs when they are blank", async () => {
    const page = await openPage({});
    appInput(page, "questionnaires").value = "";
    appInput(page, "lotteryLog").value = " ";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("apps.questionnaires")).toBe("質問票アプリのアプリIDを入力してください。");
    expect(page.errorOf("apps.lotteryLog")).toBe("抽選記録アプリのアプリIDを入力してください。");
  });

  it("says when an app lacks the fields the plugin reads, or the plugin, and when ids are swapped", async () => {
    const page = await openPage({});
    // Swapped: the lottery log has no application_no and no plugin; the questionnaire app no log fields.
    appInput(page, "questionnaires").value = String(OTHER_APPS.lotteryLog);
    appInput(page, "lotteryLog").value = String(OTHER_APPS.questionnaires);
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("apps.questionnaires")).toContain(
      "アプリ（ID: 3）に質問票アプリのフィールドがありません：application_no。",
    );
    expect(page.errorOf("apps.questionnaires")).toContain(
      "アプリ（ID: 3）にこのプラグインが追加されていません。",
    );
    expect(page.errorOf("apps.lotteryLog")).toMatch(
      /抽選記録アプリのフィールドがありません：sequence, run_id/,
    );
  });

  it("refuses this app's own id as another app", async () => {
    const page = await openPage({});
    appInput(page, "questionnaires").value = "1";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("apps.questionnaires")).toMatch(/このアプリ自身のID（1）/);
  });

  it("in the questionnaire app, checks the applications app id", async () => {
    const page = await openPage({});
    const role = page.input("role") as HTMLSelectElement;
    role.value = "questionnaires";
    appInput(page, "applications").value = "";
    await page.save();
    expect(page.errorOf("apps.applications")).toBe("申込管理アプリのアプリIDを入力してください。");
    appInput(page, "applications").value = "1";
    await page.save();
    expect(page.errorOf("apps.applications")).toMatch(/このアプリ自身のID/);
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
  });
});

describe("who may operate, in a guest space", () => {
  const stored = () => {
    const config = defaultPluginConfig();
    config.permissions.screen = { users: ["staff1"], groups: ["secretariat", "Administrators"] };
    config.permissions.draw = { users: [], groups: ["Administrators"] };
    return serializePluginConfig(config);
  };
  const warning = (root: HTMLElement, op: string) =>
    root.querySelector<HTMLElement>(`#followup-guest-groups-${op}`);

  it("warns beside a groups input that lists a group kintone cannot confirm there, as it is typed", async () => {
    const page = await openPage(stored(), formFields(), { guestSpaceId: 12 });
    const screen = warning(page.root, "screen");
    expect(screen?.hidden).toBe(false);
    expect(screen?.textContent).toContain("secretariat");
    expect(screen?.textContent).toContain("ログイン名");
    expect(screen?.closest(".followup-config-row")?.querySelector("input")?.dataset.path).toBe(
      "permissions.screen.groups",
    );
    const draw = warning(page.root, "draw");
    expect(draw?.hidden).toBe(true);
    const input = page.input("permissions.draw.groups") as HTMLInputElement;
    input.value = "Administrators, chiefs";
    input.dispatchEvent(new Event("input"));
    expect(draw?.hidden).toBe(false);
    expect(draw?.textContent).toContain("chiefs");
  });

  it("says nothing outside a guest space", async () => {
    const page = await openPage(stored());
    expect(page.root.querySelector(".followup-config-guest-groups")).toBeNull();
  });
});
