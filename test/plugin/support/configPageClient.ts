import { lotteryLogApp } from "../../../src/apps/lotteryLogApp";
import { fakeClient } from "./fakeClient";

type Field = { code: string; type: string; label: string };

/** The demo's other apps as the settings page's check sees them: 2 questionnaires, 3 the lottery log. */
export const OTHER_APPS = { questionnaires: 2, lotteryLog: 3 };

/**
 * A REST fake for the settings page: app 1 (the app being configured) has `fields`; apps 2 and 3
 * are a questionnaire app (with the plugin) and the lottery log as setup makes them; other ids do
 * not exist.
 */
export function configPageClient(fields: Field[], pluginId = "p") {
  const rest = fakeClient({}, fields);
  const appFields: Record<number, Field[]> = {
    1: fields,
    [OTHER_APPS.questionnaires]: [{ code: "application_no", type: "NUMBER", label: "受付番号" }],
    [OTHER_APPS.lotteryLog]: lotteryLogApp().fields.map((f) => ({
      code: f.code,
      type: f.type,
      label: f.label,
    })),
  };
  const getFormFields = jest.fn(async ({ app }: { app: number }) => ({
    properties: Object.fromEntries((appFields[app] ?? []).map((f) => [f.code, f])),
    revision: "1",
  }));
  Object.assign(rest.mock.app, {
    getFormFields,
    getApps: jest.fn(async ({ ids }: { ids: number[] }) => ({
      apps: ids
        .filter((id) => appFields[id])
        .map((id) => ({ appId: String(id), code: "", name: `app ${id}` })),
    })),
    getPlugins: jest.fn(async ({ app }: { app: number }) => ({
      plugins:
        app === OTHER_APPS.lotteryLog ? [] : [{ id: pluginId, name: "followup", enabled: true }],
    })),
  });
  return { ...rest, getFormFields };
}

/** Clicks the settings page's save button and waits until its checks and save are over. */
export async function saveAndSettle(root: HTMLElement): Promise<void> {
  const button = root.querySelector<HTMLButtonElement>("#followup-config-save");
  button?.click();
  await new Promise((done) => setTimeout(done, 0));
  for (let i = 0; i < 400 && button?.disabled; i++) {
    await new Promise((done) => setTimeout(done, 5));
  }
}
