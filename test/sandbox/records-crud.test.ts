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

describe("record and records endpoints", () => {
  test("addRecord applies defaults, server fields and the first state; getRecord returns kintone's shape", async () => {
    const client = sandbox.clientAs("staff1");
    const { id, revision } = await client.record.addRecord({
      app,
      record: {
        company_name: { value: "東京商事" },
        employees: { value: "12" },
        unknown_code: { value: "ignored" },
      },
    });
    expect(revision).toBe("1");
    const { record } = await client.record.getRecord({ app, id });
    expect(record.company_name).toEqual({ type: "SINGLE_LINE_TEXT", value: "東京商事" });
    expect(record.entity_type?.value).toBe("法人");
    expect(record.eligibility?.value).toBe("未判定");
    expect(record.declarations).toEqual({ type: "CHECK_BOX", value: [] });
    expect(record.applied_at?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);
    expect(record.ステータス).toEqual({ type: "STATUS", value: "申込受付" });
    expect(record.作成者?.value).toEqual({ code: "staff1", name: "事務局 一郎" });
    expect(record.レコード番号?.value).toBe(id);
    expect(record.$id).toEqual({ type: "__ID__", value: id });
    expect(record.$revision).toEqual({ type: "__REVISION__", value: "1" });
    expect(record.unknown_code).toBeUndefined();
  });

  test("DATETIME values are stored in UTC and returned with Z", async () => {
    const client = sandbox.clientAs("staff1");
    const { id } = await client.record.addRecord({
      app,
      record: {
        company_name: { value: "時刻" },
        applied_at: { value: "2024-08-09T17:00:30+09:00" },
      },
    });
    const { record } = await client.record.getRecord({ app, id });
    expect(record.applied_at?.value).toBe("2024-08-09T08:00:00Z");
  });

  test("CB_VA01 lists every bad field with kintone's keys (record / records[i])", async () => {
    const client = sandbox.clientAs("staff1");
    const single = await kintoneFailure(
      client.record.addRecord({
        app,
        record: {
          employees: { value: "十二" },
          industry: { value: "農業" },
          declarations: { value: ["ア", "エ"] },
          visit_date: { value: "2024-02-30" },
        },
      }),
    );
    expect(single.code).toBe("CB_VA01");
    expect(single.status).toBe(400);
    expect(Object.keys(single.errors as object).sort()).toEqual(
      [
        "record.company_name.value",
        "record.declarations.values[1].value",
        "record.industry.value",
        "record[employees].value",
        "record.visit_date.value",
      ].sort(),
    );
    const plural = await kintoneFailure(
      client.record.addRecords({
        app,
        records: [
          { company_name: { value: "ok" } },
          { company_name: { value: "x".repeat(21) }, employees: { value: "-1" } },
        ],
      }),
    );
    expect(plural.errors).toEqual({
      "records[1].company_name.value": { messages: ["21文字より短くなければなりません。"] },
      "records[1].employees.value": { messages: ["0以上である必要があります。"] },
    });
    const { totalCount } = await client.record.getRecords({
      app,
      query: 'company_name = "ok"',
      totalCount: true,
    });
    expect(totalCount).toBe("0");
  });

  test("messages follow Accept-Language (en)", async () => {
    const client = sandbox.clientAs("staff_en");
    const error = await kintoneFailure(client.record.addRecord({ app, record: {} }));
    expect(error.message).toContain("Missing or invalid input.");
    expect(error.errors).toEqual({ "record.company_name.value": { messages: ["Required."] } });
  });

  test("unique fields refuse duplicates, also within one request", async () => {
    const client = sandbox.clientAs("staff1");
    await client.record.addRecord({
      app,
      record: { company_name: { value: "A" }, corporate_number: { value: "1234567890123" } },
    });
    const error = await kintoneFailure(
      client.record.addRecords({
        app,
        records: [
          { company_name: { value: "B" }, corporate_number: { value: "1234567890123" } },
          { company_name: { value: "C" }, corporate_number: { value: "9999999999999" } },
          { company_name: { value: "D" }, corporate_number: { value: "9999999999999" } },
        ],
      }),
    );
    expect(error.errors).toEqual({
      "records[0].corporate_number.value": { messages: ["値がほかのレコードと重複しています。"] },
      "records[2].corporate_number.value": { messages: ["値がほかのレコードと重複しています。"] },
    });
  });

  test("updateRecord bumps the revision; a stale revision is 409 GAIA_CO02; -1 skips the check", async () => {
    const client = sandbox.clientAs("staff1");
    const { id } = await client.record.addRecord({
      app,
      record: { company_name: { value: "版" } },
    });
    const first = await client.record.updateRecord({
      app,
      id,
      record: { employees: { value: "3" } },
      revision: 1,
    });
    expect(first.revision).toBe("2");
    const stale = await kintoneFailure(
      client.record.updateRecord({ app, id, record: { employees: { value: "4" } }, revision: 1 }),
    );
    expect([stale.status, stale.code]).toEqual([409, "GAIA_CO02"]);
    const skipped = await client.record.updateRecord({
      app,
      id,
      record: { employees: { value: "5" } },
      revision: -1,
    });
    expect(skipped.revision).toBe("3");
    const { record } = await client.record.getRecord({ app, id });
    expect([record.employees?.value, record.company_name?.value]).toEqual(["5", "版"]);
    const cleared = await kintoneFailure(
      client.record.updateRecord({ app, id, record: { company_name: { value: "" } } }),
    );
    expect(cleared.errors).toEqual({ "record.company_name.value": { messages: ["必須です。"] } });
  });

  test("updateRecord by updateKey on a unique field; a non-unique key field is refused", async () => {
    const client = sandbox.clientAs("staff1");
    const { id } = await client.record.addRecord({
      app,
      record: { company_name: { value: "鍵" }, corporate_number: { value: "5555555555555" } },
    });
    await client.record.updateRecord({
      app,
      updateKey: { field: "corporate_number", value: "5555555555555" },
      record: { expert_name: { value: "山田" } },
    });
    expect((await client.record.getRecord({ app, id })).record.expert_name?.value).toBe("山田");
    const error = await kintoneFailure(
      client.record.updateRecord({
        app,
        updateKey: { field: "company_name", value: "鍵" },
        record: {},
      }),
    );
    expect(error.code).toBe("CB_VA01");
  });

  test("updateRecords with upsert updates what exists and adds what does not", async () => {
    const client = sandbox.clientAs("staff1");
    await client.record.addRecord({
      app,
      record: { company_name: { value: "既存" }, corporate_number: { value: "7777777777777" } },
    });
    const { records } = await client.record.updateRecords({
      app,
      upsert: true,
      records: [
        {
          updateKey: { field: "corporate_number", value: "7777777777777" },
          record: { expert_name: { value: "更新" } },
        },
        {
          updateKey: { field: "corporate_number", value: "8888888888888" },
          record: { company_name: { value: "追加" } },
        },
      ],
    });
    expect(records.map((r) => [(r as { operation?: string }).operation, r.revision])).toEqual([
      ["UPDATE", "2"],
      ["INSERT", "1"],
    ]);
    const added = await client.record.getRecord({ app, id: records[1]?.id ?? "" });
    expect(added.record.corporate_number?.value).toBe("8888888888888");
  });

  test("updateRecords is all-or-nothing: one stale revision rolls back the others", async () => {
    const client = sandbox.clientAs("staff1");
    const { ids } = await client.record.addRecords({
      app,
      records: [{ company_name: { value: "R1" } }, { company_name: { value: "R2" } }],
    });
    const error = await kintoneFailure(
      client.record.updateRecords({
        app,
        records: [
          { id: ids[0] ?? "", record: { expert_name: { value: "changed" } }, revision: 1 },
          { id: ids[1] ?? "", record: { expert_name: { value: "changed" } }, revision: 7 },
        ],
      }),
    );
    expect(error.code).toBe("GAIA_CO02");
    const { record } = await client.record.getRecord({ app, id: ids[0] ?? "" });
    expect([record.expert_name?.value, record.$revision?.value]).toEqual(["", "1"]);
  });

  test("deleteRecords checks revisions and unknown ids", async () => {
    const client = sandbox.clientAs("staff1");
    const { ids } = await client.record.addRecords({
      app,
      records: [{ company_name: { value: "D1" } }, { company_name: { value: "D2" } }],
    });
    const stale = await kintoneFailure(
      client.record.deleteRecords({ app, ids, revisions: [1, 5] }),
    );
    expect(stale.code).toBe("GAIA_CO02");
    await client.record.deleteRecords({ app, ids, revisions: [1, -1] });
    const missing = await kintoneFailure(client.record.getRecord({ app, id: ids[0] ?? "" }));
    expect([missing.status, missing.code]).toEqual([404, "GAIA_RE01"]);
  });

  test("write limits: more than 100 records to add/update/delete is CB_VA01", async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ company_name: { value: `L${i}` } }));
    // rest-api-client refuses >100 itself, so send the raw request.
    const response = await fetch(`${sandbox.baseUrl}/k/v1/records.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Cybozu-Authorization": Buffer.from("staff1:staff1").toString("base64"),
      },
      body: JSON.stringify({ app, records: tooMany }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      code: string;
      errors: Record<string, { messages: string[] }>;
    };
    expect(body.code).toBe("CB_VA01");
    expect(body.errors.records?.messages).toEqual(["一度に100件までのレコードを追加できます。"]);
    const ids = Array.from({ length: 101 }, (_, i) => i + 1);
    const del = await fetch(
      `${sandbox.baseUrl}/k/v1/records.json?app=${app}&${ids.map((id, i) => `ids[${i}]=${id}`).join("&")}`,
      {
        method: "DELETE",
        headers: { "X-Cybozu-Authorization": Buffer.from("staff1:staff1").toString("base64") },
      },
    );
    expect(del.status).toBe(400);
  });

  test("permissions: viewer may read but not write (CB_NO02); a view-only token cannot add (GAIA_NO01)", async () => {
    const viewer = sandbox.clientAs("viewer");
    await expect(viewer.record.getRecords({ app })).resolves.toBeDefined();
    const refused = await kintoneFailure(
      viewer.record.addRecord({ app, record: { company_name: { value: "v" } } }),
    );
    expect([refused.status, refused.code]).toEqual([403, "CB_NO02"]);
    const token = await sandbox.createApiToken(app, { view: true });
    const tokenClient = sandbox.clientWithToken(token);
    await expect(tokenClient.record.getRecords({ app })).resolves.toBeDefined();
    const denied = await kintoneFailure(
      tokenClient.record.addRecord({ app, record: { company_name: { value: "t" } } }),
    );
    expect(denied.code).toBe("GAIA_NO01");
  });

  test("FILE fields take uploaded fileKeys and return file descriptions", async () => {
    const client = sandbox.clientAs("staff1");
    const { fileKey } = await client.file.uploadFile({
      file: { name: "bundle.json", data: '{"ok":true}' },
    });
    const { id } = await client.record.addRecord({
      app,
      record: { company_name: { value: "添付" }, bundle: { value: [{ fileKey }] } },
    });
    const { record } = await client.record.getRecord({ app, id });
    const [file] = record.bundle?.value as Array<{ name: string; size: string; fileKey: string }>;
    expect([file?.name, file?.size]).toEqual(["bundle.json", "11"]);
    const data = await client.file.downloadFile({ fileKey: file?.fileKey ?? "" });
    expect(Buffer.from(data).toString("utf8")).toBe('{"ok":true}');
    const missing = await kintoneFailure(
      client.record.addRecord({
        app,
        record: { company_name: { value: "x" }, bundle: { value: [{ fileKey: "nope" }] } },
      }),
    );
    expect(missing.code).toBe("GAIA_BL01");
  });

  test("lookup copies the related record's fields; an unknown key is GAIA_LO04", async () => {
    const admin = sandbox.clientAs("admin");
    const questionnaires = await createQuestionnairesApp(admin, app);
    const { id } = await admin.record.addRecord({
      app,
      record: { company_name: { value: "参照元" } },
    });
    const added = await admin.record.addRecord({
      app: questionnaires,
      record: { application_no: { value: id } },
    });
    const { record } = await admin.record.getRecord({ app: questionnaires, id: added.id });
    expect(record.company_name?.value).toBe("参照元");
    const error = await kintoneFailure(
      admin.record.addRecord({
        app: questionnaires,
        record: { application_no: { value: "99999" } },
      }),
    );
    expect([error.status, error.code]).toEqual([400, "GAIA_LO04"]);
  });
});
