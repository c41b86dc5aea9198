/**
 * The program's apps as `setupApps` makes them, on a fresh in-process sandbox: the plugin's screens
 * and adapters are tested against kintone's documented behaviour as the sandbox models it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { ProgramAppIds } from "../../../src/adapters/appIds";
import { setupApps } from "../../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../../support/sandbox";

export interface AppsSandbox {
  sandbox: TestSandbox;
  admin: KintoneRestAPIClient;
  apps: ProgramAppIds;
  /** A new application with `values`, taken through kintone's `actions`; its record id (= 受付番号). */
  application(values: Record<string, unknown>, actions?: string[]): Promise<string>;
  /** A questionnaire linked to the application numbered `applicationNo`; its record id. */
  questionnaire(applicationNo: string): Promise<string>;
  statusOf(id: string): Promise<string>;
  close(): Promise<void>;
}

export async function startAppsSandbox(): Promise<AppsSandbox> {
  const sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-apps-"));
  const { appIds: apps } = await setupApps(admin, {
    cwd,
    baseUrl: sandbox.baseUrl,
    pollIntervalMs: 20,
  });
  return {
    sandbox,
    admin,
    apps,
    async application(values, actions = []) {
      const record = Object.fromEntries(
        Object.entries(values).map(([code, value]) => [code, { value }]),
      );
      const { id } = await admin.record.addRecord({ app: apps.applications, record });
      for (const action of actions) {
        await admin.record.updateRecordStatus({ app: apps.applications, id, action });
      }
      return id;
    },
    async questionnaire(applicationNo) {
      const { id } = await admin.record.addRecord({
        app: apps.questionnaires,
        record: { application_no: { value: applicationNo } },
      });
      return id;
    },
    async statusOf(id) {
      const { record } = await admin.record.getRecord({ app: apps.applications, id });
      return String(record["ステータス"]?.value);
    },
    close: () => sandbox.close(),
  };
}
