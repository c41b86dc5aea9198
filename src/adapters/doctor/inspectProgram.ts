/**
 * `followup doctor`'s reads: only GET requests, app by app, each turned into findings by the pure
 * checks of src/apps/doctor. A read kintone refuses (rights, an API token where a password login is
 * needed) becomes a "cannot check" line with the reason, never a stop.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import {
  about,
  actionKey,
  type CheckedApp,
  checkFieldMap,
  checkFields,
  checkProcess,
} from "../../apps/doctor/appChecks";
import { cannotCheck, type Finding, problem } from "../../apps/doctor/finding";
import { type AppRight, checkAppPermissions } from "../../apps/doctor/permissions";
import {
  checkConfigured,
  checkFormBridgeScript,
  checkPluginAdded,
  checkPluginInstalled,
  formBridgeBuildOf,
  type SavedSettings,
  type ShippedPlugin,
} from "../../apps/doctor/pluginChecks";
import type { ProgramAppKey } from "../../apps/model";
import { withSecretariatGroup } from "../../apps/permissions";
import { PROGRAM_APP_KEYS, programApps } from "../../apps/program";
import type { Localized } from "../../core/i18n";
import type { FormFieldInfo } from "../../core/settings/fieldTypes";
import { DEFAULT_PROCESS_NAMES, type ProcessNames } from "../../core/workflow/process";
import type { ProgramAppIds } from "../appIds";
import { withRetry } from "../retry";
import type { KintoneClient } from "../kintoneClient";

export interface DoctorInputs {
  apps: Partial<ProgramAppIds>;
  shipped: ShippedPlugin;
  secretariatGroup: string;
  /** The FormBridge script file: its path and text (undefined when there is no such file). */
  formBridgeScript: { path: string; text: string | undefined };
  /** The settings in force: the latest 設定 entry of the lottery log, or a file given offline. */
  readSettings(client: KintoneClient, lotteryLog: number): Promise<SavedSettings | undefined>;
}

function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(" ") || String(error);
}

function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; status?: number };
  return e?.code === "GAIA_AP01" || e?.status === 404;
}

const RIGHTS_FIX: Localized = {
  ja: "アプリ管理権限のあるユーザー（KINTONE_USERNAME/KINTONE_PASSWORD）で実行してください",
  en: "run as a user with app management rights (KINTONE_USERNAME/KINTONE_PASSWORD)",
};

/** Runs one read; a refusal becomes a "cannot check" finding about `subject`. */
async function read<T>(
  findings: Finding[],
  subject: Localized,
  call: () => Promise<T>,
  fix: Localized = RIGHTS_FIX,
): Promise<T | undefined> {
  try {
    return await withRetry(call);
  } catch (error) {
    const reason = reasonOf(error);
    findings.push(
      cannotCheck(subject, { ja: `読めません（${reason}）`, en: `cannot read (${reason})` }, fix),
    );
    return undefined;
  }
}

const APP_FLAGS: Record<ProgramAppKey, string> = {
  applications: "--applications-app",
  questionnaires: "--questionnaires-app",
  lotteryLog: "--lottery-log-app",
};

/** The apps that exist, with a problem line for each missing one. */
async function findApps(
  client: KintoneRestAPIClient,
  ids: Partial<ProgramAppIds>,
  findings: Finding[],
): Promise<Partial<Record<ProgramAppKey, CheckedApp>>> {
  const found: Partial<Record<ProgramAppKey, CheckedApp>> = {};
  for (const key of PROGRAM_APP_KEYS) {
    const id = ids[key];
    const app = { key, id: id ?? 0 };
    const subject = about(app, { ja: "アプリ", en: "app" });
    const missingFix = {
      ja: `followup setup を実行するか、${APP_FLAGS[key]} でアプリIDを指定してください`,
      en: `run followup setup, or pass the app id with ${APP_FLAGS[key]}`,
    };
    if (!id) {
      findings.push(
        problem(subject, { ja: "アプリIDがわかりません", en: "no app id" }, missingFix),
      );
      continue;
    }
    try {
      await withRetry(() => client.app.getApp({ id }));
      found[key] = app;
    } catch (error) {
      if (isNotFound(error)) {
        findings.push(problem(subject, { ja: "見つかりません", en: "not found" }, missingFix));
      } else {
        const reason = reasonOf(error);
        findings.push(
          cannotCheck(
            subject,
            { ja: `読めません（${reason}）`, en: `cannot read (${reason})` },
            RIGHTS_FIX,
          ),
        );
      }
    }
  }
  return found;
}

async function fieldsOf(
  client: KintoneRestAPIClient,
  app: CheckedApp,
  findings: Finding[],
): Promise<FormFieldInfo[] | undefined> {
  const answer = await read(findings, about(app, { ja: "フィールド", en: "fields" }), () =>
    client.app.getFormFields({ app: app.id }),
  );
  return (
    answer &&
    Object.values(answer.properties).map(({ code, type, label }) => ({ code, type, label }))
  );
}

/** Action conditions to compare: only when the app uses the program's own codes and names. */
function expectedConditions(refs: ReturnType<typeof refsOf>, saved: SavedSettings | undefined) {
  const config = saved?.config;
  const ownCodes = !config || Object.keys(config.fieldMap).length === 0;
  const ownNames =
    !config ||
    JSON.stringify({ states: config.states, actions: config.actions }) ===
      JSON.stringify(DEFAULT_PROCESS_NAMES);
  if (!ownCodes || !ownNames) return undefined;
  const actions = programApps(refs).applications.process?.actions ?? [];
  return new Map(actions.map((a) => [actionKey(a), a.filterCond]));
}

function refsOf(apps: Partial<ProgramAppIds>) {
  return {
    applications: String(apps.applications ?? ""),
    questionnaires: String(apps.questionnaires ?? ""),
    lotteryLog: String(apps.lotteryLog ?? ""),
  };
}

export async function inspectProgram(
  client: KintoneRestAPIClient,
  inputs: DoctorInputs,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const apps = await findApps(client, inputs.apps, findings);
  const refs = refsOf(inputs.apps);
  const definitions = withSecretariatGroup(programApps(refs), inputs.secretariatGroup);
  const settingsSubject = { ja: "設定", en: "settings" };
  const saved = apps.lotteryLog
    ? await read(findings, settingsSubject, () =>
        inputs.readSettings(client, inputs.apps.lotteryLog ?? 0),
      )
    : undefined;
  const names: ProcessNames = saved?.config ?? DEFAULT_PROCESS_NAMES;

  for (const key of PROGRAM_APP_KEYS) {
    const app = apps[key];
    if (!app) continue;
    const fields = await fieldsOf(client, app, findings);
    if (fields && key === "applications") {
      findings.push(...checkFieldMap(app, saved?.config.fieldMap ?? {}, fields));
    } else if (fields) {
      findings.push(...checkFields(app, definitions[key].fields, fields));
    }
    if (key === "applications") {
      const process = await read(
        findings,
        about(app, { ja: "プロセス管理", en: "process management" }),
        () => client.app.getProcessManagement({ app: app.id, lang: "default" }),
      );
      if (process) {
        findings.push(
          ...checkProcess(app, process, names, {
            conditions: expectedConditions(refs, saved),
            secretariatGroup: inputs.secretariatGroup,
          }),
        );
      }
    }
    const acl = await read(
      findings,
      about(app, { ja: "アプリのアクセス権", en: "app permissions" }),
      () => client.app.getAppAcl({ app: app.id }),
    );
    if (acl)
      findings.push(
        ...checkAppPermissions(app, acl.rights as AppRight[], definitions[key].permissions ?? []),
      );
  }

  const installed = await read(
    findings,
    { ja: "プラグイン", en: "plugin" },
    () => client.plugin.getPlugins({ limit: 100 }),
    {
      ja: "kintone システム管理者のパスワード認証（KINTONE_USERNAME/KINTONE_PASSWORD）で実行してください",
      en: "run as a kintone administrator with a password login (KINTONE_USERNAME/KINTONE_PASSWORD)",
    },
  );
  if (installed) findings.push(checkPluginInstalled(installed.plugins, inputs.shipped));
  for (const app of [apps.applications, apps.questionnaires]) {
    if (!app) continue;
    const added = await read(findings, about(app, { ja: "プラグイン", en: "plugin" }), () =>
      client.app.getPlugins({ app: app.id }),
    );
    if (added) findings.push(checkPluginAdded(app, added.plugins, inputs.shipped));
  }
  if (apps.applications && apps.lotteryLog)
    findings.push(checkConfigured(apps.applications, saved));
  findings.push(...formBridgeFindings(inputs.formBridgeScript, saved));
  return findings;
}

function formBridgeFindings(
  script: DoctorInputs["formBridgeScript"],
  saved: SavedSettings | undefined,
): Finding[] {
  const subject = { ja: "FormBridge のスクリプト", en: "FormBridge script" };
  if (script.text === undefined) {
    return [
      cannotCheck(
        subject,
        { ja: `${script.path} がありません`, en: `${script.path} does not exist` },
        {
          ja: "FormBridge に登録したファイルを --formbridge-script で指定するか、npm run build で作ってください",
          en: "pass the file uploaded to FormBridge with --formbridge-script, or build it with npm run build",
        },
      ),
    ];
  }
  const build = formBridgeBuildOf(script.text);
  if (!build) {
    return [
      problem(
        subject,
        {
          ja: `${script.path} に作成日時と設定の記録がありません（古い版です）`,
          en: `${script.path} records no build time and settings (an old build)`,
        },
        {
          ja: "npm run build で作り直し、FormBridge に登録し直してください",
          en: "rebuild it with npm run build and upload it to FormBridge again",
        },
      ),
    ];
  }
  if (!saved) {
    return [
      cannotCheck(
        subject,
        {
          ja: `${build.builtAt} 作成。比べる設定がまだ保存されていません`,
          en: `built at ${build.builtAt}; no saved settings to compare with yet`,
        },
        {
          ja: "プラグインの設定を保存してから、もう一度 followup doctor を実行してください",
          en: "save the plugin settings, then run followup doctor again",
        },
      ),
    ];
  }
  return [checkFormBridgeScript(build, saved)];
}
