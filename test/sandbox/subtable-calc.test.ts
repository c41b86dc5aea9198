/**
 * Subtables, calculated fields and auto-calculated text as kintone answers them
 * (sandbox/FIDELITY.md, "Subtables, calculated fields and comments").
 */
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { deploy } from "./records-fixtures";

let sandbox: TestSandbox;
let app: string;
const admin = () => sandbox.clientAs("admin");
const options = (...labels: string[]) =>
  Object.fromEntries(labels.map((label, index) => [label, { label, index: String(index) }]));

type Row = { id: string; value: Record<string, { type: string; value: unknown }> };

const PROPERTIES = {
  担当者一覧: {
    type: "SUBTABLE",
    code: "担当者一覧",
    label: "担当者一覧",
    fields: {
      担当者名: { type: "SINGLE_LINE_TEXT", code: "担当者名", label: "担当者名", required: true },
      役割: { type: "DROP_DOWN", code: "役割", label: "役割", options: options("主担当", "補助") },
      時間: { type: "NUMBER", code: "時間", label: "時間", maxValue: "100" },
      資格: {
        type: "CHECK_BOX",
        code: "資格",
        label: "資格",
        options: options("情報処理", "診断士"),
      },
      行小計: { type: "CALC", code: "行小計", label: "行小計", expression: "時間 * 単価" },
    },
  },
  単価: { type: "NUMBER", code: "単価", label: "単価" },
  合計時間: { type: "CALC", code: "合計時間", label: "合計時間", expression: "SUM(時間)" },
  人数判定: {
    type: "CALC",
    code: "人数判定",
    label: "人数判定",
    expression: 'IF(AND(合計時間 >= 10, OR(単価 > 0, 区分 = "無償")), 1, 0)',
  },
  区分: { type: "RADIO_BUTTON", code: "区分", label: "区分", options: options("有償", "無償") },
  三分の一: { type: "CALC", code: "三分の一", label: "三分の一", expression: "単価 / 3" },
  丸め: {
    type: "CALC",
    code: "丸め",
    label: "丸め",
    expression:
      "ROUND(単価 / 3, 1) + ROUNDUP(単価 / 3, 0) * 1000 + ROUNDDOWN(単価 / 3, 0) * 100000",
  },
  ゼロ除算: { type: "CALC", code: "ゼロ除算", label: "ゼロ除算", expression: "単価 / 0" },
  文字結果: {
    type: "CALC",
    code: "文字結果",
    label: "文字結果",
    expression: 'IF(単価 > 0, "有", "無")',
  },
  期日: { type: "DATE", code: "期日", label: "期日" },
  一週間後: {
    type: "CALC",
    code: "一週間後",
    label: "一週間後",
    expression: "期日 + 7 * 86400",
    format: "DATE",
  },
  税込表示: {
    type: "SINGLE_LINE_TEXT",
    code: "税込表示",
    label: "税込表示",
    expression: "YEN(単価 * 1.1, 0)",
  },
  期日表示: {
    type: "SINGLE_LINE_TEXT",
    code: "期日表示",
    label: "期日表示",
    expression: 'DATE_FORMAT(期日, "YYYY年M月d日", "Asia/Tokyo") & "まで"',
  },
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ({ app } = await admin().app.addApp({ name: "支援記録" }));
  await admin().app.addFormFields({ app, properties: PROPERTIES as never });
  await deploy(admin(), app);
});
afterAll(() => sandbox.close());

const rowsOf = (record: Record<string, { value: unknown }>): Row[] =>
  record.担当者一覧?.value as Row[];

describe("form fields", () => {
  test("a subtable lists its fields inside it; they are not top-level fields", async () => {
    const { properties } = await admin().app.getFormFields({ app });
    const table = properties.担当者一覧 as unknown as { fields: Record<string, { type: string }> };
    expect(Object.keys(table.fields).sort()).toEqual(
      ["役割", "時間", "担当者名", "行小計", "資格"].sort(),
    );
    expect(properties).not.toHaveProperty("担当者名");
    expect(properties.合計時間).toMatchObject({
      type: "CALC",
      format: "NUMBER",
      expression: "SUM(時間)",
    });
  });

  test("a subtable's field is deleted by its code; the table keeps the others", async () => {
    const client = admin();
    const { app: other } = await client.app.addApp({ name: "削除" });
    await client.app.addFormFields({
      app: other,
      properties: {
        t: {
          type: "SUBTABLE",
          code: "t",
          label: "t",
          fields: {
            a: { type: "SINGLE_LINE_TEXT", code: "a", label: "a" },
            b: { type: "NUMBER", code: "b", label: "b" },
          },
        },
      } as never,
    });
    await client.app.deleteFormFields({ app: other, fields: ["b"] });
    const { properties } = await client.app.getFormFields({ app: other, preview: true });
    expect(Object.keys((properties.t as unknown as { fields: object }).fields)).toEqual(["a"]);
    const { layout } = await client.app.getFormLayout({ app: other, preview: true });
    expect(JSON.stringify(layout)).not.toContain('"code":"b"');
  });

  test("a bad formula is refused on deploy with GAIA_IL01 naming the field", async () => {
    const client = admin();
    const { app: other } = await client.app.addApp({ name: "式の誤り" });
    await client.app.addFormFields({
      app: other,
      properties: {
        n: { type: "NUMBER", code: "n", label: "n" },
        bad: { type: "CALC", code: "bad", label: "誤り", expression: "n + 存在しない" },
      },
    });
    const error = await kintoneFailure(client.app.deployApp({ apps: [{ app: other }] }));
    expect(error.code).toBe("GAIA_IL01");
    expect(error.message).toContain(
      "フィールド「誤り」の計算式が正しくありません。(エラーの内容：計算式に含まれるフィールドコード（存在しない）が存在しません。)",
    );
  });

  test("a CALC format outside kintone's list is refused on add (CB_VA01)", async () => {
    const client = admin();
    const { app: other } = await client.app.addApp({ name: "書式" });
    const error = await kintoneFailure(
      client.app.addFormFields({
        app: other,
        properties: {
          c: { type: "CALC", code: "c", label: "c", expression: "1", format: "YEN" } as never,
        },
      }),
    );
    expect(error.errors).toEqual({
      "properties.c.format": { messages: ["Enum値のいずれかでなければなりません。"] },
    });
  });
});

describe("records with a subtable", () => {
  test("rows get ids and typed cells with defaults; calculated fields are computed", async () => {
    const client = admin();
    const { id } = await client.record.addRecord({
      app,
      record: {
        単価: { value: "3000" },
        区分: { value: "有償" },
        期日: { value: "2024-08-31" },
        担当者一覧: {
          value: [
            {
              value: {
                担当者名: { value: "佐藤" },
                役割: { value: "主担当" },
                時間: { value: "6" },
              },
            },
            { value: { 担当者名: { value: "鈴木" }, 時間: { value: "4.5" } } },
          ],
        },
      },
    });
    const { record } = await client.record.getRecord({ app, id });
    const rows = rowsOf(record);
    expect(rows.map((r) => r.id).every((rowId) => /^\d+$/.test(rowId))).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(rows[1]?.value).toEqual({
      担当者名: { type: "SINGLE_LINE_TEXT", value: "鈴木" },
      役割: { type: "DROP_DOWN", value: null },
      時間: { type: "NUMBER", value: "4.5" },
      資格: { type: "CHECK_BOX", value: [] },
      行小計: { type: "CALC", value: "13500" },
    });
    expect(record.合計時間).toEqual({ type: "CALC", value: "10.5" });
    expect(record.人数判定?.value).toBe("1");
    expect(record.三分の一?.value).toBe("1000");
    expect(record.丸め?.value).toBe(String(1000 + 1000 * 1000 + 1000 * 100000));
    expect(record.ゼロ除算?.value).toBe("");
    expect(record.文字結果?.value).toBe("");
    expect(record.一週間後?.value).toBe("2024-09-07");
    expect(record.税込表示).toEqual({ type: "SINGLE_LINE_TEXT", value: "¥3,300" });
    expect(record.期日表示?.value).toBe("2024年8月31日まで");
  });

  test("division keeps 4 decimals; rounding functions round as kintone does", async () => {
    const client = admin();
    const { id } = await client.record.addRecord({ app, record: { 単価: { value: "1000" } } });
    const { record } = await client.record.getRecord({ app, id });
    expect(record.三分の一?.value).toBe("333.3333");
    // ROUND(333.33, 1) + ROUNDUP(333.33, 0)*1000 + ROUNDDOWN(333.33, 0)*100000
    expect(record.丸め?.value).toBe(String(333.3 + 334 * 1000 + 333 * 100000));
    expect(record.合計時間?.value).toBe("0");
    expect(record.人数判定?.value).toBe("0");
    expect(record.期日表示?.value).toBe("まで");
  });

  test("errors inside rows are keyed record.<table>.value[<row>].value.<field>; a bad number in a row is stored empty", async () => {
    const client = admin();
    const error = await kintoneFailure(
      client.record.addRecord({
        app,
        record: {
          担当者一覧: {
            value: [
              { value: { 担当者名: { value: "佐藤" }, 時間: { value: "abc" } } },
              { value: { 時間: { value: "101" }, 資格: { value: ["診断士", "税理士"] } } },
            ],
          },
        },
      }),
    );
    expect(error.errors).toEqual({
      "record.担当者一覧.value[1].value.担当者名.value": { messages: ["必須です。"] },
      "record.担当者一覧.value[1].value.時間.value": {
        messages: ["100以下である必要があります。"],
      },
      "record.担当者一覧.value[1].value.資格.values[1].value": {
        messages: ['"税理士"は選択肢にありません。'],
      },
    });
    const { id } = await client.record.addRecord({
      app,
      record: {
        担当者一覧: { value: [{ value: { 担当者名: { value: "佐藤" }, 時間: { value: "abc" } } }] },
      },
    });
    const { record } = await client.record.getRecord({ app, id });
    expect(rowsOf(record)[0]?.value.時間?.value).toBe("");
  });

  test("an update replaces the table: a known row id keeps its cells not sent, other rows are new, rows not sent are gone", async () => {
    const client = admin();
    const { id } = await client.record.addRecord({
      app,
      record: {
        担当者一覧: {
          value: [
            { value: { 担当者名: { value: "A" }, 時間: { value: "1" } } },
            { value: { 担当者名: { value: "B" }, 時間: { value: "2" } } },
          ],
        },
      },
    });
    const before = rowsOf((await client.record.getRecord({ app, id })).record);
    const kept = before[0]?.id as string;
    await client.record.updateRecord({
      app,
      id,
      record: {
        担当者一覧: {
          value: [
            { id: kept, value: { 時間: { value: "9" } } },
            { id: "999999999", value: { 担当者名: { value: "C" } } },
          ],
        },
      },
    });
    const after = rowsOf((await client.record.getRecord({ app, id })).record);
    expect(after.map((r) => r.value.担当者名?.value)).toEqual(["A", "C"]);
    expect(after[0]?.id).toBe(kept);
    expect(after[0]?.value.時間?.value).toBe("9");
    expect(after[1]?.id).not.toBe("999999999");
    expect(after.map((r) => r.id)).not.toContain(before[1]?.id);
    await client.record.updateRecord({ app, id, record: { 単価: { value: "1" } } });
    expect(rowsOf((await client.record.getRecord({ app, id })).record)).toHaveLength(2);
  });

  test("bulk writes validate every row of every record before writing any", async () => {
    const client = admin();
    const error = await kintoneFailure(
      client.record.addRecords({
        app,
        records: [
          { 担当者一覧: { value: [{ value: { 担当者名: { value: "一括" } } }] } },
          { 担当者一覧: { value: [{ value: { 時間: { value: "1" } } }] } },
        ],
      }),
    );
    expect(error.errors).toEqual({
      "records[1].担当者一覧.value[0].value.担当者名.value": { messages: ["必須です。"] },
    });
    const { records } = await client.record.getRecords({ app, query: '担当者名 in ("一括")' });
    expect(records).toHaveLength(0);
  });

  test("queries on subtable fields take in / not in (any row matches), not =", async () => {
    const client = admin();
    const { ids } = await client.record.addRecords({
      app,
      records: [
        {
          担当者一覧: {
            value: [{ value: { 担当者名: { value: "検索甲" }, 役割: { value: "主担当" } } }],
          },
        },
        {
          担当者一覧: {
            value: [
              { value: { 担当者名: { value: "検索乙" }, 役割: { value: "補助" } } },
              { value: { 担当者名: { value: "検索丙" }, 役割: { value: "主担当" } } },
            ],
          },
        },
      ],
    });
    const found = async (query: string) =>
      (await client.record.getRecords({ app, query, fields: ["$id"] })).records
        .map((r) => r.$id?.value)
        .sort();
    expect(await found('担当者名 in ("検索丙", "検索甲")')).toEqual([...ids].sort());
    expect(await found('担当者名 in ("検索乙")')).toEqual([ids[1]]);
    expect(await found('担当者名 like "検索" and 役割 not in ("補助")')).toEqual([ids[0]]);
    const error = await kintoneFailure(
      client.record.getRecords({ app, query: '担当者名 = "検索甲"' }),
    );
    expect(error.code).toBe("GAIA_IQ03");
  });
});
