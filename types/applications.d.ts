declare namespace followup.apps {
  interface Applications {
    company_name: kintone.fieldTypes.SingleLineText;
    entity_type: kintone.fieldTypes.RadioButton;
    corporate_number: kintone.fieldTypes.SingleLineText;
    representative_name: kintone.fieldTypes.SingleLineText;
    postal_code: kintone.fieldTypes.SingleLineText;
    prefecture: kintone.fieldTypes.DropDown;
    address: kintone.fieldTypes.SingleLineText;
    industry: kintone.fieldTypes.DropDown;
    business_description: kintone.fieldTypes.SingleLineText;
    capital_yen: kintone.fieldTypes.Number;
    employees: kintone.fieldTypes.Number;
    participation_category: kintone.fieldTypes.RadioButton;
    prior_program: kintone.fieldTypes.SingleLineText;
    contact_name: kintone.fieldTypes.SingleLineText;
    contact_email: kintone.fieldTypes.Link;
    contact_phone: kintone.fieldTypes.SingleLineText;
    applied_at: kintone.fieldTypes.DateTime;
    eligibility: kintone.fieldTypes.DropDown;
    eligibility_notes: kintone.fieldTypes.MultiLineText;
    screening_signature: kintone.fieldTypes.SingleLineText;
    staff_decision: kintone.fieldTypes.DropDown;
    staff_decision_reason: kintone.fieldTypes.MultiLineText;
    screened_at: kintone.fieldTypes.DateTime;
    lottery_result: kintone.fieldTypes.DropDown;
    lottery_rank: kintone.fieldTypes.Number;
    waitlist_no: kintone.fieldTypes.Number;
    lottery_run_id: kintone.fieldTypes.SingleLineText;
    participation_intent: kintone.fieldTypes.RadioButton;
    visit_date: kintone.fieldTypes.Date;
    visit_start: kintone.fieldTypes.Time;
    visit_minutes: kintone.fieldTypes.Number;
    expert_name: kintone.fieldTypes.SingleLineText;
    withdrawal_reason: kintone.fieldTypes.MultiLineText;
    visit_report: kintone.fieldTypes.MultiLineText;

    consent_survey: kintone.fieldTypes.CheckBox;
    declarations: kintone.fieldTypes.CheckBox;
  }
  interface SavedApplications extends Applications {
    $id: kintone.fieldTypes.Id;
    $revision: kintone.fieldTypes.Revision;
    作成者: kintone.fieldTypes.Creator;
    更新者: kintone.fieldTypes.Modifier;
    作成日時: kintone.fieldTypes.CreatedTime;
    更新日時: kintone.fieldTypes.UpdatedTime;
    application_no: kintone.fieldTypes.RecordNumber;
  }
}
