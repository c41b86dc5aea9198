import { kintoneFailure } from "../support/kintoneError";
import { type ContractTarget, startContractTarget } from "../support/contractTarget";
import { createApplicationsApp } from "./records-fixtures";

// Dual mode: a fresh sandbox, or a real kintone (see test/support/contractTarget.ts).
let sandbox: ContractTarget;
let app: string;
const COUNT = 1203;

beforeAll(async () => {
  sandbox = await startContractTarget();
  const admin = sandbox.clientAs("admin");
  app = await createApplicationsApp(admin);
  sandbox.track(app);
  const industries = ["卸売業", "サービス業", "小売業"];
  await admin.record.addAllRecords({
    app,
    records: Array.from({ length: COUNT }, (_, i) => ({
      company_name: { value: `会社${i + 1}` },
      employees: { value: String(i % 120) },
      industry: { value: industries[i % 3] },
      visit_date: { value: `2024-09-${String((i % 28) + 1).padStart(2, "0")}` },
    })),
  });
}, 60_000);
afterAll(() => sandbox.close());

describe("reading records with queries over HTTP", () => {
  test("the default order is $id desc and the default limit is 100", async () => {
    const { records } = await sandbox.clientAs("staff1").record.getRecords({ app });
    expect(records).toHaveLength(100);
    expect(records[0]?.$id?.value).toBe(String(COUNT));
    expect(records[99]?.$id?.value).toBe(String(COUNT - 99));
  });

  test("conditions, numeric order, fields[] and totalCount", async () => {
    const { records, totalCount } = await sandbox.clientAs("staff1").record.getRecords({
      app,
      query:
        'industry in ("小売業") and employees >= 100 order by employees desc, $id asc limit 5 offset 2',
      fields: ["$id", "employees"],
      totalCount: true,
    });
    // employees = i % 120 with i % 3 == 2 and value >= 100: values 101,104,...,119, ten ids each.
    expect(totalCount).toBe("70");
    expect(records.map((r) => r.employees?.value)).toEqual(["119", "119", "119", "119", "119"]);
    expect(Object.keys(records[0] ?? {}).sort()).toEqual(["$id", "employees"]);
  });

  test("date conditions and like", async () => {
    const client = sandbox.clientAs("staff1");
    const { totalCount } = await client.record.getRecords({
      app,
      query: 'visit_date >= "2024-09-27" and company_name like "会社11"',
      totalCount: true,
    });
    // company names containing 会社11 whose (i % 28) + 1 >= 27.
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter(
      (i) => `会社${i + 1}`.includes("会社11") && (i % 28) + 1 >= 27,
    ).length;
    expect(totalCount).toBe(String(expected));
  });

  test("a query too long for a GET URL goes as POST with X-HTTP-Method-Override (rest-api-client does this)", async () => {
    const ids = Array.from({ length: 700 }, (_, i) => i + 1);
    const { records } = await sandbox.clientAs("staff1").record.getRecords({
      app,
      query: `$id in (${ids.join(", ")}) and employees < 10 order by $id asc limit 500`,
    });
    expect(records.map((r) => Number(r.$id?.value))).toEqual(
      ids.filter((id) => (id - 1) % 120 < 10),
    );
  });

  test("limits: limit 500 is fine, 501 is GAIA_QU01; offset over 10,000 is GAIA_QU02", async () => {
    const client = sandbox.clientAs("staff1");
    const { records } = await client.record.getRecords({
      app,
      query: "order by $id asc limit 500",
    });
    expect(records).toHaveLength(500);
    expect((await kintoneFailure(client.record.getRecords({ app, query: "limit 501" }))).code).toBe(
      "GAIA_QU01",
    );
    expect(
      (await kintoneFailure(client.record.getRecords({ app, query: "offset 10001" }))).code,
    ).toBe("GAIA_QU02");
  });

  test("bad queries answer kintone's codes", async () => {
    const client = sandbox.clientAs("staff1");
    const syntax = await kintoneFailure(
      client.record.getRecords({ app, query: "company_name ===" }),
    );
    expect([syntax.status, syntax.code]).toEqual([400, "CB_VA01"]);
    expect(
      (await kintoneFailure(client.record.getRecords({ app, query: 'nope = "1"' }))).code,
    ).toBe("GAIA_IQ11");
    expect(
      (await kintoneFailure(client.record.getRecords({ app, query: 'industry = "卸売業"' }))).code,
    ).toBe("GAIA_IQ03");
    expect(
      (await kintoneFailure(client.record.getRecords({ app, query: 'industry in ("農業")' }))).code,
    ).toBe("GAIA_IQ10");
    expect(
      (await kintoneFailure(client.record.getRecords({ app, query: 'ステータス in ("無い状態")' })))
        .code,
    ).toBe("GAIA_IQ10");
  });

  test("getAllRecords without order (by $id) and with order (cursor) return every record once", async () => {
    const client = sandbox.clientAs("staff1");
    const byId = await client.record.getAllRecords({ app, condition: 'industry in ("卸売業")' });
    expect(byId).toHaveLength(401);
    expect(new Set(byId.map((r) => r.$id?.value)).size).toBe(401);
    const byCursor = await client.record.getAllRecords({ app, orderBy: "employees desc" });
    expect(byCursor).toHaveLength(COUNT);
    const employees = byCursor.map((r) => Number(r.employees?.value));
    expect(employees).toEqual([...employees].sort((a, b) => b - a));
    const byOffset = await client.record.getAllRecordsWithOffset({ app, orderBy: "$id asc" });
    expect(byOffset.map((r) => Number(r.$id?.value))).toEqual(
      Array.from({ length: COUNT }, (_, i) => i + 1),
    );
  });

  test("cursors page past 500, refuse size > 500 and an 11th live cursor, and end with next=false", async () => {
    const client = sandbox.clientAs("staff1");
    const { id, totalCount } = await client.record.createCursor({
      app,
      size: 500,
      query: "order by $id asc",
    });
    expect(totalCount).toBe(String(COUNT));
    const pages: number[] = [];
    for (;;) {
      const page = await client.record.getRecordsByCursor({ id });
      pages.push(page.records.length);
      if (!page.next) break;
    }
    expect(pages).toEqual([500, 500, 203]);
    expect((await kintoneFailure(client.record.getRecordsByCursor({ id }))).status).toBe(404);
    expect((await kintoneFailure(client.record.createCursor({ app, size: 501 }))).code).toBe(
      "CB_VA01",
    );

    const open = await Promise.all(
      Array.from({ length: 10 }, () => client.record.createCursor({ app })),
    );
    const eleventh = await kintoneFailure(client.record.createCursor({ app }));
    expect(eleventh.status).toBe(400);
    await Promise.all(open.map((c) => client.record.deleteCursor({ id: c.id })));
    await expect(client.record.createCursor({ app })).resolves.toHaveProperty("id");
  });
});
