/**
 * `followup setup [--secretariat-group CODE]`: creates or updates the three apps of spec §2 (fields,
 * layout, views, process management, status assignees and app permissions of spec §3; the secretariat's
 * group code defaults to `secretariat`) on the target kintone, deploys them, and writes their ids to
 * followup.apps.json; then installs dist/plugin.zip (or --zip) into them when it is not installed at
 * that version yet. Idempotent: a second run reads, says 変更はありません, and writes nothing.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { APP_IDS_FILE } from "../../adapters/appIds";
import { createClient, type KintoneTarget, targetFromEnv } from "../../adapters/connection";
import type { ProgramAppKey } from "../../apps/model";
import type { PlannedChange } from "../../apps/plan";
import { PROGRAM_APP_KEYS, PROGRAM_APP_NAMES } from "../../apps/program";
import { APPLICATIONS_VARIANTS, type ApplicationsVariant } from "../../apps/staffTableVariant";
import { type Lang, type Localized, pick } from "../../core/i18n";
import { SetupConflictError, type SetupReport, setupApps } from "../../setup/setupApps";
import { PluginInstallNotAllowedError, uploadPlugin } from "../../setup/upload";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, CommandError } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import { explainKintoneFailure } from "../kintoneFailure";
import { DEFAULT_PLUGIN_ZIP, formatUploadResult } from "./upload";

const CHANGE_TEXT: Record<PlannedChange["kind"], (items: string) => Localized> = {
  addFields: (items) => ({ ja: `フィールドを追加: ${items}`, en: `added fields: ${items}` }),
  updateFields: (items) => ({ ja: `フィールドを更新: ${items}`, en: `updated fields: ${items}` }),
  layout: () => ({ ja: "フォームのレイアウトを更新", en: "updated the form layout" }),
  views: (items) => ({ ja: `一覧を更新: ${items}`, en: `updated views: ${items}` }),
  reports: (items) => ({ ja: `グラフを更新: ${items}`, en: `updated graphs: ${items}` }),
  process: () => ({ ja: "プロセス管理を更新", en: "updated process management" }),
  permissions: () => ({ ja: "アプリのアクセス権を更新", en: "updated the app permissions" }),
};

function describeChange(change: PlannedChange, lang: Lang): string {
  return pick(lang, CHANGE_TEXT[change.kind](change.items.join(", ")));
}

function appStatus(report: SetupReport, key: ProgramAppKey, lang: Lang): string {
  if (report.created.includes(key)) return pick(lang, { ja: "作成しました", en: "created" });
  if (report.changes[key].length > 0) return pick(lang, { ja: "更新しました", en: "updated" });
  return pick(lang, { ja: "変更なし", en: "unchanged" });
}

export function formatSetupReport(report: SetupReport, lang: Lang, baseUrl: string): string {
  const label = (key: ProgramAppKey) =>
    pick(lang, {
      ja: `${PROGRAM_APP_NAMES[key]}（アプリID ${report.appIds[key]}）`,
      en: `${PROGRAM_APP_NAMES[key]} (app ${report.appIds[key]})`,
    });
  const changed = PROGRAM_APP_KEYS.filter(
    (key) => report.changes[key].length > 0 || report.created.includes(key),
  );
  if (changed.length === 0) {
    return (
      pick(lang, {
        ja: `変更はありません（${baseUrl}: ${PROGRAM_APP_KEYS.map(label).join("・")}）`,
        en: `No changes (${baseUrl}: ${PROGRAM_APP_KEYS.map(label).join(", ")})`,
      }) + "\n"
    );
  }
  const lines = [pick(lang, { ja: `kintone: ${baseUrl}`, en: `kintone: ${baseUrl}` })];
  for (const key of PROGRAM_APP_KEYS) {
    lines.push(`${label(key)}: ${appStatus(report, key, lang)}`);
    for (const change of report.changes[key]) lines.push(`  ${describeChange(change, lang)}`);
  }
  if (report.unconverged.length) {
    lines.push(
      pick(lang, {
        ja: `警告: 書き込んだあとも kintone の設定が定義と一致しません（${report.unconverged.join(" / ")}）。kintone のアプリ設定画面で確認してください`,
        en: `warning: after the writes kintone still reports different settings (${report.unconverged.join(" / ")}); check the app settings in kintone`,
      }),
    );
  }
  lines.push(
    pick(lang, {
      ja: `デプロイしました。アプリIDは ${APP_IDS_FILE} にあります。`,
      en: `Deployed. The app ids are in ${APP_IDS_FILE}.`,
    }),
  );
  return lines.join("\n") + "\n";
}

function targetOf(context: CommandContext): KintoneTarget {
  try {
    return targetFromEnv(context.env);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
}

/**
 * The plugin part of setup (spec §6): installs dist/plugin.zip when it is there and not installed
 * at that version yet. Without a zip or an administrator it says what to do and goes on.
 */
async function setUpPlugin(
  context: CommandContext,
  client: ReturnType<typeof createClient>,
  report: SetupReport,
  zipOption: string | undefined,
): Promise<string> {
  const zipPath = path.resolve(context.cwd, zipOption ?? DEFAULT_PLUGIN_ZIP);
  if (!existsSync(zipPath)) {
    return pick(context.lang, {
      ja: `プラグイン: ${zipPath} がないため読み込んでいません（npm run build のあと followup upload で読み込めます）`,
      en: `plugin: ${zipPath} not found, not installed (npm run build, then followup upload)`,
    });
  }
  try {
    const result = await uploadPlugin(client, {
      zipPath,
      appIds: report.appIds,
      keepSameVersion: true,
    });
    if (result.action === "unchanged" && result.addedTo.length === 0) return "";
    return `${pick(context.lang, { ja: "プラグイン: ", en: "plugin: " })}${formatUploadResult(result, context.lang).trim().replace(/\n/g, " / ")}`;
  } catch (error) {
    if (!(error instanceof PluginInstallNotAllowedError)) throw error;
    return pick(context.lang, {
      ja: "プラグイン: このユーザーはプラグインを読み込めないため、読み込んでいません（kintone システム管理者が followup upload を実行してください）",
      en: "plugin: this user may not install plugins, so it was not installed (a kintone administrator can run followup upload)",
    });
  }
}

/** `--variant staff-table`: the demo applications app with a subtable and calculated fields. */
function variantOf(value: string | undefined, lang: Lang): ApplicationsVariant {
  if (value === undefined) return "standard";
  if ((APPLICATIONS_VARIANTS as readonly string[]).includes(value)) {
    return value as ApplicationsVariant;
  }
  throw new CommandError(
    pick(lang, {
      ja: `--variant には ${APPLICATIONS_VARIANTS.join("・")} のどれかを指定してください（指定: ${value}）`,
      en: `--variant takes one of ${APPLICATIONS_VARIANTS.join(", ")} (got: ${value})`,
    }),
  );
}

export const setupCommand: Command = {
  summary:
    "create or update the apps, process management and views (and the plugin from dist/plugin.zip) on the target kintone",
  async run(context) {
    const { values } = parseCommandArgs(context, {
      lang: { type: "string" },
      zip: { type: "string" },
      variant: { type: "string" },
      "secretariat-group": { type: "string" },
      yes: { type: "boolean" },
    });
    const yes = values.yes === true;
    const variant = variantOf(values.variant, context.lang);
    const target = targetOf(context);
    if ("apiToken" in target.auth) {
      throw new CommandError(
        pick(context.lang, {
          ja: "followup setup はアプリを作成・変更するため、API トークンでは実行できません。アプリ管理権限のあるユーザーの KINTONE_USERNAME と KINTONE_PASSWORD を設定してください",
          en: "followup setup creates and changes apps, which an API token cannot do: set KINTONE_USERNAME and KINTONE_PASSWORD of a user who may manage apps",
        }),
      );
    }
    requireConfirmation(context, { yes });
    const question = pick(context.lang, {
      ja: `${target.baseUrl} に申込管理・質問票・抽選記録のアプリを作成または更新し、プラグインを読み込みます。よろしいですか?`,
      en: `Create or update the applications, questionnaire and lottery log apps (and the plugin) on ${target.baseUrl}?`,
    });
    if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
    const client = createClient(target);
    try {
      const report = await setupApps(client, {
        cwd: context.cwd,
        baseUrl: target.baseUrl,
        variant,
        secretariatGroup: values["secretariat-group"],
      });
      context.stdout.write(formatSetupReport(report, context.lang, target.baseUrl));
      const plugin = await setUpPlugin(context, client, report, values.zip);
      if (plugin) context.stdout.write(plugin + "\n");
    } catch (error) {
      if (error instanceof SetupConflictError) {
        throw new CommandError(
          pick(context.lang, {
            ja: `既存のフィールドの種類が定義と違うため、フィールド・レイアウト・一覧・プロセス管理は変更していません。kintone でこれらのフィールドを削除するかフィールドコードを変えてから、もう一度実行してください: ${error.conflicts.join("、")}`,
            en: `no fields, layout, views or process changed: these existing fields have another type than the definitions; delete them or change their field codes in kintone, then run again: ${error.conflicts.join(", ")}`,
          }),
        );
      }
      throw explainKintoneFailure(error, context.lang, target.baseUrl);
    }
    return 0;
  },
};
