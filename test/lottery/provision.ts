/**
 * Test and bench provisioning: the applications and lottery log apps built from the app
 * definitions (src/apps), without the questionnaires link, on a sandbox; and pools of applications.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { applicationsApp } from "../../src/apps/applicationsApp";
import { lotteryLogApp } from "../../src/apps/lotteryLogApp";
import type { AppDefinition } from "../../src/apps/model";
import { keyStates } from "../../src/apps/plan";
import { ELIGIBILITY_LABELS } from "../../src/core/vocabulary";

const NOT_ADDABLE = new Set(["RECORD_NUMBER", "REFERENCE_TABLE", "SPACER"]);

export async function createApp(
  client: KintoneRestAPIClient,
  definition: AppDefinition,
): Promise<number> {
  const { app } = await client.app.addApp({ name: definition.name });
  const properties = Object.fromEntries(
    definition.fields.filter((f) => !NOT_ADDABLE.has(f.type)).map((f) => [f.code, f]),
  );
  await client.app.addFormFields({ app, properties: properties as never });
  if (definition.process) {
    // A new app's first state can only be renamed: turn process management on, then rename it.
    await client.app.updateProcessManagement({ app, enable: true });
    const shown = await client.app.getProcessManagement({ app, preview: true });
    await client.app.updateProcessManagement({
      app,
      states: keyStates(definition.process.states, shown.states) as never,
      actions: definition.process.actions as never,
    });
  }
  await client.app.deployApp({ apps: [{ app }] });
  for (;;) {
    const { apps } = await client.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status === "SUCCESS") break;
    if (apps[0]?.status !== "PROCESSING")
      throw new Error(`deploy of ${definition.name}: ${apps[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Number(app);
}

export async function provisionLotteryApps(
  client: KintoneRestAPIClient,
): Promise<{ applications: number; lotteryLog: number }> {
  const refs = { applications: "0", questionnaires: "0", lotteryLog: "0" };
  const applications = await createApp(client, applicationsApp(refs));
  const lotteryLog = await createApp(client, lotteryLogApp());
  return { applications, lotteryLog };
}

/** `count` applications already screened 適格 (plus `others` in other eligibility states), in 申込受付. */
export async function addPool(
  client: KintoneRestAPIClient,
  app: number,
  count: number,
  eligibility: string = ELIGIBILITY_LABELS.eligible,
): Promise<string[]> {
  const records = Array.from({ length: count }, (_, i) => ({
    company_name: { value: `株式会社テスト${i + 1}` },
    eligibility: { value: eligibility },
  }));
  const { records: added } = await client.record.addAllRecords({ app, records });
  return added.map((r) => r.id);
}
