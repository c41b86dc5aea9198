/**
 * The plugin's mobile screens, with REST against the in-process sandbox (apps by setupApps).
 */
import "./support/pageOverNode";
import { defaultPluginConfig, serializePluginConfig } from "../../src/core/settings/pluginConfig";
import { recordPages } from "../../src/desktop/detailPanel";
import { registerMobile } from "../../src/mobile/register";
import { validApplicationValues } from "./support/applications";
import { type AppsSandbox, startAppsSandbox } from "./support/appsSandbox";
import { eventRecord, fakeKintone } from "./support/fakeKintone";

let kintone: AppsSandbox;
beforeAll(async () => {
  kintone = await startAppsSandbox();
});
afterAll(() => kintone.close());

/** Waits until `done()` holds: the panel reads the apps over REST before it draws. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
}

function setup(role: "applications" | "questionnaires" = "applications") {
  document.body.replaceChildren();
  const config = defaultPluginConfig();
  config.role = role;
  config.apps = { ...kintone.apps };
  const fake = fakeKintone({
    config: serializePluginConfig(config),
    appId: role === "applications" ? kintone.apps.applications : kintone.apps.questionnaires,
  });
  const notify = jest.fn();
  const staff = kintone.admin;
  registerMobile(fake.k, "p", {
    client: () => staff,
    notify,
    search: () => "?application_no=8",
  });
  return { ...fake, notify };
}

describe("mobile screens", () => {
  it("registers only mobile events: no list buttons, the round panel on the list", () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual([
      "mobile.app.record.create.show",
      "mobile.app.record.create.submit",
      "mobile.app.record.detail.process.proceed",
      "mobile.app.record.detail.show",
      "mobile.app.record.edit.show",
      "mobile.app.record.edit.submit",
      "mobile.app.record.index.show",
    ]);
  });

  it("checks a save and guards a process action as on desktop", async () => {
    const { fire } = setup();
    const saved = await fire("mobile.app.record.create.submit", {
      record: eventRecord(validApplicationValues({ postal_code: "1" })),
    });
    expect(saved && saved.record.postal_code?.error).toMatch(/郵便番号/);
    const proceeded = await fire("mobile.app.record.detail.process.proceed", {
      recordId: 12,
      record: eventRecord(validApplicationValues({ participation_intent: "参加する" }), "参加確定"),
      action: { value: "質問票回答" },
      status: { value: "参加確定" },
      nextStatus: { value: "質問票回答済" },
    });
    expect(proceeded && (proceeded as { error?: string }).error).toMatch(/質問票/);
  });

  it("saves an edit of a decided record (辞退) and shows its findings, as on desktop", async () => {
    const { fire, notify } = setup();
    const record = eventRecord(validApplicationValues({ postal_code: "1" }), "辞退");
    const saved = await fire("mobile.app.record.edit.submit", { record });
    expect(saved && (saved as { error?: string }).error).toBeUndefined();
    expect(saved && saved.record.postal_code?.error).toBeNull();
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("郵便番号"), "info");
    const open = await fire("mobile.app.record.edit.submit", {
      record: eventRecord(validApplicationValues({ postal_code: "1" }), "申込受付"),
    });
    expect(open && open.record.postal_code?.error).toMatch(/郵便番号/);
  });

  it("draws the detail panel into the mobile space", async () => {
    const { fire, space } = setup();
    await fire("mobile.app.record.detail.show", {
      record: eventRecord(validApplicationValues(), "申込受付"),
    });
    await until(() => Boolean(space("followup_panel")?.textContent));
    expect(space("followup_panel")?.textContent).toContain("抽選を待っています");
  });

  it("links the questionnaire to kintone's mobile pages, not the desktop ones", async () => {
    const { fire, space } = setup();
    await fire("mobile.app.record.detail.show", {
      record: eventRecord(validApplicationValues(), "参加確定"),
    });
    await until(() => Boolean(space("followup_panel")?.querySelector("a")));
    const link = space("followup_panel")?.querySelector("a");
    expect(link?.getAttribute("href")).toBe(
      `/k/m/${kintone.apps.questionnaires}/edit?application_no=12`,
    );
  });

  it("builds mobile record URLs with the record in the query, under the current page's prefix", () => {
    const mobile = recordPages(true, "/k/guest/5/m/1/show", 1);
    expect(mobile.detail(2, "7")).toBe("/k/guest/5/m/2/show?record=7");
    const desktop = recordPages(false, "/k/1/show", 1);
    expect(desktop.detail(2, "7")).toBe("/k/2/show#record=7");
    expect(recordPages(true, "/", 1).create(2, new URLSearchParams({ a: "1" }))).toBe(
      "/k/m/2/edit?a=1",
    );
  });

  it("in the questionnaire app fills the application number on mobile too", async () => {
    const { fire, handlers } = setup("questionnaires");
    expect([...handlers.keys()].sort()).toEqual([
      "mobile.app.record.create.show",
      "mobile.app.record.create.submit.success",
    ]);
    const shown = await fire("mobile.app.record.create.show", {
      record: { application_no: { value: "" } as { value: string; lookup?: boolean } },
    });
    expect(shown && shown.record.application_no?.value).toBe("8");
  });
});
