/**
 * The plugin's desktop screens; their REST calls go to the in-process sandbox (apps by setupApps).
 */
import "./support/pageOverNode";
import "./support/nativeDialog";
import { registerDesktop } from "../../src/desktop/register";
import { BUTTONS_ID } from "../../src/desktop/listButtons";
import { defaultPluginConfig, serializePluginConfig } from "../../src/core/settings/pluginConfig";
import { formatEligibilityNotes } from "../../src/core/eligibility";
import { validApplicationValues } from "./support/applications";
import { type AppsSandbox, startAppsSandbox } from "./support/appsSandbox";
import { eventRecord, fakeKintone } from "./support/fakeKintone";

let kintone: AppsSandbox;
beforeAll(async () => {
  kintone = await startAppsSandbox();
});
afterAll(() => kintone.close());

/** Waits until the detail panel in `space` has looked up the questionnaire over REST. */
async function settled(space: () => HTMLElement | null | undefined): Promise<void> {
  const checking = () =>
    !space()?.textContent || /確認中…|Checking…/.test(space()?.textContent ?? "");
  for (let i = 0; i < 400 && checking(); i++) await new Promise((r) => setTimeout(r, 5));
}

function setup(
  configure: (c: ReturnType<typeof defaultPluginConfig>) => void = () => undefined,
  options: {
    user?: string;
    language?: string;
    groups?: string[];
  } = {},
) {
  document.body.replaceChildren();
  const config = defaultPluginConfig();
  config.apps = { ...kintone.apps };
  configure(config);
  const fake = fakeKintone({
    config: serializePluginConfig(config),
    user: { code: options.user ?? "staff1", language: options.language },
    groups: options.groups ?? [],
    appId: kintone.apps.applications,
  });
  const notify = jest.fn();
  const staff = kintone.admin;
  registerDesktop(fake.k, "plugin-id", { client: () => staff, notify, reload: jest.fn() });
  return { ...fake, notify };
}

describe("save checks", () => {
  it("puts each error on its field, a summary at the top, and blocks the save", async () => {
    const { fire } = setup();
    const record = eventRecord(
      validApplicationValues({ prefecture: "大阪府", contact_phone: "123" }),
    );
    const event = await fire("app.record.create.submit", { record });
    expect(event && event.record.prefecture?.error).toMatch(/東京都/);
    expect(event && event.record.contact_phone?.error).toMatch(/電話番号/);
    expect(event && (event as { error?: string }).error).toMatch(/2 件の不備/);
  });

  it("lets a save with warnings only through and shows them", async () => {
    const { fire, notify } = setup();
    const record = eventRecord(validApplicationValues({ address: "大阪府大阪市北区1-1" }));
    const event = await fire("app.record.edit.submit", { record });
    expect(event && (event as { error?: string }).error).toBeUndefined();
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("大阪府"), "info");
  });

  it("checks inline edits too and reads the app's own field codes from the field map", async () => {
    const { fire } = setup((c) => {
      c.fieldMap.employees = "従業員数";
    });
    const record = eventRecord(validApplicationValues({ employees: undefined, 従業員数: "abc" }));
    const event = await fire("app.record.index.edit.submit", { record });
    expect(event && event.record["従業員数"]?.error).toMatch(/従業員数/);
  });

  const late = { applied_at: "2024-08-09T08:00:01Z" }; // 17:00:01 JST, one second after closing
  const errorOf = (event: unknown) => (event as { error?: string | null }).error;

  it("a late application entered by staff is blocked on create, shown but saved on edit", async () => {
    const { fire, notify } = setup();
    const created = await fire("app.record.create.submit", {
      record: eventRecord(validApplicationValues(late)),
    });
    expect(created && created.record.applied_at?.error).toMatch(/終了/);
    const edited = await fire("app.record.edit.submit", {
      record: eventRecord(validApplicationValues(late), "申込受付"),
    });
    expect(edited && errorOf(edited)).toBeUndefined();
    expect(edited && edited.record.applied_at?.error).toBeNull();
    expect(notify).toHaveBeenLastCalledWith(expect.stringContaining("終了"), "info");
  });

  it("an edit in 申込受付 is still blocked by an input error, on its field", async () => {
    const { fire } = setup();
    const event = await fire("app.record.edit.submit", {
      record: eventRecord(validApplicationValues({ ...late, postal_code: "1" }), "申込受付"),
    });
    expect(event && event.record.postal_code?.error).toMatch(/郵便番号/);
    expect(event && event.record.applied_at?.error).toBeNull();
    expect(event && errorOf(event)).toMatch(/1 件の不備/);
  });

  it.each(["当選", "参加確定", "訪問済", "対象外", "辞退"])(
    "an edit past 申込受付 (%s) saves and shows the findings as a notice",
    async (status) => {
      const { fire, notify } = setup();
      const values = validApplicationValues({ prefecture: "大阪府", visit_date: "2024-10-01" });
      const event = await fire("app.record.edit.submit", { record: eventRecord(values, status) });
      expect(event && errorOf(event)).toBeUndefined();
      expect(event && event.record.prefecture?.error).toBeNull();
      expect(notify).toHaveBeenCalledWith(expect.stringContaining("東京都"), "info");
    },
  );

  it("an inline edit in the list follows the record's status", async () => {
    const { fire } = setup();
    const values = validApplicationValues({ contact_phone: "123" });
    const decided = await fire("app.record.index.edit.submit", {
      record: eventRecord(values, "対象外"),
    });
    expect(decided && errorOf(decided)).toBeUndefined();
    expect(decided && decided.record.contact_phone?.error).toBeNull();
    const open = await fire("app.record.index.edit.submit", {
      record: eventRecord(values, "申込受付"),
    });
    expect(open && open.record.contact_phone?.error).toMatch(/電話番号/);
  });

  it("an app with its own name for 申込受付 is read through the settings", async () => {
    const { fire } = setup((c) => {
      c.states = { ...c.states, applied: "受付中" };
    });
    const values = validApplicationValues({ contact_phone: "123" });
    const open = await fire("app.record.edit.submit", { record: eventRecord(values, "受付中") });
    expect(open && open.record.contact_phone?.error).toMatch(/電話番号/);
  });

  it("speaks English to an English user", async () => {
    document.body.replaceChildren();
    const fake = fakeKintone({ config: {}, user: { code: "staff_en", language: "en" } });
    registerDesktop(fake.k, "p", { client: () => kintone.admin, notify: jest.fn() });
    const event = await fake.fire("app.record.create.submit", {
      record: eventRecord(validApplicationValues({ company_name: " " })),
    });
    expect(event && (event as { error?: string }).error).toMatch(/problem/);
    expect(event && event.record.company_name?.error).toMatch(/company/i);
  });
});

describe("process guards", () => {
  const proceed = (
    action: string,
    status: string,
    values: Record<string, unknown> = {},
    recordId = 12,
  ) => ({
    recordId,
    appId: kintone.apps.applications,
    record: eventRecord(validApplicationValues(values), status),
    action: { value: action },
    status: { value: status },
    nextStatus: { value: "" },
  });

  it("refuses 質問票回答 without a questionnaire, with the reason", async () => {
    const { fire } = setup();
    const event = await fire(
      "app.record.detail.process.proceed",
      proceed("質問票回答", "参加確定", { participation_intent: "参加する" }),
    );
    expect(event && (event as { error?: string }).error).toMatch(/質問票がまだありません/);
  });

  it("lets 質問票回答 through when a questionnaire links to the application", async () => {
    const id = await kintone.application({ company_name: "株式会社回答済" });
    await kintone.questionnaire(id);
    const { fire } = setup();
    const event = await fire(
      "app.record.detail.process.proceed",
      proceed(
        "質問票回答",
        "参加確定",
        { participation_intent: "参加する", application_no: id },
        Number(id),
      ),
    );
    expect(event && (event as { error?: string }).error).toBeUndefined();
  });

  it("promotes only the next in waitlist order, and never without a completed draw to log it against", async () => {
    const waitlisted = (no: number) => ({
      company_name: `株式会社補欠${no}`,
      lottery_result: "補欠",
      lottery_rank: String(50 + no),
      waitlist_no: String(no),
    });
    const first = await kintone.application(waitlisted(1), ["補欠登録"]);
    const second = await kintone.application(waitlisted(2), ["補欠登録"]);
    const promoteSecond = () =>
      proceed("繰り上げ", "補欠", { ...waitlisted(2), application_no: second }, Number(second));
    const { fire } = setup();
    const skipped = await fire("app.record.detail.process.proceed", promoteSecond());
    expect(skipped && (skipped as { error?: string }).error).toMatch(/補欠順位 1/);

    // The first declines: the second is next in waitlist order.
    await kintone.admin.record.updateRecord({
      app: kintone.apps.applications,
      id: first,
      record: { participation_intent: { value: "辞退する" } },
    });
    await kintone.admin.record.updateRecordStatus({
      app: kintone.apps.applications,
      id: first,
      action: "辞退",
    });
    const next = await fire("app.record.detail.process.proceed", promoteSecond());
    // The order guard passes; the promotion must then be logged, and the log has no draw.
    expect(next && (next as { error?: string }).error).toContain(
      "完了した抽選が抽選記録にありません",
    );
  });

  it("refuses 訪問完了 without the expert and 参加確定 without the intent", async () => {
    const { fire } = setup();
    const visit = await fire(
      "app.record.detail.process.proceed",
      proceed("訪問完了", "質問票回答済", { visit_date: "2024-09-10" }),
    );
    expect(visit && (visit as { error?: string }).error).toMatch(/訪問専門家/);
    const confirm = await fire("app.record.detail.process.proceed", proceed("参加確定", "当選"));
    expect(confirm && (confirm as { error?: string }).error).toMatch(/参加する/);
  });
});

describe("detail panel", () => {
  it("shows markup in a company's data as text and links a new questionnaire with the number", async () => {
    const { fire, space } = setup();
    const notes = '【不備】<img src=x onerror="alert(1)">';
    await fire("app.record.detail.show", {
      record: eventRecord(
        validApplicationValues({ eligibility: "対象外", eligibility_notes: notes }),
        "申込受付",
      ),
    });
    await settled(() => space("followup_panel"));
    const panel = space("followup_panel");
    expect(panel?.querySelector("img")).toBeNull();
    expect(panel?.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(panel?.textContent).toContain("対象外登録");
    // No questionnaire before 参加確定: the panel says when it comes instead of offering it.
    expect(panel?.querySelector("a")).toBeNull();
    expect(panel?.textContent).toContain("質問票は「参加確定」の後に入力します");

    const confirmed = setup();
    await confirmed.fire("app.record.detail.show", {
      record: eventRecord(validApplicationValues({ participation_intent: "参加する" }), "参加確定"),
    });
    await settled(() => confirmed.space("followup_panel"));
    const link = confirmed.space("followup_panel")?.querySelector("a");
    expect(link?.getAttribute("href")).toBe(
      `/k/${kintone.apps.questionnaires}/edit?application_no=12`,
    );
  });

  const panelAfterShow = async (
    values: Record<string, unknown>,
    status: string,
    language = "ja",
  ): Promise<HTMLElement | null | undefined> => {
    const { fire, space } = setup(undefined, { language });
    await fire("app.record.detail.show", {
      record: eventRecord(validApplicationValues(values), status),
    });
    await settled(() => space("followup_panel"));
    return space("followup_panel");
  };
  const reasons = (panel: HTMLElement | null | undefined) =>
    [...(panel?.querySelectorAll(".followup-panel-notes li") ?? [])].map((li) => li.textContent);

  it("lists the stored reasons without rule ids and leaves the status to kintone's status bar", async () => {
    const notes = formatEligibilityNotes([
      {
        rule: "CONSENT_REQUIRED",
        severity: "error",
        field: "consent_survey",
        message: "同意が必要です。",
      },
      {
        rule: "ADDRESS_PREFECTURE_MISMATCH",
        severity: "warning",
        field: "address",
        message: "所在地をご確認ください。",
      },
    ]);
    const panel = await panelAfterShow(
      { eligibility: "対象外", eligibility_notes: `${notes}\n電話で確認済み` },
      "申込受付",
    );
    expect(reasons(panel)).toEqual([
      "不備同意が必要です。",
      "要確認所在地をご確認ください。",
      "電話で確認済み",
    ]);
    expect(panel?.textContent).not.toMatch(/CONSENT_REQUIRED|ADDRESS_PREFECTURE_MISMATCH/);
    expect(
      panel?.querySelector(".followup-panel-reason-error .followup-panel-mark")?.textContent,
    ).toBe("不備");
    const labels = [...(panel?.querySelectorAll(".followup-panel-label") ?? [])].map(
      (l) => l.textContent,
    );
    expect(labels).not.toContain("状態");
    expect(panel?.textContent).not.toContain("申込受付");
  });

  it("previews an unscreened application's reasons without rule ids, in the user's language", async () => {
    const early = { applied_at: "2024-07-11T14:59:00Z", eligibility: "未判定" }; // 23:59 JST, the day before opening
    const ja = reasons(await panelAfterShow(early, "申込受付"));
    expect(ja).toHaveLength(1);
    expect(ja[0]).toMatch(/^不備申込受付期間（.*）の前に届いた/);
    expect(ja[0]).not.toContain("APPLIED_BEFORE_WINDOW");
    const en = reasons(await panelAfterShow(early, "申込受付", "en"));
    expect(en[0]).toMatch(/^Error/);
    expect(en[0]).not.toContain("APPLIED_BEFORE_WINDOW");
  });

  it("links the existing questionnaire and shows rank and waitlist number", async () => {
    const id = await kintone.application({ company_name: "株式会社補欠三" });
    const answer = await kintone.questionnaire(id);
    const { fire, space } = setup();
    const values = { lottery_result: "補欠", lottery_rank: "53", waitlist_no: "3" };
    await fire("app.record.detail.show", {
      record: eventRecord(validApplicationValues({ ...values, application_no: id }), "補欠"),
    });
    await settled(() => space("followup_panel"));
    const panel = space("followup_panel");
    expect(panel?.textContent).toContain("抽選順位 53");
    expect(panel?.textContent).toContain("補欠順位 3");
    expect(panel?.querySelector("a")?.getAttribute("href")).toBe(
      `/k/${kintone.apps.questionnaires}/show#record=${answer}`,
    );
  });
});

describe("list buttons", () => {
  const allowStaff = (c: ReturnType<typeof defaultPluginConfig>) => {
    c.permissions.screen.groups = ["secretariat"];
    c.permissions.draw.groups = ["secretariat"];
    c.permissions.promote.users = ["staff1"];
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("shows the buttons a user may use, once, however often the list event fires", async () => {
    const { fire, headerMenu } = setup(allowStaff, { groups: ["secretariat"] });
    await fire("app.record.index.show", { viewType: "list", records: [] });
    await fire("app.record.index.show", { viewType: "list", records: [] });
    await flush();
    expect(headerMenu.querySelectorAll(`#${BUTTONS_ID}`)).toHaveLength(1);
    const ids = [...headerMenu.querySelectorAll(`#${BUTTONS_ID} > *`)].map((b) => b.id);
    expect(ids).toEqual([
      "followup-screen",
      "followup-notice",
      "followup-draw",
      "followup-promote",
      "followup-sync",
    ]);
  });

  it("shows a viewer no button", async () => {
    const { fire, headerMenu } = setup(allowStaff, { user: "viewer", groups: [] });
    await fire("app.record.index.show", { viewType: "list", records: [] });
    await flush();
    expect(headerMenu.querySelectorAll(`#${BUTTONS_ID} > *`)).toHaveLength(0);
  });
});

describe("questionnaire app", () => {
  function setupQuestionnaire() {
    document.body.replaceChildren();
    const config = defaultPluginConfig();
    config.role = "questionnaires";
    config.apps.applications = kintone.apps.applications;
    const fake = fakeKintone({
      config: serializePluginConfig(config),
      appId: kintone.apps.questionnaires,
    });
    const notify = jest.fn();
    const staff = kintone.admin;
    registerDesktop(fake.k, "p", {
      client: () => staff,
      notify,
      search: () => "?application_no=12",
    });
    return { ...fake, notify };
  }
  const winner = { company_name: "株式会社当選", lottery_result: "当選" };

  it("fills application_no from the link and asks kintone to run the lookup", async () => {
    const { fire } = setupQuestionnaire();
    const event = await fire("app.record.create.show", {
      record: { application_no: { value: "" } as { value: string; lookup?: boolean } },
    });
    expect(event && event.record.application_no).toEqual({ value: "12", lookup: true });
  });

  it("after a save moves the application from 参加確定 with 質問票回答", async () => {
    const id = await kintone.application({ ...winner, participation_intent: "参加する" }, [
      "当選登録",
      "参加確定",
    ]);
    const { fire, notify } = setupQuestionnaire();
    await fire("app.record.create.submit.success", { record: { application_no: { value: id } } });
    // 質問票回答 is the only action from 参加確定 to 質問票回答済.
    expect(await kintone.statusOf(id)).toBe("質問票回答済");
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("質問票回答済"), "info");
  });

  it("leaves an application in another state alone", async () => {
    const id = await kintone.application(winner, ["当選登録"]);
    const { fire } = setupQuestionnaire();
    await fire("app.record.create.submit.success", { record: { application_no: { value: id } } });
    expect(await kintone.statusOf(id)).toBe("当選");
  });
});

describe("detail panel before screening", () => {
  it("shows what the rules say about the application as entered", async () => {
    const { fire, space } = setup();
    await fire("app.record.detail.show", {
      record: eventRecord(
        validApplicationValues({ eligibility: "未判定", postal_code: "12" }),
        "申込受付",
      ),
    });
    const panel = space("followup_panel");
    expect(panel?.textContent).toContain("未審査：現在の入力での判定");
    const reason = panel?.querySelector(".followup-panel-reason-error");
    expect(reason?.querySelector(".followup-panel-mark")?.textContent).toBe("不備");
    expect(reason?.textContent).toMatch(/^不備郵便番号/);
  });
});

describe("damaged settings", () => {
  it("runs with the defaults and says so once, however often the list event fires", async () => {
    document.body.replaceChildren();
    const fake = fakeKintone({ config: { config: "{not json" } });
    const notify = jest.fn();
    registerDesktop(fake.k, "p", {
      client: () => kintone.admin,
      notify,
      reload: jest.fn(),
    });
    await fake.fire("app.record.index.show", { records: [] });
    await fake.fire("app.record.index.show", { records: [] });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("既定の設定"), "danger");
    const saved = await fake.fire("app.record.create.submit", {
      record: eventRecord(validApplicationValues({ postal_code: "1" })),
    });
    expect(saved && saved.record.postal_code?.error).toMatch(/郵便番号/);
  });
});
