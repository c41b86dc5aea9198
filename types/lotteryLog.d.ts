declare namespace followup.apps {
  interface LotteryLog {
    sequence: kintone.fieldTypes.Number;
    run_id: kintone.fieldTypes.SingleLineText;
    kind: kintone.fieldTypes.DropDown;
    algorithm: kintone.fieldTypes.SingleLineText;
    seed: kintone.fieldTypes.SingleLineText;
    pool_fingerprint: kintone.fieldTypes.SingleLineText;
    pool_size: kintone.fieldTypes.Number;
    quota: kintone.fieldTypes.Number;
    pool: kintone.fieldTypes.MultiLineText;
    ranking: kintone.fieldTypes.MultiLineText;
    reason: kintone.fieldTypes.MultiLineText;
    state: kintone.fieldTypes.DropDown;
    previous_hash: kintone.fieldTypes.SingleLineText;
    entry_hash: kintone.fieldTypes.SingleLineText;

    bundle: kintone.fieldTypes.File;
  }
  interface SavedLotteryLog extends LotteryLog {
    $id: kintone.fieldTypes.Id;
    $revision: kintone.fieldTypes.Revision;
    作成者: kintone.fieldTypes.Creator;
    更新者: kintone.fieldTypes.Modifier;
    レコード番号: kintone.fieldTypes.RecordNumber;
    作成日時: kintone.fieldTypes.CreatedTime;
    更新日時: kintone.fieldTypes.UpdatedTime;
  }
}
