/**
 * What `followup help COMMAND` and `followup COMMAND --help` say: the flags, what the command
 * writes, and an example, in one catalog so the texts are reviewed together.
 */
import { type Lang, type Localized, pick } from "../core/i18n";

export interface CommandHelp {
  usage: string;
  /** Flags beyond the target flags every kintone command takes. */
  flags: Array<[string, Localized]>;
  writes: Localized;
  example: string;
}

const TARGET_FLAGS: Array<[string, Localized]> = [
  [
    "--applications-app ID / --questionnaires-app ID / --lottery-log-app ID",
    {
      ja: "アプリID（省略時: 設定の記録 → followup.apps.json → アプリ名で検索）",
      en: "app ids (default: the saved settings, followup.apps.json, then the apps' names)",
    },
  ],
  [
    "--settings FILE",
    {
      ja: "抽選記録の最新の設定の代わりに使う設定ファイル（followup settings export で作れます）",
      en: "a settings file used instead of the lottery log's latest 設定 entry (see followup settings export)",
    },
  ],
  ["--lang ja|en", { ja: "表示の言語", en: "language of the output" }],
];

const YES: [string, Localized] = [
  "--yes",
  {
    ja: "確認なしで書き込む（端末がないときは必須）",
    en: "write without asking (required without a terminal)",
  },
];

const READS_ONLY: Localized = {
  ja: "kintone には何も書き込みません。",
  en: "Writes nothing to kintone.",
};

export const COMMAND_HELP: Record<string, CommandHelp> = {
  check: {
    usage: "followup check --input FILE [--now ISO] [--settings FILE] [--lang en]",
    flags: [
      [
        "--input FILE",
        { ja: "申込レコードの JSON 配列", en: "a JSON array of application records" },
      ],
      [
        "--now ISO",
        { ja: "申込日時のない申込に使う時刻", en: "the instant for records without applied_at" },
      ],
    ],
    writes: { ja: "オフライン。何も書き込みません。", en: "Offline; writes nothing." },
    example: "followup check --input applications.json",
  },
  screen: {
    usage:
      "followup screen [--dry-run] [--only-new] [--confirm-ineligible] [--decide ID --decision eligible|ineligible|none --reason TEXT] [--send-back ID --reason TEXT] [--yes]",
    flags: [
      ["--dry-run", { ja: "結果を表示するだけ", en: "show the results, write nothing" }],
      [
        "--only-new",
        { ja: "未判定の申込だけ書き込む", en: "write only applications not screened yet" },
      ],
      [
        "--confirm-ineligible",
        { ja: "対象外の提案を対象外登録する", en: "register the proposed 対象外" },
      ],
      [
        "--decide ID --decision … --reason TEXT",
        { ja: "事務局の判断を記録", en: "record a person's decision" },
      ],
      [
        "--send-back ID --reason TEXT",
        { ja: "差し戻し（記録に残ります）", en: "send back (logged)" },
      ],
      YES,
    ],
    writes: {
      ja: "申込管理アプリの審査結果・審査メモ・審査日時（と、指定時は状態・判断・差し戻しの記録）。",
      en: "eligibility, notes and screened_at of the applications (and, when asked, statuses, decisions, the send-back entry).",
    },
    example: "followup screen --dry-run",
  },
  draw: {
    usage: "followup draw [--quota N] [--seed HEX] [--dry-run] [--out FILE] [--resume] [--yes]",
    flags: [
      [
        "--quota N",
        { ja: "当選枠（省略時: 設定の当選枠）", en: "winners (default: the settings' quota)" },
      ],
      ["--seed HEX", { ja: "シード（16進数64文字）", en: "the seed (64 hex characters)" }],
      ["--dry-run", { ja: "順位を表示するだけ", en: "print the ranking, write nothing" }],
      ["--out FILE", { ja: "検証用データの保存先", en: "where to save the verification bundle" }],
      ["--resume", { ja: "途中の抽選を記録済みの順位で終える", en: "finish an interrupted draw" }],
      YES,
    ],
    writes: {
      ja: "抽選記録（1件）と、母集団の申込の抽選結果・順位・補欠順位・状態。",
      en: "one lottery log entry, and each pool application's result, rank, waitlist number and status.",
    },
    example: "followup draw --dry-run",
  },
  commit: {
    usage: "followup commit [--seed HEX | --hash HEX] [--note TEXT] [--yes]",
    flags: [
      ["--seed HEX", { ja: "抽選で使うシード", en: "the seed the draw will use" }],
      ["--hash HEX", { ja: "シードの SHA-256 だけ", en: "only the seed's SHA-256" }],
      YES,
    ],
    writes: { ja: "抽選記録に抽選予告（1件）。", en: "one 予告 entry in the lottery log." },
    example: "followup commit",
  },
  promote: {
    usage: "followup promote [--count N] [--force] [--note TEXT] [--yes]",
    flags: [
      [
        "--count N",
        { ja: "繰り上げる件数（省略時: 欠員の数）", en: "how many (default: the vacancies)" },
      ],
      ["--force", { ja: "欠員がなくても繰り上げる", en: "promote without a vacancy" }],
      YES,
    ],
    writes: {
      ja: "抽選記録（繰り上げ 1件）と、繰り上げた申込の状態。",
      en: "one 繰り上げ log entry and the promoted applications' status.",
    },
    example: "followup promote --count 1",
  },
  cancel: {
    usage: "followup cancel --record ID --reason TEXT [--yes]",
    flags: [
      ["--record ID --reason TEXT", { ja: "取り消す申込と理由", en: "the application and why" }],
      YES,
    ],
    writes: {
      ja: "申込の状態（対象外）と取消の記録。",
      en: "the status (対象外) and a 取消 log entry.",
    },
    example: 'followup cancel --record 12 --reason "虚偽の申告"',
  },
  decline: {
    usage: "followup decline --record ID --reason TEXT [--yes]",
    flags: [
      ["--record ID --reason TEXT", { ja: "辞退する申込と理由", en: "the application and why" }],
      YES,
    ],
    writes: { ja: "申込の状態（辞退）と記録。", en: "the status (辞退) and a log entry." },
    example: 'followup decline --record 12 --reason "電話で辞退の連絡"',
  },
  verify: {
    usage: "followup verify --bundle FILE",
    flags: [["--bundle FILE", { ja: "検証用データ", en: "the verification bundle" }]],
    writes: { ja: "オフライン。何も書き込みません。", en: "Offline; writes nothing." },
    example: "followup verify --bundle bundle.json",
  },
  audit: {
    usage: "followup audit [--head HASH]",
    flags: [
      [
        "--head HASH",
        { ja: "控えておいたチェーンの先頭", en: "a chain head kept outside kintone" },
      ],
    ],
    writes: READS_ONLY,
    example: "followup audit",
  },
  settings: {
    usage:
      "followup settings show [--entry N] | diff [--from N] [--to M] | export --out FILE [--entry N]",
    flags: [
      [
        "--entry N",
        { ja: "抽選記録の通番（省略時: 最新）", en: "the log sequence (default: the latest)" },
      ],
      ["--from N --to M", { ja: "比べる2つの設定", en: "the two settings to compare" }],
      ["--out FILE", { ja: "書き出し先（export）", en: "the file to write (export)" }],
    ],
    writes: {
      ja: "kintone には何も書き込みません（export はファイルだけ）。",
      en: "Writes nothing to kintone (export writes the file).",
    },
    example: "followup settings diff",
  },
  export: {
    usage:
      "followup export results --out FILE.csv [--since RUN_ID] | evidence --out DIR [--run RUN_ID] | visits --out FILE.ics [--expert NAME]",
    flags: [
      ["--out", { ja: "出力先", en: "where to write" }],
      [
        "--since RUN_ID",
        {
          ja: "その記録の後に結果が変わった申込だけ",
          en: "only outcomes changed after that entry",
        },
      ],
      ["--run RUN_ID", { ja: "証拠にする抽選", en: "the draw the evidence is about" }],
      ["--expert NAME", { ja: "一人の専門家の訪問だけ", en: "one expert's visits only" }],
    ],
    writes: {
      ja: "ローカルのファイルだけ。kintone には書き込みません。",
      en: "Local files only; nothing in kintone.",
    },
    example: "followup export results --out results.csv",
  },
  setup: {
    usage: "followup setup [--zip FILE] [--variant staff-table] [--secretariat-group CODE] [--yes]",
    flags: [
      [
        "--zip FILE",
        {
          ja: "読み込むプラグイン（既定: dist/plugin.zip）",
          en: "the plugin to install (default dist/plugin.zip)",
        },
      ],
      ["--secretariat-group CODE", { ja: "事務局のグループ", en: "the secretariat's group" }],
      YES,
    ],
    writes: {
      ja: "3つのアプリ（フィールド・一覧・プロセス管理・アクセス権）とプラグイン、followup.apps.json。",
      en: "the three apps (fields, views, process, permissions), the plugin, and followup.apps.json.",
    },
    example: "followup setup --yes",
  },
  upload: {
    usage: "followup upload [--zip FILE] [--yes]",
    flags: [["--zip FILE", { ja: "プラグインの zip", en: "the plugin zip" }], YES],
    writes: {
      ja: "kintone のプラグイン（読み込みと2つのアプリへの追加）。",
      en: "the plugin in kintone (installed, added to two apps).",
    },
    example: "followup upload --yes",
  },
  doctor: {
    usage: "followup doctor [--secretariat-group CODE] [--zip FILE] [--formbridge-script FILE]",
    flags: [
      ["--secretariat-group CODE", { ja: "事務局のグループ", en: "the secretariat's group" }],
    ],
    writes: READS_ONLY,
    example: "followup doctor",
  },
};

/** `followup help COMMAND`: usage, flags, what it writes, an example. */
export function formatHelp(name: string, help: CommandHelp, lang: Lang): string {
  const offline = name === "check" || name === "verify";
  const flags = offline ? help.flags : [...help.flags, ...TARGET_FLAGS];
  const width = Math.max(...flags.map(([flag]) => flag.length));
  return [
    `usage: ${help.usage}`,
    "",
    ...flags.map(([flag, text]) => `  ${flag.padEnd(width)}  ${pick(lang, text)}`),
    "",
    `${pick(lang, { ja: "書き込むもの", en: "writes" })}: ${pick(lang, help.writes)}`,
    `${pick(lang, { ja: "例", en: "example" })}: ${help.example}`,
  ].join("\n");
}
