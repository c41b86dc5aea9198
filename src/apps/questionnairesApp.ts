import { QUESTIONNAIRE_LINK_FIELD } from "../core/vocabulary";
import {
  at,
  dateTime,
  heading,
  multiLineText,
  numberField,
  radioButton,
  row,
  singleLineText,
} from "./fields";
import type { AppDefinition, FieldProperty, ProgramAppRefs } from "./model";

export const QUESTIONNAIRES_APP_NAME = "質問票";

/**
 * The checkup questions the expert reads before the visit (spec §2.2). Each answer is a fixed
 * choice where the expert compares companies, a number for counts, and free text for the rest.
 */
export const QUESTIONNAIRE_QUESTIONS = {
  pc_count: numberField("pc_count", "業務で使用しているパソコンの台数", {
    minValue: "0",
    unit: "台",
  }),
  server_count: numberField("server_count", "社内に設置しているサーバーの台数（クラウドを除く）", {
    minValue: "0",
    unit: "台",
  }),
  os_update: radioButton(
    "os_update",
    "OS・ソフトウェアの更新（アップデート）",
    [
      "自動更新で常に最新にしている",
      "定期的に手動で更新している",
      "更新していない機器がある",
      "わからない",
    ],
    "わからない",
  ),
  backup: radioButton(
    "backup",
    "重要データのバックアップ",
    [
      "定期的に取得し、復元も確認している",
      "定期的に取得している",
      "不定期に取得している",
      "取得していない",
      "わからない",
    ],
    "わからない",
  ),
  anti_malware: radioButton(
    "anti_malware",
    "ウイルス対策ソフトの導入",
    ["すべての機器に導入している", "一部の機器に導入している", "導入していない", "わからない"],
    "わからない",
  ),
  telework: radioButton(
    "telework",
    "テレワークの実施",
    ["実施している（会社支給の機器のみ）", "実施している（私物の機器を含む）", "実施していない"],
    "実施していない",
  ),
  security_staff: radioButton(
    "security_staff",
    "情報セキュリティの担当者",
    ["専任の担当者がいる", "兼任の担当者がいる", "担当者はいない"],
    "担当者はいない",
  ),
  incidents_last_year: radioButton(
    "incidents_last_year",
    "過去1年間のセキュリティ事故・被害（ウイルス感染、不正アクセス、情報漏えい等）",
    ["あった", "なかった", "わからない"],
    "わからない",
  ),
  incident_details: multiLineText("incident_details", "「あった」場合、その内容と対応"),
  concerns: multiLineText("concerns", "不安に感じていること・専門家に相談したいこと"),
} satisfies Record<string, FieldProperty>;

/** Shown in the applications app's related-records table. */
export const QUESTIONNAIRE_SUMMARY_FIELDS = [
  "answered_at",
  "pc_count",
  "server_count",
  "backup",
  "anti_malware",
  "incidents_last_year",
] as const;

export function questionnairesApp(refs: ProgramAppRefs): AppDefinition {
  const link: FieldProperty = {
    type: "NUMBER",
    code: QUESTIONNAIRE_LINK_FIELD,
    label: "受付番号",
    noLabel: false,
    required: true,
    lookup: {
      relatedApp: { app: refs.applications },
      relatedKeyField: "application_no",
      fieldMappings: [{ field: "company_name", relatedField: "company_name" }],
      lookupPickerFields: ["application_no", "company_name"],
      filterCond: "",
      sort: "application_no desc",
    },
  };
  const companyName = singleLineText("company_name", "企業名・屋号");
  const answeredAt = dateTime("answered_at", "回答日時", { defaultNow: true });
  const q = QUESTIONNAIRE_QUESTIONS;
  return {
    key: "questionnaires",
    name: QUESTIONNAIRES_APP_NAME,
    fields: [link, companyName, answeredAt, ...Object.values(q)],
    layout: [
      row(at(link), at(companyName), at(answeredAt)),
      row(heading("IT機器")),
      row(at(q.pc_count), at(q.server_count)),
      row(heading("対策の状況")),
      row(at(q.os_update)),
      row(at(q.backup)),
      row(at(q.anti_malware)),
      row(at(q.telework), at(q.security_staff)),
      row(heading("事故・相談")),
      row(at(q.incidents_last_year)),
      row(at(q.incident_details)),
      row(at(q.concerns)),
    ],
    views: [
      {
        type: "LIST",
        name: "全件",
        fields: ["application_no", "company_name", "answered_at", ...Object.keys(q)],
        filterCond: "",
        sort: "answered_at desc",
      },
    ],
  };
}
