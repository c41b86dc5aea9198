/**
 * `followup upload [--zip dist/plugin.zip]`: installs (or updates) the packed plugin on the target
 * kintone through the plugin REST API, adds it to the program's apps and deploys them.
 * Needs a kintone administrator's password login; says so plainly otherwise.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { type Lang, type Localized, pick } from "../../core/i18n";
import {
  PluginInstallNotAllowedError,
  type UploadPluginResult,
  uploadPlugin,
} from "../../setup/upload";
import { NotAPluginZipError } from "../../setup/pluginZip";
import { parseCommandArgs } from "../args";
import { type Command, CommandError } from "../command";
import { cancelled, confirmWrite, requireConfirmation } from "../confirm";
import { explainKintoneFailure } from "../kintoneFailure";
import { createClient } from "../../adapters/connection";
import { appOf } from "../../adapters/program";
import { openProgram, TARGET_OPTIONS, targetOf } from "../program";

const OPTIONS = { ...TARGET_OPTIONS, zip: { type: "string" }, yes: { type: "boolean" } } as const;

export const DEFAULT_PLUGIN_ZIP = path.join("dist", "plugin.zip");

function notAllowedMessage(error: PluginInstallNotAllowedError, lang: Lang): string {
  return error.reason === "apiToken"
    ? pick(lang, {
        ja: "API トークンではプラグインを読み込めません。kintone システム管理者の KINTONE_USERNAME と KINTONE_PASSWORD を設定して実行してください",
        en: "plugins cannot be installed with an API token: set a kintone administrator's KINTONE_USERNAME and KINTONE_PASSWORD",
      })
    : pick(lang, {
        ja: "このユーザーにはプラグインを読み込む権限がありません。プラグインを読み込めるのは kintone システム管理者だけです。管理者のユーザーで実行するか、管理者に dist/plugin.zip の読み込みを依頼してください",
        en: "this user may not install plugins: only a kintone administrator can. Run as an administrator, or ask one to install dist/plugin.zip",
      });
}

function actionText(result: UploadPluginResult): Localized {
  const what = `ID ${result.pluginId}`;
  switch (result.action) {
    case "installed":
      return {
        ja: `プラグインを読み込みました（${what}、バージョン ${result.version}）`,
        en: `installed the plugin (id ${result.pluginId}, version ${result.version})`,
      };
    case "updated":
      return {
        ja: `プラグインを更新しました（${what}、バージョン ${result.version}）`,
        en: `updated the plugin (id ${result.pluginId}, version ${result.version})`,
      };
    default:
      return {
        ja: `プラグインはこのバージョンで読み込み済みです（${what}、バージョン ${result.version}）`,
        en: `the plugin is installed at this version already (id ${result.pluginId}, version ${result.version})`,
      };
  }
}

export function formatUploadResult(result: UploadPluginResult, lang: Lang): string {
  const apps = result.addedTo.length
    ? pick(lang, {
        ja: `アプリに追加してデプロイしました: ${result.addedTo.join(", ")}`,
        en: `added to apps and deployed: ${result.addedTo.join(", ")}`,
      })
    : pick(lang, {
        ja: "アプリにはすでに追加されています",
        en: "already added to the apps",
      });
  return `${pick(lang, actionText(result))}\n${apps}\n`;
}

export const uploadCommand: Command = {
  summary: "install or update the plugin (dist/plugin.zip) and add it to the apps",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const zipPath = path.resolve(context.cwd, values.zip ?? DEFAULT_PLUGIN_ZIP);
    if (!existsSync(zipPath)) {
      throw new CommandError(
        pick(context.lang, {
          ja: `${zipPath} がありません。npm run build でプラグインを作るか、--zip で指定してください`,
          en: `${zipPath} not found: build the plugin with npm run build, or pass --zip`,
        }),
      );
    }
    if ("apiToken" in targetOf(context).auth) {
      throw new CommandError(
        notAllowedMessage(new PluginInstallNotAllowedError("apiToken"), context.lang),
      );
    }
    const yes = values.yes === true;
    requireConfirmation(context, { yes });
    const { program, target } = await openProgram(context, values, [
      "applications",
      "questionnaires",
    ]);
    // Installing a plugin is beyond the Program's client: the full REST client does it.
    const client = createClient(target);
    const apps = {
      applications: appOf(program, "applications"),
      questionnaires: appOf(program, "questionnaires"),
    };
    const question = pick(context.lang, {
      ja: `${target.baseUrl} にプラグイン ${zipPath} を読み込み、アプリ ${apps.applications}・${apps.questionnaires} に追加します。よろしいですか?`,
      en: `Install the plugin ${zipPath} on ${target.baseUrl} and add it to apps ${apps.applications} and ${apps.questionnaires}?`,
    });
    if (!(await confirmWrite(context, question, { yes }))) return cancelled(context);
    let result: UploadPluginResult;
    try {
      result = await uploadPlugin(client, { zipPath, appIds: apps });
    } catch (error) {
      if (error instanceof PluginInstallNotAllowedError) {
        throw new CommandError(notAllowedMessage(error, context.lang));
      }
      if (error instanceof NotAPluginZipError) throw new CommandError(error.message);
      throw explainKintoneFailure(error, context.lang, target.baseUrl);
    }
    context.stdout.write(formatUploadResult(result, context.lang));
    return 0;
  },
};
