export type SettingsKind =
  | "settings"
  | "fields"
  | "layout"
  | "views"
  | "reports"
  | "status"
  | "plugins"
  | "customize"
  | "acl"
  | "recordAcl"
  | "fieldAcl";

type Lang = "ja" | "en";

/** The system fields every kintone app has, with the codes kintone gives them in each language. */
const BUILT_IN_FIELDS: Array<{
  type: string;
  ja: string;
  en: string;
  extra: Record<string, unknown>;
}> = [
  { type: "RECORD_NUMBER", ja: "レコード番号", en: "Record_number", extra: { noLabel: false } },
  { type: "CREATOR", ja: "作成者", en: "Created_by", extra: { noLabel: false } },
  { type: "CREATED_TIME", ja: "作成日時", en: "Created_datetime", extra: { noLabel: false } },
  { type: "MODIFIER", ja: "更新者", en: "Updated_by", extra: { noLabel: false } },
  { type: "UPDATED_TIME", ja: "更新日時", en: "Updated_datetime", extra: { noLabel: false } },
  { type: "STATUS", ja: "ステータス", en: "Status", extra: { enabled: false } },
  { type: "STATUS_ASSIGNEE", ja: "作業者", en: "Assignee", extra: { enabled: false } },
  { type: "CATEGORY", ja: "カテゴリー", en: "Categories", extra: { enabled: false } },
];

export const BUILT_IN_TYPES = new Set(BUILT_IN_FIELDS.map((f) => f.type));

function builtInFields(lang: Lang): Record<string, Record<string, unknown>> {
  const fields: Record<string, Record<string, unknown>> = {};
  for (const field of BUILT_IN_FIELDS) {
    const code = field[lang];
    fields[code] = { type: field.type, code, label: code, ...field.extra };
  }
  return fields;
}

const DEFAULT_STATES: Record<Lang, [string, string, string]> = {
  ja: ["未処理", "処理中", "完了"],
  en: ["Not started", "In progress", "Completed"],
};

export function defaultSettings(kind: SettingsKind, name: string, lang: Lang): unknown {
  switch (kind) {
    case "settings":
      return {
        name,
        description: "",
        icon: { type: "PRESET", key: "APP72" },
        theme: "WHITE",
        titleField: { selectionMode: "AUTO" },
        enableThumbnails: true,
        enableBulkDeletion: false,
        enableComments: true,
        enableDuplicateRecord: true,
        enableInlineRecordEditing: true,
        numberPrecision: { digits: "16", decimalPlaces: "4", roundingMode: "HALF_EVEN" },
        firstMonthOfFiscalYear: "4",
      };
    case "fields":
      return builtInFields(lang);
    case "layout":
      return [];
    case "views":
    case "reports":
      return {};
    case "status": {
      // kintone's default workflow of a new app: it exists (its first state can only be renamed)
      // but the process-management GET reports `states: null` until the settings are first saved.
      const [first, second, third] = DEFAULT_STATES[lang];
      const nobody = { type: "ONE", entities: [] };
      return {
        enable: false,
        neverSaved: true,
        states: {
          [first]: { name: first, index: "0", assignee: nobody },
          [second]: { name: second, index: "1", assignee: nobody },
          [third]: { name: third, index: "2", assignee: nobody },
        },
        actions: [],
      };
    }
    case "plugins":
      return [];
    case "customize":
      return {
        scope: "ALL",
        desktop: { js: [], css: [] },
        mobile: { js: [], css: [] },
      };
    case "recordAcl":
    case "fieldAcl":
      return [];
    default:
      return defaultAcl();
  }
}

/** The rights of one app permission entry, in kintone's order (update-app-permissions). */
export const APP_RIGHTS = [
  "appEditable",
  "recordViewable",
  "recordAddable",
  "recordEditable",
  "recordDeletable",
  "recordImportable",
  "recordExportable",
] as const;

const ALL_RIGHTS = Object.fromEntries(APP_RIGHTS.map((right) => [right, true]));

/**
 * The sandbox's default app permissions: the creator, administrators and the secretariat may do
 * everything; everyone else (e.g. `viewer`) may only read.
 */
export function defaultAcl(): unknown[] {
  return [
    { entity: { type: "CREATOR", code: null }, includeSubs: false, ...ALL_RIGHTS },
    { entity: { type: "GROUP", code: "Administrators" }, includeSubs: false, ...ALL_RIGHTS },
    { entity: { type: "GROUP", code: "secretariat" }, includeSubs: false, ...ALL_RIGHTS },
    {
      entity: { type: "GROUP", code: "everyone" },
      includeSubs: false,
      appEditable: false,
      recordViewable: true,
      recordAddable: false,
      recordEditable: false,
      recordDeletable: false,
      recordImportable: false,
      recordExportable: true,
    },
  ];
}
