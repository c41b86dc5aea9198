import { fromWallClock, setTimeZone, wallClockText } from "../../sandbox/web/fields/timeZone";
import { fieldText } from "../../sandbox/web/fields/display";
import { configProblem } from "../../sandbox/web/kintone/pluginApi";
import { fieldCodeOfErrorKey } from "../../sandbox/web/pages/form";

describe("fieldText", () => {
  it("shows a CALC by its format: thousands separators, screen decimals, unit; dates as dates", () => {
    const calc = { type: "CALC", code: "c", label: "" };
    expect(
      fieldText("CALC", "1234567.891", {
        ...calc,
        format: "NUMBER_DIGIT",
        displayScale: "2",
        unit: "円",
        unitPosition: "AFTER",
      }),
    ).toBe("1,234,567.89円");
    expect(fieldText("CALC", "0.3333", { ...calc, format: "NUMBER", displayScale: "" })).toBe(
      "0.3333",
    );
    expect(fieldText("CALC", "2024-09-07", { ...calc, format: "DATE" })).toBe("2024-09-07");
    expect(fieldText("CALC", "25:01", { ...calc, format: "HOUR_MINUTE" })).toBe("25:01");
  });

  it("groups digits and places the unit as the field says", () => {
    expect(
      fieldText("NUMBER", "196000000", {
        type: "NUMBER",
        code: "c",
        label: "",
        digit: true,
        unit: "円",
      }),
    ).toBe("196,000,000円");
    expect(
      fieldText("NUMBER", "-1234.5", { type: "NUMBER", code: "c", label: "", digit: true }),
    ).toBe("-1,234.5");
    expect(
      fieldText("NUMBER", "1234", {
        type: "NUMBER",
        code: "c",
        label: "",
        unit: "¥",
        unitPosition: "BEFORE",
      }),
    ).toBe("¥1234");
  });

  it("joins choices and names, and keeps markup as plain text", () => {
    expect(fieldText("CHECK_BOX", ["ア", "イ"])).toBe("ア, イ");
    expect(
      fieldText("STATUS_ASSIGNEE", [
        { code: "a", name: "甲" },
        { code: "b", name: "" },
      ]),
    ).toBe("甲, b");
    expect(fieldText("SINGLE_LINE_TEXT", "<b>x</b>")).toBe("<b>x</b>");
  });
});

describe("configProblem (kintone.plugin.app.setConfig limits)", () => {
  it("accepts string values and refuses other values, long values and large configs", () => {
    expect(configProblem({ a: "1" })).toBeUndefined();
    expect(configProblem({ a: 1 })).toMatch(/string/);
    expect(configProblem({ a: "x".repeat(65_536) })).toMatch(/65535/);
    const big = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`k${i}`, "あ".repeat(20_000)]),
    );
    expect(configProblem(big)).toMatch(/bytes/);
    expect(configProblem(["a"])).toMatch(/object/);
  });
});

describe("fieldCodeOfErrorKey", () => {
  it("reads the field code of kintone's CB_VA01 keys", () => {
    expect(fieldCodeOfErrorKey("record.company_name.value")).toBe("company_name");
    expect(fieldCodeOfErrorKey("record[employees].value")).toBe("employees");
    expect(fieldCodeOfErrorKey("app")).toBeUndefined();
  });
});

describe("user time zone", () => {
  afterEach(() => setTimeZone(undefined));

  it("shows and reads date-times in the kintone user's zone, not the machine's", () => {
    setTimeZone("Asia/Tokyo");
    expect(fieldText("DATETIME", "2024-08-09T08:00:00Z")).toBe("2024-08-09 17:00");
    expect(fromWallClock({ year: 2024, month: 8, day: 9, hour: 17, minute: 0 }).toISOString()).toBe(
      "2024-08-09T08:00:00.000Z",
    );
    setTimeZone("America/New_York");
    expect(fieldText("DATETIME", "2024-08-09T08:00:00Z")).toBe("2024-08-09 04:00");
  });

  it("ignores an unknown zone", () => {
    setTimeZone("Not/AZone");
    expect(wallClockText(new Date("2024-01-01T00:00:00Z"))).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
  });
});
