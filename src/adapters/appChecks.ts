/**
 * The settings page's check of the other apps before it saves: each app id names an app that
 * exists, has the fields the plugin reads there (of a type it can read), and has the plugin added
 * where the plugin must run. Existence is asked with GET apps (an unknown id is simply absent, so
 * no request is refused); fields and plugins are read only for apps that exist.
 */
import { lotteryLogApp } from "../apps/lotteryLogApp";
import type { Localized } from "../core/i18n";
import type { ConfigIssue, PluginConfig } from "../core/settings/pluginConfig";
import type { FormFieldProperty, KintoneClient } from "./kintoneClient";

type AppKey = keyof PluginConfig["apps"];

interface AppCheck {
  key: AppKey;
  /** What the app is, in the messages. */
  name: Localized;
  /** Field codes the plugin reads there, with the types it can read. */
  fields: Array<{ code: string; types: readonly string[] }>;
  /** The plugin runs in that app too (the applications and questionnaire apps). */
  needsPlugin: boolean;
}

const APP_NAMES: Record<AppKey, Localized> = {
  applications: { ja: "申込管理アプリ", en: "the applications app" },
  questionnaires: { ja: "質問票アプリ", en: "the questionnaire app" },
  lotteryLog: { ja: "抽選記録アプリ", en: "the lottery log app" },
};

/** The lottery log's fields are fixed codes (spec §2.3), written by the plugin as setup made them. */
function lotteryLogFields(): AppCheck["fields"] {
  return lotteryLogApp().fields.map((f) => ({ code: f.code, types: [f.type] }));
}

/** Which other apps this app's settings name, and what each must have. */
export function appsToCheck(config: PluginConfig): AppCheck[] {
  if (config.role === "questionnaires") {
    return [{ key: "applications", name: APP_NAMES.applications, fields: [], needsPlugin: true }];
  }
  return [
    {
      key: "questionnaires",
      name: APP_NAMES.questionnaires,
      fields: [{ code: config.questionnaireLinkField, types: ["NUMBER", "SINGLE_LINE_TEXT"] }],
      needsPlugin: true,
    },
    {
      key: "lotteryLog",
      name: APP_NAMES.lotteryLog,
      fields: lotteryLogFields(),
      needsPlugin: false,
    },
  ];
}

function fieldIssues(
  check: AppCheck,
  id: number,
  properties: Record<string, FormFieldProperty>,
): Localized[] {
  const missing = check.fields.filter((f) => !properties[f.code]);
  const wrongType = check.fields.filter((f) => {
    const found = properties[f.code];
    return found !== undefined && !f.types.includes(found.type);
  });
  const issues: Localized[] = [];
  if (missing.length > 0) {
    const codes = missing.map((f) => f.code).join(", ");
    issues.push({
      ja: `アプリ（ID: ${id}）に${check.name.ja}のフィールドがありません：${codes}。アプリIDを確認してください。`,
      en: `App ${id} lacks fields of ${check.name.en}: ${codes}. Check the app id.`,
    });
  }
  for (const f of wrongType) {
    const type = properties[f.code]?.type ?? "";
    issues.push({
      ja: `アプリ（ID: ${id}）のフィールド ${f.code} の種類（${type}）が違います（${f.types.join(" / ")} が必要です）。`,
      en: `App ${id}: field ${f.code} is ${type}; it must be ${f.types.join(" or ")}.`,
    });
  }
  return issues;
}

/**
 * Problems with the app ids of `config`, each on the path of its input (`apps.<key>`). `selfId` is
 * the app being configured. Blank ids the program needs are problems too.
 */
export async function checkConfiguredApps(
  client: KintoneClient,
  config: PluginConfig,
  selfId: number | null,
  pluginId: string,
): Promise<ConfigIssue[]> {
  const issues: ConfigIssue[] = [];
  const say = (key: AppKey, message: Localized) => issues.push({ path: `apps.${key}`, message });
  const checks = appsToCheck(config).filter((check) => {
    const id = config.apps[check.key];
    if (id === null) {
      say(check.key, {
        ja: `${check.name.ja}のアプリIDを入力してください。`,
        en: `Enter the app id of ${check.name.en}.`,
      });
      return false;
    }
    if (id === selfId) {
      say(check.key, {
        ja: `このアプリ自身のID（${id}）です。${check.name.ja}のアプリIDを入力してください。`,
        en: `${id} is this app itself; enter the app id of ${check.name.en}.`,
      });
      return false;
    }
    return true;
  });
  if (checks.length === 0) return issues;
  const ids = checks.map((check) => config.apps[check.key] as number);
  const { apps } = await client.app.getApps({ ids });
  const existing = new Set(apps.map((a) => Number(a.appId)));
  for (const check of checks) {
    const id = config.apps[check.key] as number;
    if (!existing.has(id)) {
      say(check.key, {
        ja: `アプリ（ID: ${id}）が見つかりません。${check.name.ja}のアプリIDを確認してください。`,
        en: `No app with id ${id} was found. Check the app id of ${check.name.en}.`,
      });
      continue;
    }
    if (check.fields.length > 0) {
      const { properties } = await client.app.getFormFields({ app: id });
      for (const message of fieldIssues(check, id, properties)) say(check.key, message);
    }
    if (check.needsPlugin) {
      const { plugins } = await client.app.getPlugins({ app: id });
      if (!plugins.some((p) => p.id === pluginId)) {
        say(check.key, {
          ja: `アプリ（ID: ${id}）にこのプラグインが追加されていません。${check.name.ja}にも追加して設定してください。`,
          en: `This plugin is not added to app ${id}; add and configure it in ${check.name.en} too.`,
        });
      }
    }
  }
  return issues;
}
