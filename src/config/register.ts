/**
 * The plugin settings page (administrators): field mapping onto the app's own fields, state and
 * action names, the other apps, quota / window / SME thresholds and who may screen, draw and
 * promote. Validated with the shared schema before saving, each problem shown beside its input.
 */
import { screeningFromForm, screeningSections } from "./screeningSettings";
import { checkConfiguredApps } from "../adapters/appChecks";
import { readFormFields } from "../adapters/formFields";
import type { KintoneClient } from "../adapters/kintoneClient";
import { createProgram } from "../adapters/program";
import { appendSettingsEntry } from "../adapters/settingsLog";
import type { KintoneApi } from "../adapters/kintone-js/kintoneApi";
import {
  type ClientFactory,
  errorText,
  inGuestSpace,
  pluginConfigValues,
  sessionClient,
  userLang,
} from "../adapters/kintone-js/session";
import { type Lang, type Localized, pick } from "../core/i18n";
import { instantFromJapanWallClock } from "../core/settings/japanWallClock";
import { groupsUnknownInGuestSpace } from "../core/settings/operatorPermission";
import {
  compatibleFields,
  fieldMapProblems,
  type FormFieldInfo,
  OPTIONAL_FIELDS,
} from "../core/settings/fieldTypes";
import {
  type ConfigIssue,
  type PluginConfig,
  PluginConfigTooLargeError,
  restorePluginConfig,
  serializePluginConfig,
  validatePluginConfig,
} from "../core/settings/pluginConfig";
import { ACTIONS, APPLICATION_FIELD_LABELS, APPLICATION_FIELDS, STATES } from "../core/vocabulary";
import { clear, el } from "../desktop/dom";
import { ConfigForm } from "./form";

export const ROOT_ID = "followup-config";

export interface ConfigDeps {
  client?: ClientFactory;
}

const OPERATIONS = [
  { key: "screen", ja: "審査・同期", en: "Screen and sync" },
  { key: "draw", ja: "抽選", en: "Draw" },
  { key: "promote", ja: "繰り上げ", en: "Promote" },
] as const;

/** What each process state and action is, for the labels of their name inputs. */
const STATE_LABELS: Record<keyof typeof STATES, Localized> = {
  applied: { ja: "申込を受け付けた", en: "Applied" },
  winner: { ja: "当選", en: "Winner" },
  waitlisted: { ja: "補欠", en: "Waitlisted" },
  confirmed: { ja: "参加が確定した", en: "Participation confirmed" },
  questionnaireDone: { ja: "質問票の回答が届いた", en: "Questionnaire answered" },
  visited: { ja: "訪問が済んだ", en: "Visited" },
  declined: { ja: "辞退した", en: "Declined" },
  ineligible: { ja: "対象外", en: "Ineligible" },
};
const ACTION_LABELS: Record<keyof typeof ACTIONS, Localized> = {
  registerWinner: { ja: "当選にする", en: "Register as winner" },
  registerWaitlist: { ja: "補欠にする", en: "Register as waitlisted" },
  registerIneligible: { ja: "対象外にする", en: "Register as ineligible" },
  sendBack: { ja: "対象外から申込受付に差し戻す", en: "Send back from ineligible to applied" },
  promote: { ja: "補欠から当選に繰り上げる", en: "Promote from the waitlist" },
  confirm: { ja: "参加を確定する", en: "Confirm participation" },
  decline: { ja: "辞退にする", en: "Decline" },
  answerQuestionnaire: { ja: "質問票の回答を受け取る", en: "Questionnaire answered" },
  completeVisit: { ja: "訪問を完了する", en: "Complete the visit" },
  cancel: { ja: "当選・補欠・参加を取り消す（対象外へ）", en: "Cancel (to ineligible)" },
};

/** Reads the form fields of the app being configured (preview: the settings not yet deployed). */
async function loadFormFields(k: KintoneApi, client: ClientFactory): Promise<FormFieldInfo[]> {
  const app = k.app.getId();
  if (app === null) return [];
  return readFormFields(client(), app, { preview: true });
}

function list(text: string): string[] {
  return text
    .split(/[,、\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** An app id input: blank → null, digits → number, anything else stays text so validation names it. */
function appIdValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function numberValue(text: string): number | string {
  const trimmed = text.trim().replace(/,/g, "");
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Sections that only the applications app uses; hidden while the role is "questionnaires". */
const APPLICATIONS_ONLY = "followup-config-applications-only";

function applicationsOnly(node: HTMLElement): HTMLElement {
  node.classList.add(APPLICATIONS_ONLY);
  return node;
}

/** Rows laid out in columns on a wide screen (one column on a narrow one). */
function grid(...rows: HTMLElement[]): HTMLElement {
  return el("div", { className: "followup-config-grid" }, ...rows);
}

function section(title: string, ...children: HTMLElement[]): HTMLElement {
  return el(
    "fieldset",
    { className: "followup-config-section" },
    el("legend", {}, title),
    ...children,
  );
}

function buildForm(
  form: ConfigForm,
  config: PluginConfig,
  formFields: FormFieldInfo[] | null,
): HTMLElement[] {
  const t = form.t.bind(form);
  const sections: HTMLElement[] = [];
  sections.push(
    section(
      t({ ja: "このアプリの役割", en: "Role of this app" }),
      form.select(
        "role",
        t({ ja: "役割", en: "Role" }),
        [
          { value: "applications", text: t({ ja: "申込管理アプリ", en: "Applications app" }) },
          {
            value: "questionnaires",
            text: t({ ja: "このアプリは質問票アプリ", en: "This app is the questionnaire app" }),
          },
        ],
        config.role,
      ),
    ),
  );

  const fieldRows = APPLICATION_FIELDS.map((field) => {
    const current = config.fieldMap[field] ?? field;
    const options: Array<{ value: string; text: string }> = [];
    if (OPTIONAL_FIELDS.includes(field))
      options.push({ value: "", text: t({ ja: "（使用しない）", en: "(not used)" }) });
    const candidates = formFields ? compatibleFields(field, formFields) : [];
    for (const f of candidates) options.push({ value: f.code, text: `${f.label} (${f.code})` });
    if (current !== "" && !candidates.some((f) => f.code === current)) {
      options.push({
        value: current,
        text: `${current} ${t({ ja: "（見つからないか種類が違います）", en: "(missing or wrong type)" })}`,
      });
    }
    const label = `${t(APPLICATION_FIELD_LABELS[field])} (${field})`;
    return form.select(`fieldMap.${field}`, label, options, current);
  });
  sections.push(
    applicationsOnly(
      section(
        t({ ja: "フィールドの対応（申込管理アプリ）", en: "Field mapping (applications app)" }),
        el(
          "p",
          { className: "kintoneplugin-desc" },
          t({
            ja: "各項目に対応するこのアプリのフィールドを選びます。種類が合うフィールドだけが表示されます。",
            en: "Choose the field of this app for each item. Only fields of a compatible type are listed.",
          }),
        ),
        grid(...fieldRows),
        form.text(
          "panelSpaceId",
          t({
            ja: "詳細パネルを表示するスペースの要素ID",
            en: "Element id of the detail panel's space",
          }),
          config.panelSpaceId,
        ),
      ),
    ),
  );

  sections.push(
    section(
      t({ ja: "プロセス管理の状態名", en: "Process states" }),
      grid(
        ...(Object.keys(STATES) as Array<keyof typeof STATES>).map((key) =>
          form.text(`states.${key}`, t(STATE_LABELS[key]), config.states[key]),
        ),
      ),
    ),
    section(
      t({ ja: "プロセス管理のアクション名", en: "Process actions" }),
      grid(
        ...(Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).map((key) =>
          form.text(`actions.${key}`, t(ACTION_LABELS[key]), config.actions[key]),
        ),
      ),
    ),
    section(
      t({ ja: "関連アプリ", en: "Related apps" }),
      form.text(
        "apps.applications",
        t({
          ja: "申込管理アプリのアプリID（質問票アプリで使用）",
          en: "Applications app id (used by the questionnaire app)",
        }),
        config.apps.applications?.toString() ?? "",
      ),
      form.text(
        "apps.questionnaires",
        t({ ja: "質問票アプリのアプリID", en: "Questionnaire app id" }),
        config.apps.questionnaires?.toString() ?? "",
      ),
      form.text(
        "apps.lotteryLog",
        t({ ja: "抽選記録アプリのアプリID", en: "Lottery log app id" }),
        config.apps.lotteryLog?.toString() ?? "",
      ),
      form.text(
        "questionnaireLinkField",
        t({
          ja: "質問票アプリの受付番号フィールドコード",
          en: "Questionnaire app's application-number field code",
        }),
        config.questionnaireLinkField,
      ),
    ),
  );

  const program = config.program;
  sections.push(
    applicationsOnly(
      section(
        t({ ja: "募集の設定", en: "Program settings" }),
        form.text(
          "program.quota",
          t({ ja: "当選枠（件）", en: "Quota (winners)" }),
          String(program.quota),
        ),
        grid(
          form.japanTime(
            "program.window.opensAt",
            t({ ja: "受付開始", en: "Applications open" }),
            program.window.opensAt,
            t({ ja: "この時刻から受け付けます。", en: "Accepted from this time on." }),
          ),
          form.japanTime(
            "program.window.closesAt",
            t({ ja: "受付終了", en: "Applications close" }),
            program.window.closesAt,
            t({
              ja: "この時刻ちょうどの申込までを受け付けます。",
              en: "Accepted up to and including this time.",
            }),
          ),
        ),
        ...program.industries.map((row, i) =>
          el(
            "div",
            { className: "followup-config-industry" },
            el("h4", { className: "followup-config-industry-name" }, row.industry),
            el(
              "div",
              { className: "followup-config-industry-fields" },
              form.text(
                `program.industries.${i}.capitalLimitYen`,
                t({ ja: "資本金の上限（円）", en: "Capital limit (yen)" }),
                String(row.capitalLimitYen),
              ),
              form.text(
                `program.industries.${i}.employeeLimit`,
                t({ ja: "従業員数の上限（人）", en: "Employee limit" }),
                String(row.employeeLimit),
              ),
              form.checkbox(
                `program.industries.${i}.enabled`,
                t({ ja: "この業種を受け付ける", en: "Accept this industry" }),
                row.enabled,
              ),
            ),
          ),
        ),
      ),
    ),
  );

  const { visits, replies } = program;
  sections.push(
    applicationsOnly(
      section(
        t({ ja: "訪問と返信の期限", en: "Visits and reply deadlines" }),
        grid(
          form.japanTime(
            "program.replies.intentDeadline",
            t({ ja: "参加意思の回答期限", en: "Participation-intent deadline" }),
            replies.intentDeadline ?? "",
            t({
              ja: "過ぎると、返信のない当選者を一覧から辞退にできます（空欄: 期限なし）。",
              en: "After it, winners without a reply can be recorded as 辞退 from the list (blank: none).",
            }),
          ),
          form.text(
            "program.replies.questionnaireDays",
            t({ ja: "質問票の回答を待つ日数", en: "Days to wait for a questionnaire" }),
            String(replies.questionnaireDays),
          ),
          form.text(
            "program.visits.opensAt",
            t({ ja: "訪問できる時間（開始, HH:MM）", en: "Visits from (HH:MM)" }),
            visits.opensAt,
          ),
          form.text(
            "program.visits.closesAt",
            t({ ja: "訪問できる時間（終了, HH:MM）", en: "Visits until (HH:MM)" }),
            visits.closesAt,
          ),
          form.text(
            "program.visits.minMinutes",
            t({ ja: "所要時間の下限（分）", en: "Shortest visit (minutes)" }),
            String(visits.minMinutes),
          ),
          form.text(
            "program.visits.maxMinutes",
            t({ ja: "所要時間の上限（分）", en: "Longest visit (minutes)" }),
            String(visits.maxMinutes),
          ),
        ),
        form.text(
          "program.visits.closureDays",
          t({
            ja: "休業日（MM-DD は毎年、YYYY-MM-DD はその日だけ。カンマ区切り）",
            en: "Closure days (MM-DD every year, YYYY-MM-DD once; comma-separated)",
          }),
          visits.closureDays.join(", "),
        ),
      ),
    ),
  );

  sections.push(
    ...screeningSections(form, config, section, grid).map((node) => applicationsOnly(node)),
  );

  sections.push(
    applicationsOnly(
      section(
        t({ ja: "操作できる人", en: "Who may operate" }),
        el(
          "p",
          { className: "kintoneplugin-desc" },
          t({
            ja: "ログイン名・グループコードをカンマ区切りで入力します。空欄の操作のボタンは誰にも表示されません。",
            en: "Login names and group codes, separated by commas. A button with no one listed is shown to nobody.",
          }),
        ),
        grid(
          ...OPERATIONS.flatMap((op) => [
            form.text(
              `permissions.${op.key}.users`,
              `${pick(form.lang, op)}：${t({ ja: "ユーザー", en: "users" })}`,
              config.permissions[op.key].users.join(", "),
            ),
            form.text(
              `permissions.${op.key}.groups`,
              `${pick(form.lang, op)}：${t({ ja: "グループ", en: "groups" })}`,
              config.permissions[op.key].groups.join(", "),
            ),
          ]),
        ),
      ),
    ),
  );
  return sections;
}

/**
 * In a guest space kintone tells the plugin only about Everyone/Administrators, so any other group
 * listed under "who may operate" grants nothing there: a warning beside each such input says so
 * and asks for the users' login names (kept current while the administrator types).
 */
function warnGroupsInGuestSpace(form: ConfigForm): void {
  for (const op of OPERATIONS) {
    const bound = form.inputs.find((i) => i.path === `permissions.${op.key}.groups`);
    if (!bound || !(bound.node instanceof HTMLInputElement)) continue;
    const input = bound.node;
    const warning = el("div", {
      id: `followup-guest-groups-${op.key}`,
      className: "followup-config-guest-groups",
      attrs: { role: "status" },
    });
    const update = () => {
      const groups = groupsUnknownInGuestSpace(list(input.value));
      warning.hidden = groups.length === 0;
      warning.textContent = form.t({
        ja: `このアプリはゲストスペースにあります。ゲストスペースではkintoneがグループの所属を教えないため、グループ（${groups.join(", ")}）ではボタンが表示されません。使う人のログイン名をユーザー欄に入力してください。`,
        en: `This app is in a guest space, where kintone does not tell group membership: the groups (${groups.join(", ")}) show no buttons. Enter the login names of the people in the users field.`,
      });
    };
    input.addEventListener("input", update);
    bound.error.before(warning);
    update();
  }
}

/** A window input's Japan time as the stored instant; other text stays as it is, so validation names it. */
function windowInstant(wallClock: string): string {
  return instantFromJapanWallClock(wallClock) ?? wallClock.trim();
}

const WINDOW_PATHS = ["program.window.opensAt", "program.window.closesAt"];

/**
 * The schema asks for ISO text; on the page a blank (or half-filled) picker just needs filling in,
 * and the order of the two times is only judged once both are there.
 */
function windowIssues(form: ConfigForm, issues: ConfigIssue[]): ConfigIssue[] {
  const blank = WINDOW_PATHS.filter((path) => String(form.value(path) ?? "").trim() === "");
  return issues.flatMap((issue): ConfigIssue[] => {
    if (!WINDOW_PATHS.includes(issue.path) || blank.length === 0) return [issue];
    if (!blank.includes(issue.path)) return [];
    return [
      {
        path: issue.path,
        message: { ja: "日付と時刻を入力してください。", en: "Enter the date and time." },
      },
    ];
  });
}

/** A problem with one entry of a comma-separated list is shown beside the list's input. */
function onListInput(issue: ConfigIssue): ConfigIssue {
  const match = /^(program\.visits\.closureDays)\.\d+$/.exec(issue.path);
  return match?.[1] ? { ...issue, path: match[1] } : issue;
}

/** The config document the form describes (not yet validated). */
export function documentFromForm(form: ConfigForm, stored: PluginConfig): Record<string, unknown> {
  const text = (path: string) => String(form.value(path) ?? "");
  const fieldMap: Record<string, string> = {};
  for (const field of APPLICATION_FIELDS) {
    const value = form.value(`fieldMap.${field}`);
    if (typeof value === "string" && value !== field) fieldMap[field] = value;
  }
  const screening = screeningFromForm(form, stored);
  const names = <T extends Record<string, string>>(prefix: string, defaults: T) =>
    Object.fromEntries(Object.keys(defaults).map((key) => [key, text(`${prefix}.${key}`)]));
  return {
    version: stored.version,
    role: text("role"),
    fieldMap,
    optionMap: screening.optionMap,
    panelSpaceId: text("panelSpaceId"),
    states: names("states", STATES),
    actions: names("actions", ACTIONS),
    apps: {
      applications: appIdValue(text("apps.applications")),
      questionnaires: appIdValue(text("apps.questionnaires")),
      lotteryLog: appIdValue(text("apps.lotteryLog")),
    },
    questionnaireLinkField: text("questionnaireLinkField"),
    permissions: Object.fromEntries(
      OPERATIONS.map((op) => [
        op.key,
        {
          users: list(text(`permissions.${op.key}.users`)),
          groups: list(text(`permissions.${op.key}.groups`)),
        },
      ]),
    ),
    program: {
      ...stored.program,
      quota: numberValue(text("program.quota")),
      window: {
        opensAt: windowInstant(text("program.window.opensAt")),
        closesAt: windowInstant(text("program.window.closesAt")),
      },
      replies: {
        intentDeadline:
          text("program.replies.intentDeadline").trim() === ""
            ? null
            : windowInstant(text("program.replies.intentDeadline")),
        questionnaireDays: numberValue(text("program.replies.questionnaireDays")),
      },
      visits: {
        opensAt: text("program.visits.opensAt").trim(),
        closesAt: text("program.visits.closesAt").trim(),
        minMinutes: numberValue(text("program.visits.minMinutes")),
        maxMinutes: numberValue(text("program.visits.maxMinutes")),
        closureDays: list(text("program.visits.closureDays")),
      },
      industries: stored.program.industries.map((row, i) => ({
        ...row,
        capitalLimitYen: numberValue(text(`program.industries.${i}.capitalLimitYen`)),
        employeeLimit: numberValue(text(`program.industries.${i}.employeeLimit`)),
        enabled: form.value(`program.industries.${i}.enabled`) === true,
      })),
      roundOneParticipants: screening.roundOneParticipants,
    },
  };
}

/**
 * Validates the form; on success returns the document (with the form's STATUS field code) and its
 * setConfig values, else shows every problem and returns null.
 */
export function checkForm(
  form: ConfigForm,
  stored: PluginConfig,
  formFields: FormFieldInfo[] | null,
  summary: HTMLElement,
): { config: PluginConfig; values: Record<string, string> } | null {
  form.clearErrors();
  clear(summary);
  const document_ = documentFromForm(form, stored);
  const result = validatePluginConfig(document_);
  const issues: ConfigIssue[] = result.success
    ? []
    : windowIssues(form, result.issues).map(onListInput);
  if (formFields && document_.role === "applications") {
    issues.push(...fieldMapProblems(document_.fieldMap as Record<string, string>, formFields));
  }
  let saved: { config: PluginConfig; values: Record<string, string> } | null = null;
  if (result.success && issues.length === 0) {
    // The STATUS field is named in the app creator's language: read it from this app's form.
    const status = formFields?.find((field) => field.type === "STATUS")?.code;
    const config = status ? { ...result.config, statusField: status } : result.config;
    try {
      saved = { config, values: serializePluginConfig(config) };
    } catch (error) {
      if (!(error instanceof PluginConfigTooLargeError)) throw error;
      issues.push({
        path: "",
        message: {
          ja: `設定が kintone の上限（256KB）を超えています（${error.bytes} バイト）。`,
          en: `The settings exceed kintone's 256 KB limit (${error.bytes} bytes).`,
        },
      });
    }
  }
  if (issues.length === 0) return saved;
  const unplaced = issues.filter(
    (issue) => !form.showError(issue.path, pick(form.lang, issue.message)),
  );
  summary.append(
    el(
      "p",
      {},
      form.t({
        ja: `${issues.length} 件の問題があります。各項目のメッセージを確認してください。`,
        en: `${issues.length} problem(s); see the message beside each input.`,
      }),
    ),
    ...unplaced.map((issue) => el("p", {}, `${issue.path}: ${pick(form.lang, issue.message)}`)),
  );
  return null;
}

/**
 * Saves as kintone's plugin template does, after the settings of the applications app go into the
 * lottery log as a 設定 entry (spec v2 §6: the CLI applies the latest one). The log first: if it
 * cannot be written, nothing is saved, so the plugin and the CLI never apply different rules.
 * setConfig's callback tells the administrator to update the app, then opens the app settings.
 */
async function saveSettings(
  k: KintoneApi,
  client: KintoneClient,
  checked: { config: PluginConfig; values: Record<string, string> },
  summary: HTMLElement,
  lang: Lang,
): Promise<void> {
  const appId = k.app.getId();
  if (checked.config.role === "applications" && checked.config.apps.lotteryLog !== null) {
    const program = createProgram({
      client,
      config: checked.config,
      lang,
      source: { kind: "plugin" },
      apps: { applications: appId ?? undefined },
    });
    await appendSettingsEntry(program, checked.config);
  }
  k.plugin.app.setConfig(checked.values, () => {
    summary.replaceChildren(
      el("p", { className: "followup-config-saved" }, pick(lang, SAVED_NOTICE)),
    );
    window.alert(pick(lang, SAVED_NOTICE));
    window.location.href = `../../flow?app=${String(appId)}`;
  });
}

const SAVED_NOTICE = {
  ja: "プラグインの設定を保存しました。アプリを更新してください。",
  en: "The plug-in settings have been saved. Please update the app!",
};

/**
 * Checks the other apps the settings name against kintone (see adapters/appChecks.ts); shows each
 * problem beside its app id input. True when there is nothing to say.
 */
async function checkAppsBeforeSaving(
  form: ConfigForm,
  client: KintoneClient,
  config: PluginConfig,
  selfId: number | null,
  pluginId: string,
  summary: HTMLElement,
): Promise<boolean> {
  let issues: ConfigIssue[];
  try {
    issues = await checkConfiguredApps(client, config, selfId, pluginId);
  } catch (error) {
    summary.append(
      el(
        "p",
        {},
        form.t({
          ja: `関連アプリを確認できませんでした：${errorText(error)}`,
          en: `Could not check the related apps: ${errorText(error)}`,
        }),
      ),
    );
    return false;
  }
  if (issues.length === 0) return true;
  for (const issue of issues) form.showError(issue.path, pick(form.lang, issue.message));
  summary.append(
    el(
      "p",
      {},
      form.t({
        ja: `関連アプリに ${issues.length} 件の問題があります。各項目のメッセージを確認してください。`,
        en: `${issues.length} problem(s) with the related apps; see the message beside each input.`,
      }),
    ),
  );
  return false;
}

/** Builds the settings page into #followup-config. */
export async function registerConfig(
  k: KintoneApi,
  pluginId: string,
  deps: ConfigDeps = {},
): Promise<void> {
  const root = document.getElementById(ROOT_ID);
  if (!root) return;
  const lang: Lang = userLang(k);
  const { config, issues } = restorePluginConfig(pluginConfigValues(k, pluginId));
  const client = (deps.client ?? sessionClient(k))();
  const form = new ConfigForm(lang);
  const summary = el("div", {
    id: "followup-config-summary",
    className: "followup-config-summary",
    attrs: { role: "alert" },
  });
  let formFields: FormFieldInfo[] | null = null;
  try {
    formFields = await loadFormFields(k, () => client);
  } catch (error) {
    summary.append(
      el(
        "p",
        {},
        form.t({
          ja: `フォームのフィールドを読めませんでした：${errorText(error)}`,
          en: `Could not read the form fields: ${errorText(error)}`,
        }),
      ),
    );
  }
  if (issues.length > 0) {
    summary.append(
      el(
        "p",
        {},
        form.t({
          ja: "保存済みの設定に問題があったため、既定値を表示しています。",
          en: "The stored settings had problems; showing the defaults.",
        }),
      ),
      ...issues.map((i) => el("p", {}, `${i.path}: ${pick(lang, i.message)}`)),
    );
  }
  const save = el(
    "button",
    {
      id: "followup-config-save",
      className: "kintoneplugin-button-dialog-ok",
      attrs: { type: "button" },
    },
    form.t({ ja: "保存する", en: "Save" }),
  );
  const cancel = el(
    "button",
    { className: "kintoneplugin-button-dialog-cancel", attrs: { type: "button" } },
    form.t({ ja: "キャンセル", en: "Cancel" }),
  );
  save.addEventListener("click", () => {
    const checked = checkForm(form, config, formFields, summary);
    if (!checked) {
      summary.scrollIntoView?.();
      return;
    }
    save.disabled = true;
    checkAppsBeforeSaving(form, client, checked.config, k.app.getId(), pluginId, summary)
      .then(async (ok) => {
        if (ok) await saveSettings(k, client, checked, summary, lang);
        else summary.scrollIntoView?.();
      })
      .catch((error: unknown) => {
        summary.append(
          el(
            "p",
            {},
            form.t({
              ja: `設定を抽選記録に書き込めなかったため、保存していません：${errorText(error)}`,
              en: `Not saved: the settings could not be written to the lottery log: ${errorText(error)}`,
            }),
          ),
        );
        summary.scrollIntoView?.();
      })
      .finally(() => {
        save.disabled = false;
      });
  });
  cancel.addEventListener("click", () => history.back());
  const showSectionsFor = (role: string) => {
    for (const node of root.querySelectorAll<HTMLElement>(`.${APPLICATIONS_ONLY}`)) {
      node.hidden = role === "questionnaires";
    }
  };
  clear(root);
  root.append(
    el(
      "h2",
      { className: "followup-config-title" },
      form.t({
        ja: "セキュリティ対策点検 申込・抽選管理の設定",
        en: "Security checkup program settings",
      }),
    ),
    summary,
    ...buildForm(form, config, formFields),
    el("div", { className: "followup-config-buttons" }, cancel, save),
  );
  if (inGuestSpace(k)) warnGroupsInGuestSpace(form);
  const role = root.querySelector<HTMLSelectElement>('select[data-path="role"]');
  role?.addEventListener("change", () => showSectionsFor(role.value));
  showSectionsFor(config.role);
}
