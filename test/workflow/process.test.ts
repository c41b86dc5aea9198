import {
  checkProcessAction,
  DEFAULT_PROCESS_NAMES,
  TRANSITIONS,
  workflowRecordFromRecord,
} from "../../src/core/workflow";
import { restRecord, workflowRecord } from "./helpers";

describe("checkProcessAction", () => {
  it("当選登録は抽選結果が当選で順位がある申込だけを通す", () => {
    const drawn = workflowRecord({ lotteryResult: "当選", lotteryRank: 3 });
    expect(checkProcessAction(drawn, "当選登録")).toBeNull();
    const undrawn = workflowRecord();
    expect(checkProcessAction(undrawn, "当選登録")?.guard).toBe("LOTTERY_RESULT_WINNER");
    const noRank = workflowRecord({ lotteryResult: "当選" });
    expect(checkProcessAction(noRank, "当選登録")?.guard).toBe("LOTTERY_RESULT_WINNER");
  });

  it("補欠登録と対象外登録はそれぞれの結果を要求する", () => {
    const waitlisted = workflowRecord({ lotteryResult: "補欠", lotteryRank: 51, waitlistNo: 1 });
    expect(checkProcessAction(waitlisted, "補欠登録")).toBeNull();
    expect(checkProcessAction(waitlisted, "対象外登録")?.guard).toBe("ELIGIBILITY_INELIGIBLE");
    expect(checkProcessAction(workflowRecord({ eligibility: "対象外" }), "対象外登録")).toBeNull();
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
    expect(checkProcessAction({ ...declining, status: "参加確定" }, "辞退")).toBeNull();
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
    expect(checkProcessAction(winner, "差し戻し")?.guard).toBe("UNKNOWN_ACTION");
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
    const parsed = workflowRecordFromRecord(record, { waitlist_no: "wl" });
    expect(parsed).toMatchObject({ id: "7", status: "補欠", waitlistNo: 3, lotteryRank: null });
  });
});
