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
import { type Lang, pick } from "../core/i18n";
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
import { ACTION_LABELS, CONFIG_TEXTS, OPERATIONS, STATE_LABELS } from "./texts";

export const ROOT_ID = "followup-config";

export interface ConfigDeps {
  client?: ClientFactory;
}

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
      t(CONFIG_TEXTS.roleSection),
      form.select(
        "role",
        t(CONFIG_TEXTS.role),
        [
          { value: "applications", text: t(CONFIG_TEXTS.roleApplications) },
          {
            value: "questionnaires",
            text: t(CONFIG_TEXTS.roleQuestionnaires),
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
      options.push({ value: "", text: t(CONFIG_TEXTS.fieldNotUsed) });
    const candidates = formFields ? compatibleFields(field, formFields) : [];
    for (const f of candidates) options.push({ value: f.code, text: `${f.label} (${f.code})` });
    if (current !== "" && !candidates.some((f) => f.code === current)) {
      options.push({
        value: current,
        text: `${current} ${t(CONFIG_TEXTS.fieldMissing)}`,
      });
    }
    const label = `${t(APPLICATION_FIELD_LABELS[field])} (${field})`;
    return form.select(`fieldMap.${field}`, label, options, current);
  });
  sections.push(
    applicationsOnly(
      section(
        t(CONFIG_TEXTS.fieldSection),
        el("p", { className: "kintoneplugin-desc" }, t(CONFIG_TEXTS.fieldHelp)),
        grid(...fieldRows),
        form.text("panelSpaceId", t(CONFIG_TEXTS.panelSpaceId), config.panelSpaceId),
      ),
    ),
  );

  sections.push(
    section(
      t(CONFIG_TEXTS.statesSection),
      grid(
        ...(Object.keys(STATES) as Array<keyof typeof STATES>).map((key) =>
          form.text(`states.${key}`, t(STATE_LABELS[key]), config.states[key]),
        ),
      ),
    ),
    section(
      t(CONFIG_TEXTS.actionsSection),
      grid(
        ...(Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).map((key) =>
          form.text(`actions.${key}`, t(ACTION_LABELS[key]), config.actions[key]),
        ),
      ),
    ),
    section(
      t(CONFIG_TEXTS.appsSection),
      form.text(
        "apps.applications",
        t(CONFIG_TEXTS.applicationsAppId),
        config.apps.applications?.toString() ?? "",
      ),
      form.text(
        "apps.questionnaires",
        t(CONFIG_TEXTS.questionnairesAppId),
        config.apps.questionnaires?.toString() ?? "",
      ),
      form.text(
        "apps.lotteryLog",
        t(CONFIG_TEXTS.lotteryLogAppId),
        config.apps.lotteryLog?.toString() ?? "",
      ),
      form.text(
        "questionnaireLinkField",
        t(CONFIG_TEXTS.questionnaireLinkField),
        config.questionnaireLinkField,
      ),
    ),
  );

  const program = config.program;
  sections.push(
    applicationsOnly(
      section(
        t(CONFIG_TEXTS.programSection),
        form.text("program.quota", t(CONFIG_TEXTS.quota), String(program.quota)),
        grid(
          form.japanTime(
            "program.window.opensAt",
            t(CONFIG_TEXTS.opensAt),
            program.window.opensAt,
            t(CONFIG_TEXTS.opensAtHint),
          ),
          form.japanTime(
            "program.window.closesAt",
            t(CONFIG_TEXTS.closesAt),
            program.window.closesAt,
            t(CONFIG_TEXTS.closesAtHint),
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
                t(CONFIG_TEXTS.capitalLimit),
                String(row.capitalLimitYen),
              ),
              form.text(
                `program.industries.${i}.employeeLimit`,
                t(CONFIG_TEXTS.employeeLimit),
                String(row.employeeLimit),
              ),
              form.checkbox(
                `program.industries.${i}.enabled`,
                t(CONFIG_TEXTS.industryEnabled),
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
        t(CONFIG_TEXTS.visitsSection),
        grid(
          form.japanTime(
            "program.replies.intentDeadline",
            t(CONFIG_TEXTS.intentDeadline),
            replies.intentDeadline ?? "",
            t(CONFIG_TEXTS.intentDeadlineHint),
          ),
          form.text(
            "program.replies.questionnaireDays",
            t(CONFIG_TEXTS.questionnaireDays),
            String(replies.questionnaireDays),
          ),
          form.text("program.visits.opensAt", t(CONFIG_TEXTS.visitsFrom), visits.opensAt),
          form.text("program.visits.closesAt", t(CONFIG_TEXTS.visitsUntil), visits.closesAt),
          form.text(
            "program.visits.minMinutes",
            t(CONFIG_TEXTS.minMinutes),
            String(visits.minMinutes),
          ),
          form.text(
            "program.visits.maxMinutes",
            t(CONFIG_TEXTS.maxMinutes),
            String(visits.maxMinutes),
          ),
        ),
        form.text(
          "program.visits.closureDays",
          t(CONFIG_TEXTS.closureDays),
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
        t(CONFIG_TEXTS.operatorsSection),
        el("p", { className: "kintoneplugin-desc" }, t(CONFIG_TEXTS.operatorsHelp)),
        grid(
          ...OPERATIONS.flatMap((op) => [
            form.text(
              `permissions.${op.key}.users`,
              `${pick(form.lang, op)}：${t(CONFIG_TEXTS.operatorUsers)}`,
              config.permissions[op.key].users.join(", "),
            ),
            form.text(
              `permissions.${op.key}.groups`,
              `${pick(form.lang, op)}：${t(CONFIG_TEXTS.operatorGroups)}`,
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
      warning.textContent = form.t(CONFIG_TEXTS.groupsInGuestSpace(groups));
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
        message: CONFIG_TEXTS.enterDateTime,
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
        message: CONFIG_TEXTS.tooLarge(error.bytes),
      });
    }
  }
  if (issues.length === 0) return saved;
  const unplaced = issues.filter(
    (issue) => !form.showError(issue.path, pick(form.lang, issue.message)),
  );
  summary.append(
    el("p", {}, form.t(CONFIG_TEXTS.problems(issues.length))),
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
      el("p", { className: "followup-config-saved" }, pick(lang, CONFIG_TEXTS.saved)),
    );
    window.alert(pick(lang, CONFIG_TEXTS.saved));
    window.location.href = `../../flow?app=${String(appId)}`;
  });
}

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
    summary.append(el("p", {}, form.t(CONFIG_TEXTS.appsUnchecked(errorText(error)))));
    return false;
  }
  if (issues.length === 0) return true;
  for (const issue of issues) form.showError(issue.path, pick(form.lang, issue.message));
  summary.append(el("p", {}, form.t(CONFIG_TEXTS.appProblems(issues.length))));
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
    summary.append(el("p", {}, form.t(CONFIG_TEXTS.formFieldsUnread(errorText(error)))));
  }
  if (issues.length > 0) {
    summary.append(
      el("p", {}, form.t(CONFIG_TEXTS.storedSettingsDamaged)),
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
    form.t(CONFIG_TEXTS.save),
  );
  const cancel = el(
    "button",
    { className: "kintoneplugin-button-dialog-cancel", attrs: { type: "button" } },
    form.t(CONFIG_TEXTS.cancel),
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
        summary.append(el("p", {}, form.t(CONFIG_TEXTS.logUnwritten(errorText(error)))));
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
    el("h2", { className: "followup-config-title" }, form.t(CONFIG_TEXTS.title)),
    summary,
    ...buildForm(form, config, formFields),
    el("div", { className: "followup-config-buttons" }, cancel, save),
  );
  if (inGuestSpace(k)) warnGroupsInGuestSpace(form);
  const role = root.querySelector<HTMLSelectElement>('select[data-path="role"]');
  role?.addEventListener("change", () => showSectionsFor(role.value));
  showSectionsFor(config.role);
}
