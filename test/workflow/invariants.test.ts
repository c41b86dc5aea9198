import { findInvariantViolations } from "../../src/core/workflow";
import { restRecord } from "./helpers";

const ids = (records: Parameters<typeof findInvariantViolations>[0], links: string[] = []) =>
  findInvariantViolations(records, links).map((v) => `${v.recordId}:${v.invariant}`);

describe("findInvariantViolations", () => {
  it("finds nothing in a consistent round", () => {
    const records = [
      restRecord(1, "申込受付"),
      restRecord(2, "対象外", { eligibility: "対象外" }),
      restRecord(3, "当選", { lottery_result: "当選", lottery_rank: "1" }),
      restRecord(4, "参加確定", {
        lottery_result: "当選",
        lottery_rank: "2",
        participation_intent: "参加する",
      }),
      restRecord(5, "訪問済", {
        lottery_result: "当選",
        lottery_rank: "3",
        participation_intent: "参加する",
        visit_date: "2024-09-01",
        expert_name: "山田",
      }),
      restRecord(6, "当選", {
        lottery_result: "当選",
        lottery_rank: "4",
        waitlist_no: "1",
      }),
      restRecord(7, "補欠", { lottery_result: "補欠", lottery_rank: "5", waitlist_no: "2" }),
      restRecord(8, "辞退", {
        lottery_result: "当選",
        lottery_rank: "6",
        participation_intent: "辞退する",
      }),
    ];
    expect(ids(records, ["5"])).toEqual([]);
  });

  it("reports each broken guard as an invariant", () => {
    const records = [
      restRecord(1, "当選"),
      restRecord(2, "参加確定", { lottery_result: "当選", lottery_rank: "2" }),
      restRecord(3, "質問票回答済", {
        lottery_result: "当選",
        lottery_rank: "3",
        participation_intent: "参加する",
      }),
      restRecord(4, "訪問済", {
        lottery_result: "当選",
        lottery_rank: "4",
        participation_intent: "参加する",
        visit_date: "2024-09-01",
      }),
      restRecord(5, "対象外"),
      restRecord(6, "辞退"),
      restRecord(7, "補欠", { lottery_result: "補欠" }),
    ];
    expect(ids(records, ["4"])).toEqual([
      "1:WINNER_WITHOUT_RANK",
      "2:CONFIRMED_WITHOUT_INTENT",
      "3:ANSWERED_WITHOUT_QUESTIONNAIRE",
      "4:VISITED_WITHOUT_RECORD",
      "5:INELIGIBLE_NOT_SCREENED_OUT",
      "6:DECLINED_WITHOUT_INTENT",
      "7:WAITLIST_WITHOUT_NUMBER",
    ]);
  });

  it("matches questionnaires to application numbers with an app code prefix", () => {
    const record = restRecord(3, "質問票回答済", {
      application_no: "APP-3",
      lottery_result: "当選",
      lottery_rank: "3",
      participation_intent: "参加する",
    });
    expect(ids([record], ["3"])).toEqual([]);
    expect(ids([record], [])).toEqual(["3:ANSWERED_WITHOUT_QUESTIONNAIRE"]);
  });

  it("reports a waitlist skipped by a later promotion and duplicate numbers", () => {
    const records = [
      restRecord(1, "補欠", { lottery_result: "補欠", lottery_rank: "51", waitlist_no: "1" }),
      restRecord(2, "当選", { lottery_result: "当選", lottery_rank: "52", waitlist_no: "2" }),
      restRecord(3, "補欠", { lottery_result: "補欠", lottery_rank: "53", waitlist_no: "3" }),
      restRecord(4, "補欠", { lottery_result: "補欠", lottery_rank: "54", waitlist_no: "3" }),
    ];
    expect(ids(records).sort()).toEqual([
      "1:WAITLIST_SKIPPED",
      "3:WAITLIST_DUPLICATE",
      "4:WAITLIST_DUPLICATE",
    ]);
  });

  it("reports ineligible applications in the program, half-done draws and unknown statuses", () => {
    const records = [
      restRecord(1, "当選", { eligibility: "要確認", lottery_result: "当選", lottery_rank: "1" }),
      restRecord(2, "申込受付", { lottery_result: "当選", lottery_rank: "2" }),
      restRecord(3, "保留"),
    ];
    expect(ids(records)).toEqual([
      "1:INELIGIBLE_IN_PROGRAM",
      "2:DRAWN_BUT_NOT_MOVED",
      "3:UNKNOWN_STATUS",
    ]);
  });
});

describe("only the draw makes winners (audit invariant)", () => {
  const check = (records: Parameters<typeof findInvariantViolations>[0], runs: string[]) =>
    findInvariantViolations(records, [], { completedDrawRunIds: new Set(runs) }).map(
      (v) => `${v.recordId}:${v.invariant}`,
    );
  const handMade = restRecord(9, "当選", { lottery_result: "当選", lottery_rank: "1" });
  const drawn = restRecord(3, "補欠", {
    lottery_result: "補欠",
    lottery_rank: "51",
    waitlist_no: "1",
    lottery_run_id: "run-1",
  });

  it("names a winner written by hand, with or without any draw in the log", () => {
    expect(check([handMade], [])).toEqual(["9:NOT_FROM_COMPLETED_DRAW"]);
    expect(check([handMade, drawn], ["run-1"])).toEqual(["9:NOT_FROM_COMPLETED_DRAW"]);
  });

  it("names records whose run id the log lacks (a deleted or unfinished draw)", () => {
    expect(check([drawn], [])).toEqual(["3:NOT_FROM_COMPLETED_DRAW"]);
    const pending = restRecord(4, "申込受付", { lottery_result: "当選", lottery_run_id: "run-2" });
    expect(check([pending], ["run-1"])).toEqual([
      "4:DRAWN_BUT_NOT_MOVED",
      "4:NOT_FROM_COMPLETED_DRAW",
    ]);
  });

  it("accepts a drawn winner cancelled to 対象外 with a reason", () => {
    const cancelled = restRecord(5, "対象外", {
      lottery_result: "当選",
      lottery_rank: "2",
      lottery_run_id: "run-1",
      withdrawal_reason: "虚偽申告（従業員数）",
    });
    expect(check([cancelled], ["run-1"])).toEqual([]);
    const noReason = restRecord(5, "対象外", { lottery_result: "当選", lottery_run_id: "run-1" });
    expect(check([noReason], ["run-1"])).toEqual(["5:INELIGIBLE_NOT_SCREENED_OUT"]);
  });
});
