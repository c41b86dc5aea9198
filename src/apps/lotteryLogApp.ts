import { LOTTERY_LOG_KINDS, LOTTERY_LOG_STATES, type LotteryLogField } from "../core/vocabulary";
import { at, dropDown, file, multiLineText, numberField, row, singleLineText } from "./fields";
import type { AppDefinition, FieldProperty } from "./model";

export const LOTTERY_LOG_APP_NAME = "抽選記録";

/** Spec §2.3: one append-only record per lottery event, chained by hash. */
const LOTTERY_LOG_PROPERTIES = {
  sequence: numberField("sequence", "連番", { required: true, unique: true, minValue: "1" }),
  run_id: singleLineText("run_id", "抽選ID", { required: true, unique: true }),
  kind: dropDown("kind", "種別", Object.values(LOTTERY_LOG_KINDS), { required: true }),
  algorithm: singleLineText("algorithm", "アルゴリズム"),
  seed: singleLineText("seed", "シード"),
  pool_fingerprint: singleLineText("pool_fingerprint", "母集団の指紋（SHA-256）"),
  pool_size: numberField("pool_size", "母集団の件数", { minValue: "0" }),
  quota: numberField("quota", "当選枠", { minValue: "0" }),
  pool: multiLineText("pool", "母集団（レコードID）"),
  ranking: multiLineText("ranking", "順位（JSON）"),
  reason: multiLineText("reason", "理由"),
  state: dropDown("state", "状態", Object.values(LOTTERY_LOG_STATES), { required: true }),
  previous_hash: singleLineText("previous_hash", "直前の記録のハッシュ"),
  entry_hash: singleLineText("entry_hash", "この記録のハッシュ"),
  bundle: file("bundle", "検証用データ"),
} satisfies Record<LotteryLogField, FieldProperty>;

export function lotteryLogApp(): AppDefinition {
  const f = LOTTERY_LOG_PROPERTIES;
  return {
    key: "lotteryLog",
    name: LOTTERY_LOG_APP_NAME,
    fields: Object.values(f),
    layout: [
      row(at(f.sequence), at(f.run_id), at(f.kind), at(f.state)),
      row(at(f.algorithm), at(f.quota), at(f.pool_size)),
      row(at(f.seed)),
      row(at(f.pool_fingerprint)),
      row(at(f.pool)),
      row(at(f.ranking)),
      row(at(f.reason)),
      row(at(f.previous_hash)),
      row(at(f.entry_hash)),
      row(at(f.bundle)),
    ],
    views: [
      {
        type: "LIST",
        name: "全件",
        fields: ["sequence", "run_id", "kind", "state", "quota", "pool_size", "entry_hash"],
        filterCond: "",
        sort: "sequence asc",
      },
    ],
  };
}
