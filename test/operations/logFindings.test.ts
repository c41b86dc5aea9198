import { findLogFindings, type LoggedEntry } from "../../src/core/audit/logFindings";
import { DEFAULT_PROCESS_NAMES } from "../../src/core/workflow";

const entry = (
  sequence: number,
  kind: string,
  ranking: unknown,
  extra: Partial<LoggedEntry> = {},
) =>
  ({
    sequence,
    run_id: `run-${sequence}`,
    kind,
    algorithm: "hmac-sha256-rank/v1",
    seed: "",
    pool_fingerprint: "",
    pool_size: null,
    quota: 2,
    pool: null,
    ranking,
    reason: "",
    previous_hash: "",
    entry_hash: `h${sequence}`,
    state: "完了",
    ...extra,
  }) as LoggedEntry;

const draw = entry(1, "抽選", [
  { key: "5", rank: 1, result: "当選", waitlist_no: null },
  { key: "3", rank: 2, result: "当選", waitlist_no: null },
  { key: "9", rank: 3, result: "補欠", waitlist_no: 1 },
  { key: "4", rank: 4, result: "補欠", waitlist_no: 2 },
]);
const promotion = (sequence: number, key: string, no: number) =>
  entry(sequence, "繰り上げ", { declined: [], promoted: [{ key, rank: no + 2, waitlist_no: no }] });
const ids = (log: LoggedEntry[], head?: string) =>
  findLogFindings({ log, applications: [], names: DEFAULT_PROCESS_NAMES, head }).map((f) => f.id);

describe("what the lottery log implies", () => {
  it("finds nothing in a draw followed by promotions in order", () => {
    expect(ids([draw, promotion(2, "9", 1), promotion(3, "4", 2)], "h2")).toEqual([]);
  });

  it("names promotions out of waitlist order, and one the draw never waitlisted", () => {
    expect(ids([draw, promotion(2, "4", 2), promotion(3, "9", 1)])).toEqual([
      "PROMOTIONS_OUT_OF_ORDER",
    ]);
    expect(ids([draw, promotion(2, "7", 1)])).toEqual(["PROMOTED_NOT_WAITLISTED"]);
  });

  it("names a draw at 開始 and a kept head the log does not contain", () => {
    expect(ids([{ ...draw, state: "開始" }], "feed")).toEqual([
      "DRAW_NOT_COMPLETED",
      "HEAD_NOT_IN_LOG",
    ]);
  });
});
