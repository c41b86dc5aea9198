declare namespace followup.apps {
  interface Questionnaires {
    company_name: kintone.fieldTypes.SingleLineText;
    answered_at: kintone.fieldTypes.DateTime;
    pc_count: kintone.fieldTypes.Number;
    server_count: kintone.fieldTypes.Number;
    os_update: kintone.fieldTypes.RadioButton;
    backup: kintone.fieldTypes.RadioButton;
    anti_malware: kintone.fieldTypes.RadioButton;
    telework: kintone.fieldTypes.RadioButton;
    security_staff: kintone.fieldTypes.RadioButton;
    incidents_last_year: kintone.fieldTypes.RadioButton;
    incident_details: kintone.fieldTypes.MultiLineText;
    concerns: kintone.fieldTypes.MultiLineText;
    application_no: kintone.fieldTypes.Number;
  }
  interface SavedQuestionnaires extends Questionnaires {
    $id: kintone.fieldTypes.Id;
    $revision: kintone.fieldTypes.Revision;
    作成者: kintone.fieldTypes.Creator;
    更新者: kintone.fieldTypes.Modifier;
    レコード番号: kintone.fieldTypes.RecordNumber;
    作成日時: kintone.fieldTypes.CreatedTime;
    更新日時: kintone.fieldTypes.UpdatedTime;
  }
}
