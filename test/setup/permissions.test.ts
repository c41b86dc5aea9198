/**
 * Spec v2 §3 as `followup setup` leaves a kintone: status assignees and app permissions, checked
 * through the sandbox's enforcement of them (the same REST calls a person would try).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setupApps } from "../../src/setup/setupApps";
import { ACTIONS, STATES } from "../../src/core/vocabulary";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { deploy } from "../sandbox/records-fixtures";

let sandbox: TestSandbox;
let apps: { applications: number; questionnaires: number; lotteryLog: number };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const admin = sandbox.clientAs("admin");
  // A new app reports its process settings as never set; setup builds the workflow from there.
  const { app } = await admin.app.addApp({ name: "申込管理" });
  await deploy(admin, app);
  const fresh = await admin.app.getProcessManagement({ app, preview: true });
  expect(fresh.states).toBeNull();
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-permissions-"));
  const report = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, pollIntervalMs: 20 });
  expect(report.unconverged).toEqual([]);
  expect(report.appIds.applications).toBe(Number(app));
  apps = report.appIds;
  // Run twice: the second run finds nothing to write.
  const again = await setupApps(admin, { cwd, baseUrl: sandbox.baseUrl, pollIntervalMs: 20 });
  expect(Object.values(again.changes).flat()).toEqual([]);
});
afterAll(() => sandbox.close());

/** An application the draw has put on the waitlist (fields and status as the draw leaves them). */
async function waitlisted(): Promise<string> {
  const staff = sandbox.clientAs("staff1");
  const { id } = await staff.record.addRecord({
    app: apps.applications,
    record: {
      company_name: { value: "株式会社補欠" },
      lottery_result: { value: "補欠" },
      lottery_run_id: { value: "run-1" },
    },
  });
  await staff.record.updateRecordStatus({
    app: apps.applications,
    id,
    action: ACTIONS.registerWaitlist,
  });
  return id;
}

describe("status assignees", () => {
  test("every status after 申込受付 has the secretariat as assignee; 申込受付 has none (kintone allows only the creator or nobody there)", async () => {
    const { states } = await sandbox.clientAs("admin").app.getProcessManagement({
      app: apps.applications,
    });
    const byName = Object.values(states ?? {});
    expect(byName.find((s) => s.name === STATES.applied)?.assignee.entities).toEqual([]);
    for (const state of byName.filter((s) => s.name !== STATES.applied)) {
      expect(state.assignee).toEqual({
        type: "ANY",
        entities: [{ entity: { type: "GROUP", code: "secretariat" }, includeSubs: false }],
      });
    }
  });

  test("a viewer's REST status change is refused (CB_NO02); a secretariat member's goes through", async () => {
    const id = await waitlisted();
    await sandbox.clientAs("staff1").record.updateRecord({
      app: apps.applications,
      id,
      record: { lottery_result: { value: "当選" } },
    });
    const byViewer = await kintoneFailure(
      sandbox
        .clientAs("viewer")
        .record.updateRecordStatus({ app: apps.applications, id, action: ACTIONS.promote }),
    );
    expect([byViewer.status, byViewer.code]).toEqual([403, "CB_NO02"]);
    const { record } = await sandbox.clientAs("viewer").record.getRecord({
      app: apps.applications,
      id,
    });
    expect(record.ステータス?.value).toBe(STATES.waitlisted);
    await sandbox
      .clientAs("staff2")
      .record.updateRecordStatus({ app: apps.applications, id, action: ACTIONS.promote });
  });
});

describe("app permissions", () => {
  test("applications: the secretariat views, adds and edits; a viewer only views", async () => {
    const id = await waitlisted();
    const viewer = sandbox.clientAs("viewer");
    await viewer.record.getRecord({ app: apps.applications, id });
    for (const call of [
      viewer.record.addRecord({ app: apps.applications, record: {} }),
      viewer.record.updateRecord({
        app: apps.applications,
        id,
        record: { company_name: { value: "書き換え" } },
      }),
      sandbox.clientAs("staff1").record.deleteRecords({ app: apps.applications, ids: [id] }),
    ]) {
      expect((await kintoneFailure(call)).code).toBe("CB_NO02");
    }
  });

  test("lottery log: the secretariat adds and views; nobody but an administrator edits or deletes", async () => {
    const staff = sandbox.clientAs("staff1");
    const { id } = await staff.record.addRecord({
      app: apps.lotteryLog,
      record: {
        sequence: { value: "1" },
        run_id: { value: "run-1" },
        kind: { value: "抽選" },
        state: { value: "開始" },
      },
    });
    const edit = await kintoneFailure(
      staff.record.updateRecord({
        app: apps.lotteryLog,
        id,
        record: { reason: { value: "書き換え" } },
      }),
    );
    expect([edit.status, edit.code]).toEqual([403, "CB_NO02"]);
    const remove = await kintoneFailure(
      staff.record.deleteRecords({ app: apps.lotteryLog, ids: [id] }),
    );
    expect(remove.code).toBe("CB_NO02");
    const byViewer = await kintoneFailure(
      sandbox.clientAs("viewer").record.getRecord({ app: apps.lotteryLog, id }),
    );
    expect(byViewer.code).toBe("CB_NO02");
    await sandbox.clientAs("admin").record.deleteRecords({ app: apps.lotteryLog, ids: [id] });
  });

  test("questionnaires: the secretariat views, adds and edits; others cannot read them", async () => {
    const staff = sandbox.clientAs("staff1");
    await staff.record.getRecords({ app: apps.questionnaires });
    const byViewer = await kintoneFailure(
      sandbox.clientAs("viewer").record.getRecords({ app: apps.questionnaires }),
    );
    expect(byViewer.code).toBe("CB_NO02");
  });
});
