import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createApplicationsApp, createQuestionnairesApp } from "./records-fixtures";

let sandbox: TestSandbox;
let app: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = await createApplicationsApp(sandbox.clientAs("admin"));
});
afterAll(() => sandbox.close());

async function addApplication(lottery: string): Promise<string> {
  const { id } = await sandbox.clientAs("staff1").record.addRecord({
    app,
    record: { company_name: { value: `会社${lottery}` }, lottery_result: { value: lottery } },
  });
  return id;
}

describe("process management over REST", () => {
  test("an action runs when its condition holds; revision goes up by 2; assignees follow the next state", async () => {
    const client = sandbox.clientAs("staff1");
    const id = await addApplication("当選");
    const { revision } = await client.record.updateRecordStatus({
      app,
      id,
      action: "当選登録",
      revision: 1,
    });
    expect(revision).toBe("3");
    const { record } = await client.record.getRecord({ app, id });
    expect(record.ステータス?.value).toBe("当選");
    const assignees = (record.作業者?.value as Array<{ code: string }>).map((a) => a.code).sort();
    expect(assignees).toEqual(["admin", "staff1", "staff2", "staff_en"]);
  });

  test("an action whose condition does not hold, or that does not start from the current state, is GAIA_IL03", async () => {
    const client = sandbox.clientAs("staff1");
    const id = await addApplication("未抽選");
    const guarded = await kintoneFailure(
      client.record.updateRecordStatus({ app, id, action: "当選登録" }),
    );
    expect([guarded.status, guarded.code]).toEqual([400, "GAIA_IL03"]);
    const wrongState = await kintoneFailure(
      client.record.updateRecordStatus({ app, id, action: "参加確定" }),
    );
    expect(wrongState.code).toBe("GAIA_IL03");
    const stale = await kintoneFailure(
      client.record.updateRecordStatus({ app, id, action: "当選登録", revision: 9 }),
    );
    expect(stale.code).toBe("GAIA_CO02");
  });

  test("only an assignee may act on an assigned record (CB_NO02); a token acts only without assignees", async () => {
    const id = await addApplication("当選");
    const token = await sandbox.createApiToken(app, { view: true, edit: true });
    const tokenClient = sandbox.clientWithToken(token);
    // 申込受付 has no assignee: the token (as "Administrator") may act.
    await tokenClient.record.updateRecordStatus({ app, id, action: "当選登録" });
    // 当選 is assigned to the secretariat: neither the token nor the viewer may act.
    await sandbox
      .clientAs("staff1")
      .record.updateRecord({ app, id, record: { participation_intent: { value: "参加する" } } });
    const byToken = await kintoneFailure(
      tokenClient.record.updateRecordStatus({ app, id, action: "参加確定" }),
    );
    expect([byToken.status, byToken.code]).toEqual([403, "CB_NO02"]);
    const byViewer = await kintoneFailure(
      sandbox.clientAs("viewer").record.updateRecordStatus({ app, id, action: "参加確定" }),
    );
    expect(byViewer.code).toBe("CB_NO02");
    await sandbox.clientAs("staff2").record.updateRecordStatus({ app, id, action: "参加確定" });
    const { record } = await sandbox.clientAs("staff2").record.getRecord({ app, id });
    expect(record.ステータス?.value).toBe("参加確定");
  });

  test("updateRecordsStatus is all-or-nothing and limited to 100", async () => {
    const client = sandbox.clientAs("staff1");
    const winner = await addApplication("当選");
    const unlucky = await addApplication("未抽選");
    const error = await kintoneFailure(
      client.record.updateRecordsStatus({
        app,
        records: [
          { id: winner, action: "当選登録" },
          { id: unlucky, action: "当選登録" },
        ],
      }),
    );
    expect(error.code).toBe("GAIA_IL03");
    expect((await client.record.getRecord({ app, id: winner })).record.ステータス?.value).toBe(
      "申込受付",
    );
    const tooMany = Array.from({ length: 101 }, () => ({ id: winner, action: "当選登録" }));
    expect(
      (await kintoneFailure(client.record.updateRecordsStatus({ app, records: tooMany }))).code,
    ).toBe("CB_VA01");
  });

  test("updateRecordAssignees sets the assignees (app admins); status query by state", async () => {
    const admin = sandbox.clientAs("admin");
    const id = await addApplication("補欠");
    const { revision } = await admin.record.updateRecordAssignees({
      app,
      id,
      assignees: ["staff2"],
      revision: 1,
    });
    expect(revision).toBe("2");
    const staff1 = await kintoneFailure(
      sandbox.clientAs("staff1").record.updateRecordStatus({ app, id, action: "補欠登録" }),
    );
    expect(staff1.code).toBe("CB_NO02");
    await sandbox.clientAs("staff2").record.updateRecordStatus({ app, id, action: "補欠登録" });
    const { records } = await admin.record.getRecords({
      app,
      query: `ステータス = "補欠" and $id = ${id}`,
    });
    expect(records).toHaveLength(1);
  });

  test("an app without process management answers GAIA_ST02 and returns no Status field", async () => {
    const admin = sandbox.clientAs("admin");
    const plain = await createQuestionnairesApp(admin, app);
    const { id } = await admin.record.addRecord({ app: plain, record: { pcs: { value: "3" } } });
    const error = await kintoneFailure(
      admin.record.updateRecordStatus({ app: plain, id, action: "x" }),
    );
    expect(error.code).toBe("GAIA_ST02");
    const { record } = await admin.record.getRecord({ app: plain, id });
    expect(record.ステータス).toBeUndefined();
    expect(
      (await kintoneFailure(admin.record.getRecords({ app: plain, query: 'ステータス = "x"' })))
        .code,
    ).toBe("GAIA_ST02");
  });
});
