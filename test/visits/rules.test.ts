import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { checkVisit, holidayOn, type VisitBooking } from "../../src/core/visits";

const settings = defaultProgramSettings().visits;

const booking = (overrides: Partial<VisitBooking> = {}): VisitBooking => ({
  recordId: "1",
  companyName: "株式会社テスト",
  date: "2024-09-17",
  start: "10:00",
  minutes: "90",
  expert: "山田 太郎",
  ...overrides,
});

const rulesOf = (visit: VisitBooking, others: VisitBooking[] = []) =>
  checkVisit(visit, others, settings).map((problem) => problem.rule);

describe("visit booking rules", () => {
  it("accepts a weekday 10:00 visit of 90 minutes", () => {
    expect(checkVisit(booking(), [], settings)).toEqual([]);
  });

  it("refuses New Year's Day as a holiday, naming it", () => {
    const [problem] = checkVisit(booking({ date: "2025-01-01" }), [], settings);
    expect(problem?.rule).toBe("VISIT_HOLIDAY");
    expect(problem?.field).toBe("visit_date");
    expect(problem?.message.ja).toContain("元日");
  });

  it("refuses a Saturday and 敬老の日 2024-09-16", () => {
    expect(rulesOf(booking({ date: "2024-09-21" }))).toEqual(["VISIT_WEEKEND"]);
    const [holiday] = checkVisit(booking({ date: "2024-09-16" }), [], settings);
    expect(holiday?.message.ja).toContain("敬老の日");
    expect(holiday?.message.en).toContain("Respect for the Aged Day");
  });

  it("refuses the year-end closure on a weekday that is no national holiday, and follows the settings", () => {
    expect(rulesOf(booking({ date: "2024-12-30" }))).toEqual(["VISIT_CLOSURE_DAY"]);
    expect(rulesOf(booking({ date: "2025-01-03" }))).toEqual(["VISIT_CLOSURE_DAY"]);
    const open = { ...settings, closureDays: ["2024-10-01"] };
    expect(checkVisit(booking({ date: "2024-12-30" }), [], open)).toEqual([]);
    expect(checkVisit(booking({ date: "2024-10-01" }), [], open)[0]?.rule).toBe(
      "VISIT_CLOSURE_DAY",
    );
  });

  it("refuses 180 minutes and a visit starting at 18:00, with the limits in the message", () => {
    const [long] = checkVisit(booking({ minutes: "180" }), [], settings);
    expect(long?.rule).toBe("VISIT_MINUTES_OUT_OF_RANGE");
    expect(long?.message.ja).toContain("60〜120 分");
    const [late] = checkVisit(booking({ start: "18:00" }), [], settings);
    expect(late?.rule).toBe("VISIT_OUTSIDE_HOURS");
    expect(late?.message.ja).toContain("09:00〜17:00");
    expect(rulesOf(booking({ start: "16:00", minutes: "90" }))).toEqual(["VISIT_OUTSIDE_HOURS"]);
    expect(rulesOf(booking({ start: "15:30", minutes: "90" }))).toEqual([]);
  });

  it("refuses an overlap with the same expert, naming the other company; back-to-back is fine", () => {
    const other = booking({
      recordId: "2",
      companyName: "有限会社先約",
      start: "11:00",
      minutes: "60",
      expert: "山田　太郎",
    });
    const [overlap] = checkVisit(booking(), [other], settings);
    expect(overlap?.rule).toBe("VISIT_OVERLAP");
    expect(overlap?.message.ja).toContain("有限会社先約");
    expect(overlap?.message.ja).toContain("11:00〜12:00");
    expect(rulesOf(booking(), [{ ...other, start: "11:30" }])).toEqual([]);
    expect(rulesOf(booking(), [{ ...other, expert: "鈴木 花子" }])).toEqual([]);
    expect(rulesOf(booking(), [{ ...other, date: "2024-09-18" }])).toEqual([]);
    expect(rulesOf(booking(), [{ ...booking() }])).toEqual([]);
  });

  it("lets staff fill the fields one at a time, but a completed visit needs all four", () => {
    expect(rulesOf(booking({ date: "", start: "", minutes: "", expert: "" }))).toEqual([]);
    expect(rulesOf(booking({ expert: "", minutes: "" }))).toEqual([]);
    const partial = booking({ expert: "", minutes: "" });
    expect(checkVisit(partial, [], settings, { complete: true }).map((p) => p.field)).toEqual([
      "visit_minutes",
      "expert_name",
    ]);
  });

  it("refuses an impossible date and a date past the holiday data", () => {
    expect(rulesOf(booking({ date: "2025-02-30" }))).toEqual(["VISIT_DATE_INVALID"]);
    expect(rulesOf(booking({ date: "2031-01-10" }))).toEqual(["VISIT_HOLIDAY_DATA_MISSING"]);
  });

  it("reads holidays by Japan's calendar date whatever the machine's zone (振替休日 included)", () => {
    expect(holidayOn("2024-08-12")?.ja).toContain("振替休日");
    expect(holidayOn("2024-08-13")).toBeUndefined();
  });
});
