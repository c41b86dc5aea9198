import {
  type EventRecord,
  decideSave,
  decideShow,
  redirectOf,
} from "../../sandbox/web/kintone/effects";

const original: EventRecord = {
  $id: { type: "__ID__", value: "7" },
  company_name: { type: "SINGLE_LINE_TEXT", value: "株式会社テスト" },
  employees: { type: "NUMBER", value: "10" },
  Status: { type: "STATUS", value: "申込受付" },
};

describe("decideSave", () => {
  it("saves the original values when no handler returned an event", () => {
    expect(decideSave(original, { cancelled: false, returned: undefined })).toEqual({
      save: true,
      record: original,
      changed: false,
    });
  });

  it("applies writable values of the returned event and ignores read-only ones", () => {
    const returned = {
      record: {
        ...original,
        company_name: { type: "SINGLE_LINE_TEXT", value: "変更後" },
        Status: { type: "STATUS", value: "当選" },
      },
    };
    const decision = decideSave(original, { cancelled: false, returned });
    expect(decision).toMatchObject({ save: true, changed: true });
    if (!decision.save) throw new Error("expected a save");
    expect(decision.record.company_name?.value).toBe("変更後");
    expect(decision.record.Status?.value).toBe("申込受付");
  });

  it("does not save when the returned event carries a record error or field errors", () => {
    const returned = {
      error: "全体エラー",
      record: { ...original, employees: { type: "NUMBER", value: "x", error: "数値で入力" } },
    };
    expect(decideSave(original, { cancelled: false, returned })).toEqual({
      save: false,
      recordError: "全体エラー",
      fieldErrors: { employees: "数値で入力" },
    });
  });

  it("treats a null or empty error as no error", () => {
    const returned = {
      error: null,
      record: { ...original, employees: { type: "NUMBER", value: "3", error: null } },
    };
    expect(decideSave(original, { cancelled: false, returned })).toMatchObject({ save: true });
  });

  it("collects errors of subtable cells", () => {
    const returned = {
      record: {
        table: {
          type: "SUBTABLE",
          value: [
            { id: "1", value: { cell: { type: "SINGLE_LINE_TEXT", value: "", error: "必須" } } },
          ],
        },
      },
    };
    expect(decideSave({}, { cancelled: false, returned })).toEqual({
      save: false,
      fieldErrors: { "table[0].cell": "必須" },
    });
  });

  it("does not save after a cancel", () => {
    expect(decideSave(original, { cancelled: true, reason: "false" })).toEqual({
      save: false,
      fieldErrors: {},
    });
  });
});

describe("decideShow", () => {
  it("reads values, disabled flags and field errors from the returned event", () => {
    const returned = {
      record: {
        ...original,
        company_name: {
          type: "SINGLE_LINE_TEXT",
          value: "初期値",
          disabled: true,
          error: "確認して",
        },
      },
    };
    const changes = decideShow(original, { cancelled: false, returned });
    expect(changes.record.company_name?.value).toBe("初期値");
    expect(changes.disabled).toEqual({ company_name: true });
    expect(changes.fieldErrors).toEqual({ company_name: "確認して" });
  });
});

describe("redirectOf", () => {
  it("returns the url a success handler set", () => {
    expect(redirectOf({ cancelled: false, returned: { url: "/k/1/" } })).toBe("/k/1/");
    expect(redirectOf({ cancelled: false, returned: {} })).toBeUndefined();
    expect(redirectOf({ cancelled: true, reason: "false" })).toBeUndefined();
  });
});
