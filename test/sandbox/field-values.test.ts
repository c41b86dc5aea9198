/**
 * Value fidelity: what a real kintone answers for the field values our plugin and CLI read and
 * write (sandbox/FIDELITY.md, "Records and field values").
 */
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { deploy } from "./records-fixtures";

let sandbox: TestSandbox;
let app: string;
const admin = () => sandbox.clientAs("admin");
const options = (...labels: string[]) =>
  Object.fromEntries(labels.map((label, index) => [label, { label, index: String(index) }]));

const uniqueAnyway = { unique: true } as object;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ({ app } = await admin().app.addApp({ name: "値の形" }));
  await admin().app.addFormFields({
    app,
    properties: {
      title: { type: "SINGLE_LINE_TEXT", code: "title", label: "件名" },
      result: {
        type: "DROP_DOWN",
        code: "result",
        label: "審査結果",
        options: options("適格", "対象外"),
      },
      kind: { type: "RADIO_BUTTON", code: "kind", label: "種別", options: options("新規", "継続") },
      code_text: { type: "SINGLE_LINE_TEXT", code: "code_text", label: "コード", minLength: "2" },
      amount: { type: "NUMBER", code: "amount", label: "金額" },
      // The client's types leave `unique` out for these types; kintone's API takes it all the same.
      at: { type: "TIME", code: "at", label: "時刻", ...uniqueAnyway },
      memo: { type: "MULTI_LINE_TEXT", code: "memo", label: "メモ", ...uniqueAnyway },
    },
  });
  await deploy(admin(), app);
});
afterAll(() => sandbox.close());

const valid = { code_text: { value: "AB" } };

test('an unselected DROP_DOWN reads as null (not sent, sent as "", cleared by PUT) and `in ("")` finds it', async () => {
  const client = admin();
  const absent = await client.record.addRecord({
    app,
    record: { ...valid, title: { value: "未選択" } },
  });
  const blank = await client.record.addRecord({ app, record: { ...valid, result: { value: "" } } });
  const chosen = await client.record.addRecord({
    app,
    record: { ...valid, result: { value: "適格" } },
  });
  await client.record.updateRecord({ app, id: chosen.id, record: { result: { value: "" } } });
  for (const { id } of [absent, blank, chosen]) {
    const { record } = await client.record.getRecord({ app, id });
    expect(record.result).toEqual({ type: "DROP_DOWN", value: null });
  }
  const { records } = await client.record.getRecords({
    app,
    query: 'result in ("")',
    fields: ["$id"],
  });
  expect(records.map((r) => r.$id?.value).sort()).toEqual([absent.id, blank.id, chosen.id].sort());
});

test("RADIO_BUTTON: the form says required, a record takes the default when not sent, and an empty one is not refused", async () => {
  const client = admin();
  const { properties } = await client.app.getFormFields({ app });
  expect(properties.kind).toMatchObject({ required: true, defaultValue: "新規" });
  const { id } = await client.record.addRecord({ app, record: valid });
  expect((await client.record.getRecord({ app, id })).record.kind?.value).toBe("新規");
  const { ids } = await client.record.addRecords({
    app,
    records: [
      { ...valid, kind: { value: "" } },
      { ...valid, kind: { value: "継続" } },
    ],
  });
  expect(ids).toHaveLength(2);
});

test("minLength is checked on an empty text too", async () => {
  const error = await kintoneFailure(
    admin().record.addRecord({ app, record: { code_text: { value: "" } } }),
  );
  expect(error.errors).toEqual({
    "record.code_text.value": { messages: ["1文字より長くなければなりません。"] },
  });
  const absent = await kintoneFailure(admin().record.addRecord({ app, record: {} }));
  expect(Object.keys(absent.errors as object)).toEqual(["record.code_text.value"]);
});

test('NUMBER is stored as kintone reads it: "1.5e1" → "15", " 42 " → "42"', async () => {
  const client = admin();
  const { ids } = await client.record.addRecords({
    app,
    records: [
      { ...valid, amount: { value: "1.5e1" } },
      { ...valid, amount: { value: " 42 " } },
    ],
  });
  const values = await Promise.all(
    ids.map(async (id) => (await client.record.getRecord({ app, id })).record.amount?.value),
  );
  expect(values).toEqual(["15", "42"]);
});

test("a non-numeric NUMBER is reported under `record[<code>].value`", async () => {
  const error = await kintoneFailure(
    admin().record.addRecord({ app, record: { ...valid, amount: { value: "12abc" } } }),
  );
  expect(error.errors).toEqual({
    "record[amount].value": { messages: ["数字でなければなりません。"] },
  });
});

test("unique: true on TIME and MULTI_LINE_TEXT is dropped without a word", async () => {
  const client = admin();
  const { properties } = await client.app.getFormFields({ app });
  expect(properties.at).not.toHaveProperty("unique");
  expect(properties.memo).not.toHaveProperty("unique");
  const same = { ...valid, at: { value: "09:30" }, memo: { value: "同じ" } };
  await expect(client.record.addRecords({ app, records: [same, same] })).resolves.toBeDefined();
});

test("GET file.json without fileKey is 400 CB_VA01", async () => {
  const response = await fetch(`${sandbox.baseUrl}/k/v1/file.json`, {
    headers: { "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64") },
  });
  expect(response.status).toBe(400);
  const body = (await response.json()) as { code: string; errors: unknown };
  expect(body.code).toBe("CB_VA01");
  expect(body.errors).toEqual({ fileKey: { messages: ["必須です。"] } });
});
