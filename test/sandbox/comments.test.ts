/** The record comments API as kintone documents it (sandbox/FIDELITY.md). */
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createApplicationsApp } from "./records-fixtures";

let sandbox: TestSandbox;
let app: string;
let record: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  app = await createApplicationsApp(sandbox.clientAs("admin"));
  ({ id: record } = await sandbox
    .clientAs("staff1")
    .record.addRecord({ app, record: { company_name: { value: "東京商事" } } }));
});
afterAll(() => sandbox.close());

test("comments get ids per record, keep their mentions, and page with order/offset/limit (older/newer)", async () => {
  const client = sandbox.clientAs("staff1");
  const ids: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const { id } = await client.record.addRecordComment({
      app,
      record,
      comment: {
        text: `連絡 ${i}`,
        ...(i === 1 ? { mentions: [{ code: "staff2", type: "USER" as const }] } : {}),
      },
    });
    ids.push(id);
  }
  expect(ids.slice(0, 3)).toEqual(["1", "2", "3"]);

  const newest = await client.record.getRecordComments({ app, record });
  expect(newest.comments.map((c) => c.id)).toEqual([
    "12",
    "11",
    "10",
    "9",
    "8",
    "7",
    "6",
    "5",
    "4",
    "3",
  ]);
  expect(newest).toMatchObject({ older: true, newer: false });
  expect(newest.comments[0]).toMatchObject({
    text: "連絡 12",
    creator: { code: "staff1", name: "事務局 一郎" },
    mentions: [],
  });
  expect(newest.comments[0]?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/);

  const oldest = await client.record.getRecordComments({
    app,
    record,
    order: "asc",
    offset: 1,
    limit: 2,
  });
  expect(oldest.comments.map((c) => c.id)).toEqual(["2", "3"]);
  expect(oldest).toMatchObject({ older: true, newer: true });
  const first = await client.record.getRecordComments({ app, record, order: "asc", limit: 1 });
  expect(first.comments[0]?.mentions).toEqual([{ code: "staff2", type: "USER" }]);
});

test("bad parameters answer CB_VA01: order not asc/desc, limit over 10, empty text", async () => {
  const client = sandbox.clientAs("staff1");
  const order = await kintoneFailure(
    client.record.getRecordComments({ app, record, order: "wrong" as "asc" }),
  );
  expect(order.errors).toEqual({ order: { messages: ["Enum値のいずれかでなければなりません。"] } });
  const limit = await kintoneFailure(client.record.getRecordComments({ app, record, limit: 11 }));
  expect(Object.keys(limit.errors as object)).toEqual(["limit"]);
  const empty = await kintoneFailure(
    client.record.addRecordComment({ app, record, comment: { text: "" } }),
  );
  expect(empty.errors).toEqual({ "comment.text": { messages: ["必須です。"] } });
});

test("only its author deletes a comment; an unknown comment is 400 GAIA_RE02; an unknown record 404 GAIA_RE01", async () => {
  const author = sandbox.clientAs("staff1");
  const { id } = await author.record.addRecordComment({ app, record, comment: { text: "消す" } });
  const other = await kintoneFailure(
    sandbox.clientAs("staff2").record.deleteRecordComment({ app, record, comment: id }),
  );
  expect(other.code).toBe("CB_NO02");
  await author.record.deleteRecordComment({ app, record, comment: id });
  const gone = await kintoneFailure(
    author.record.deleteRecordComment({ app, record, comment: id }),
  );
  expect([gone.status, gone.code]).toEqual([400, "GAIA_RE02"]);
  const noRecord = await kintoneFailure(author.record.getRecordComments({ app, record: 99_999 }));
  expect([noRecord.status, noRecord.code]).toEqual([404, "GAIA_RE01"]);
});
