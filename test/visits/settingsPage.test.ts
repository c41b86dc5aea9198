/**
 * @jest-environment jsdom
 */
import "../plugin/support/jsdomGlobals";
import { registerConfig, ROOT_ID } from "../../src/config/register";
import { defaultPluginConfig, parsePluginConfig } from "../../src/core/settings/pluginConfig";
import { COMPATIBLE_FIELD_TYPES } from "../../src/core/settings/fieldTypes";
import { APPLICATION_FIELDS } from "../../src/core/vocabulary";
import { configPageClient, OTHER_APPS, saveAndSettle } from "../plugin/support/configPageClient";
import { fakeKintone } from "../plugin/support/fakeKintone";

async function openPage() {
  document.body.replaceChildren();
  const root = document.createElement("div");
  root.id = ROOT_ID;
  document.body.append(root);
  const fake = fakeKintone({});
  // The app has every default field, so the field mapping itself is fine.
  const fields = APPLICATION_FIELDS.map((code) => ({
    code,
    type: COMPATIBLE_FIELD_TYPES[code][0] ?? "SINGLE_LINE_TEXT",
    label: code,
  }));
  await registerConfig(fake.k, "p", { client: () => configPageClient(fields).client });
  const input = (path: string) =>
    root.querySelector<HTMLInputElement>(`input[data-path="${path}"]`) as HTMLInputElement;
  const errorOf = (path: string) => root.querySelector(`div[data-path="${path}"]`)?.textContent;
  const save = () => saveAndSettle(root);
  // The other apps of a configured program (the page checks them against kintone before saving).
  for (const [key, id] of Object.entries(OTHER_APPS)) {
    const app = root.querySelector<HTMLInputElement>(`input[data-path="apps.${key}"]`);
    if (app && app.value === "") app.value = String(id);
  }
  return { ...fake, input, errorOf, save };
}

describe("settings page: visits and reply deadlines", () => {
  it("shows the defaults and saves the deadline as a Japan instant, the rest as entered", async () => {
    const page = await openPage();
    expect(page.input("program.replies.intentDeadline").value).toBe("");
    expect(page.input("program.visits.closureDays").value).toBe(
      "12-29, 12-30, 12-31, 01-01, 01-02, 01-03",
    );
    page.input("program.replies.intentDeadline").value = "2024-09-06T17:00";
    page.input("program.replies.questionnaireDays").value = "10";
    page.input("program.visits.opensAt").value = "10:00";
    page.input("program.visits.closureDays").value = "12-29, 12-30, 12-31, 01-01, 2025-05-02";
    await page.save();
    expect(page.savedConfigs).toHaveLength(1);
    const parsed = parsePluginConfig(page.savedConfigs[0] ?? {});
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.config.program.replies).toEqual({
      intentDeadline: "2024-09-06T17:00:00+09:00",
      questionnaireDays: 10,
    });
    expect(parsed.config.program.visits).toEqual({
      ...defaultPluginConfig().program.visits,
      opensAt: "10:00",
      closureDays: ["12-29", "12-30", "12-31", "01-01", "2025-05-02"],
    });
  });

  it("refuses a bad closure day and hours that end before they start, beside their inputs", async () => {
    const page = await openPage();
    page.input("program.visits.closureDays").value = "12/29";
    page.input("program.visits.closesAt").value = "08:00";
    await page.save();
    expect(page.k.plugin.app.setConfig).not.toHaveBeenCalled();
    expect(page.errorOf("program.visits.closureDays")).toMatch(/12-29（毎年）/);
    expect(page.errorOf("program.visits.closesAt")).toMatch(/終了は開始より後/);
  });
});
