import { fieldResolver } from "../../src/core/application";
import {
  checkProcessAction,
  DEFAULT_PROCESS_NAMES,
  TRANSITIONS,
  workflowRecordFromRecord,
} from "../../src/core/workflow";
import { restRecord, workflowRecord } from "./helpers";

describe("checkProcessAction", () => {
  const drawn = { completedDrawRunIds: new Set(["run-1"]) };

  it("当選登録は完了した抽選で当選になり順位がある申込だけを通す", () => {
    const winner = workflowRecord({ lotteryResult: "当選", lotteryRank: 3, lotteryRunId: "run-1" });
    expect(checkProcessAction(winner, "当選登録", drawn)).toBeNull();
    const undrawn = workflowRecord();
    expect(checkProcessAction(undrawn, "当選登録", drawn)?.guard).toBe("LOTTERY_RESULT_WINNER");
    const noRank = workflowRecord({ lotteryResult: "当選", lotteryRunId: "run-1" });
    expect(checkProcessAction(noRank, "当選登録", drawn)?.guard).toBe("LOTTERY_RESULT_WINNER");
  });

  it("手で書いた当選（抽選記録にない抽選ID・抽選IDなし・抽選が一度もない）は当選登録できない", () => {
    const handMade = workflowRecord({ lotteryResult: "当選", lotteryRank: 1, lotteryRunId: "x" });
    expect(checkProcessAction(handMade, "当選登録", drawn)?.guard).toBe("LOTTERY_RESULT_WINNER");
    const noRunId = { ...handMade, lotteryRunId: "" };
    expect(checkProcessAction(noRunId, "当選登録", drawn)?.guard).toBe("LOTTERY_RESULT_WINNER");
    const noDraw = { completedDrawRunIds: new Set<string>() };
    const refusal = checkProcessAction(handMade, "当選登録", noDraw);
    expect(refusal?.message.ja).toContain("当選は抽選だけが決めます");
    // Without the log read, the guard refuses rather than let an unchecked winner through.
    expect(checkProcessAction(handMade, "当選登録")?.guard).toBe("LOTTERY_RESULT_WINNER");
  });

  it("補欠登録と対象外登録はそれぞれの結果を要求する", () => {
    const waitlisted = workflowRecord({
      lotteryResult: "補欠",
      lotteryRank: 51,
      waitlistNo: 1,
      lotteryRunId: "run-1",
    });
    expect(checkProcessAction(waitlisted, "補欠登録", drawn)).toBeNull();
    expect(checkProcessAction(waitlisted, "対象外登録")?.guard).toBe("ELIGIBILITY_INELIGIBLE");
    expect(checkProcessAction(workflowRecord({ eligibility: "対象外" }), "対象外登録")).toBeNull();
  });

  it("対象外登録 follows a person's decision over the screening proposal (spec v2 §4)", () => {
    const register = (eligibility: string, staffDecision: string) =>
      checkProcessAction(workflowRecord({ eligibility, staffDecision }), "対象外登録")?.guard ??
      null;
    expect(register("対象外", "なし")).toBeNull();
    expect(register("対象外", "適格とする")).toBe("ELIGIBILITY_INELIGIBLE");
    expect(register("適格", "対象外とする")).toBeNull();
    expect(register("要確認", "対象外とする")).toBeNull();
    expect(register("要確認", "なし")).toBe("ELIGIBILITY_INELIGIBLE");
  });

  it("繰り上げは補欠順位の最も小さい申込だけを通し、理由に次の順位を示す", () => {
    const second = workflowRecord({ status: "補欠", lotteryResult: "補欠", waitlistNo: 2 });
    const refusal = checkProcessAction(second, "繰り上げ", { nextWaitlistNo: 1 });
    expect(refusal?.guard).toBe("NEXT_IN_WAITLIST");
    expect(refusal?.message.ja).toContain("補欠順位 1");
    expect(checkProcessAction(second, "繰り上げ", { nextWaitlistNo: 2 })).toBeNull();
  });

  it("次の補欠順位が分からないときは繰り上げを通さない", () => {
    const first = workflowRecord({ status: "補欠", lotteryResult: "補欠", waitlistNo: 1 });
    expect(checkProcessAction(first, "繰り上げ")?.guard).toBe("NEXT_IN_WAITLIST");
  });

  it("参加確定・辞退は参加意思に従う", () => {
    const winner = workflowRecord({ status: "当選", lotteryResult: "当選", lotteryRank: 1 });
    expect(checkProcessAction(winner, "参加確定")?.guard).toBe("INTENT_PARTICIPATE");
    expect(
      checkProcessAction({ ...winner, participationIntent: "参加する" }, "参加確定"),
    ).toBeNull();
    expect(checkProcessAction(winner, "辞退")?.guard).toBe("INTENT_DECLINE");
    const declining = { ...winner, participationIntent: "辞退する" };
    expect(checkProcessAction(declining, "辞退")).toBeNull();
    expect(checkProcessAction({ ...declining, status: "補欠" }, "辞退")).toBeNull();
  });

  it("参加確定・質問票回答済からの辞退には理由が要り、取消は当選から質問票回答済まで理由つきで", () => {
    const declining = workflowRecord({ status: "参加確定", participationIntent: "辞退する" });
    expect(checkProcessAction(declining, "辞退")?.guard).toBe("LATE_DECLINE");
    const withReason = { ...declining, withdrawalReason: "電話で辞退の申し出（担当: 佐藤）" };
    expect(checkProcessAction(withReason, "辞退")).toBeNull();
    expect(checkProcessAction({ ...withReason, status: "質問票回答済" }, "辞退")).toBeNull();
    for (const status of ["当選", "補欠", "参加確定", "質問票回答済"]) {
      const record = workflowRecord({ status });
      expect(checkProcessAction(record, "取消")?.guard).toBe("REASON_GIVEN");
      expect(checkProcessAction({ ...record, withdrawalReason: "虚偽申告" }, "取消")).toBeNull();
    }
    expect(checkProcessAction(workflowRecord({ withdrawalReason: "x" }), "取消")?.guard).toBe(
      "WRONG_STATE",
    );
  });

  it("差し戻しは対象外から、抽選が完了する前だけ", () => {
    const ineligible = workflowRecord({ status: "対象外", eligibility: "対象外" });
    expect(
      checkProcessAction(ineligible, "差し戻し", { completedDrawRunIds: new Set() }),
    ).toBeNull();
    expect(checkProcessAction(ineligible, "差し戻し", drawn)?.guard).toBe("BEFORE_DRAW");
    expect(checkProcessAction(ineligible, "差し戻し")?.guard).toBe("BEFORE_DRAW");
  });

  it("質問票回答は質問票があるときだけ、訪問完了は訪問日と専門家があるときだけ", () => {
    const confirmed = workflowRecord({ status: "参加確定", participationIntent: "参加する" });
    expect(checkProcessAction(confirmed, "質問票回答")?.guard).toBe("QUESTIONNAIRE_EXISTS");
    expect(checkProcessAction(confirmed, "質問票回答", { hasQuestionnaire: false })?.guard).toBe(
      "QUESTIONNAIRE_EXISTS",
    );
    expect(checkProcessAction(confirmed, "質問票回答", { hasQuestionnaire: true })).toBeNull();
    const answered = { ...confirmed, status: "質問票回答済" };
    expect(checkProcessAction({ ...answered, visitDate: "2024-09-10" }, "訪問完了")?.guard).toBe(
      "VISIT_RECORDED",
    );
    expect(
      checkProcessAction({ ...answered, visitDate: "2024-09-10", expertName: "  " }, "訪問完了")
        ?.guard,
    ).toBe("VISIT_RECORDED");
    expect(
      checkProcessAction({ ...answered, visitDate: "2024-09-10", expertName: "山田" }, "訪問完了"),
    ).toBeNull();
  });

  it("遷移元の状態が違うアクションと知らないアクションを断る", () => {
    const winner = workflowRecord({ status: "当選", participationIntent: "参加する" });
    expect(checkProcessAction(winner, "質問票回答", { hasQuestionnaire: true })?.guard).toBe(
      "WRONG_STATE",
    );
    expect(checkProcessAction(winner, "差し戻し")?.guard).toBe("WRONG_STATE");
    expect(checkProcessAction(winner, "再抽選")?.guard).toBe("UNKNOWN_ACTION");
  });

  it("設定で名前を変えたアクションと状態も同じ規則で判定する", () => {
    const names = {
      states: { ...DEFAULT_PROCESS_NAMES.states, winner: "Won" },
      actions: { ...DEFAULT_PROCESS_NAMES.actions, confirm: "Confirm" },
    };
    const won = workflowRecord({ status: "Won", participationIntent: "参加する" });
    expect(checkProcessAction(won, "Confirm", {}, names)).toBeNull();
    expect(checkProcessAction(won, "参加確定", {}, names)?.guard).toBe("UNKNOWN_ACTION");
  });

  it("every refusal message has both languages", () => {
    for (const transition of TRANSITIONS) {
      const from = DEFAULT_PROCESS_NAMES.states[transition.from[0] ?? "applied"];
      const refusal = checkProcessAction(
        workflowRecord({ status: from }),
        DEFAULT_PROCESS_NAMES.actions[transition.action],
      );
      expect(refusal?.message.ja).toMatch(/[ぁ-ん]/);
      expect(refusal?.message.en).toMatch(/[a-z]/);
    }
  });
});

describe("workflowRecordFromRecord", () => {
  it("reads the status by its type and fields through the field map", () => {
    const record = restRecord(7, "補欠", { wl: "3" });
    const parsed = workflowRecordFromRecord(record, fieldResolver({ waitlist_no: "wl" }));
    expect(parsed).toMatchObject({ id: "7", status: "補欠", waitlistNo: 3, lotteryRank: null });
  });
});
