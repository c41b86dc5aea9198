import type { KintoneRecordLike } from "../../src/core/application";
import type { WorkflowRecord } from "../../src/core/workflow";

export function workflowRecord(overrides: Partial<WorkflowRecord> = {}): WorkflowRecord {
  return {
    id: "1",
    applicationNo: "1",
    status: "申込受付",
    eligibility: "適格",
    lotteryResult: "未抽選",
    lotteryRank: null,
    waitlistNo: null,
    lotteryRunId: "",
    participationIntent: "未回答",
    visitDate: "",
    expertName: "",
    withdrawalReason: "",
    ...overrides,
  };
}

/** A kintone REST record with the default field codes. */
export function restRecord(
  id: number,
  status: string,
  fields: Record<string, string> = {},
): KintoneRecordLike {
  const record: Record<string, { type?: string; value: string }> = {
    $id: { type: "__ID__", value: String(id) },
    application_no: { type: "RECORD_NUMBER", value: String(id) },
    ステータス: { type: "STATUS", value: status },
    eligibility: { value: "適格" },
    lottery_result: { value: "未抽選" },
    lottery_rank: { value: "" },
    waitlist_no: { value: "" },
    participation_intent: { value: "未回答" },
    visit_date: { value: "" },
    expert_name: { value: "" },
  };
  for (const [code, value] of Object.entries(fields)) record[code] = { value };
  return record;
}
