/**
 * The checks of `followup doctor` on the plugin (installed at this package's version, added to the
 * apps, configured) and on the FormBridge script (built with the settings in force).
 */
import {
  defaultProgramSettings,
  type ProgramSettings,
  parseProgramSettings,
} from "../../core/settings/programSettings";
import type { PluginConfig } from "../../core/settings/pluginConfig";
import { about, type CheckedApp } from "./appChecks";
import { type Finding, ok, problem } from "./finding";

/** Our plugin as this package ships it: the id when the packed zip is at hand, else its names. */
export interface ShippedPlugin {
  id?: string;
  version: string;
  names: string[];
}

export interface PluginListing {
  id: string;
  name: string;
  version?: string;
  enabled?: boolean;
}

const PLUGIN = { ja: "プラグイン", en: "plugin" };

function isOurs(plugin: PluginListing, shipped: ShippedPlugin): boolean {
  return shipped.id ? plugin.id === shipped.id : shipped.names.includes(plugin.name);
}

/** `GET plugins` (the domain's installed plugins): ours, at the version this package ships. */
export function checkPluginInstalled(
  installed: readonly PluginListing[],
  shipped: ShippedPlugin,
): Finding {
  const ours = installed.find((plugin) => isOurs(plugin, shipped));
  const upload = {
    ja: "kintone システム管理者で followup upload を実行してください",
    en: "run followup upload as a kintone administrator",
  };
  if (!ours) {
    return problem(
      PLUGIN,
      { ja: "kintone に読み込まれていません", en: "is not installed on this kintone" },
      upload,
    );
  }
  if (ours.version !== shipped.version) {
    return problem(
      PLUGIN,
      {
        ja: `読み込まれているのはバージョン ${ours.version ?? "?"} です（このパッケージは ${shipped.version}）`,
        en: `version ${ours.version ?? "?"} is installed (this package ships ${shipped.version})`,
      },
      upload,
    );
  }
  return ok(PLUGIN, {
    ja: `バージョン ${shipped.version} が読み込まれています（ID ${ours.id}）`,
    en: `version ${shipped.version} is installed (id ${ours.id})`,
  });
}

/** `GET app/plugins`: our plugin is added to the app and enabled. */
export function checkPluginAdded(
  app: CheckedApp,
  added: readonly PluginListing[],
  shipped: ShippedPlugin,
): Finding {
  const subject = about(app, PLUGIN);
  const ours = added.find((plugin) => isOurs(plugin, shipped));
  if (!ours) {
    return problem(
      subject,
      { ja: "アプリに追加されていません", en: "is not added to the app" },
      {
        ja: "followup upload を実行するか、アプリの設定 > プラグイン で追加してアプリを更新してください",
        en: "run followup upload, or add it under the app's settings > plugins and update the app",
      },
    );
  }
  if (ours.enabled === false) {
    return problem(
      subject,
      { ja: "無効になっています", en: "is disabled" },
      {
        ja: "アプリの設定 > プラグイン で有効にしてアプリを更新してください",
        en: "enable it under the app's settings > plugins and update the app",
      },
    );
  }
  return ok(subject, { ja: "追加されていて有効です", en: "is added and enabled" });
}

/** The latest settings document the plugin's settings page saved into the lottery log (設定). */
export interface SavedSettings {
  config: PluginConfig;
  savedAt: string;
}

export function checkConfigured(
  applications: CheckedApp,
  saved: SavedSettings | undefined,
): Finding {
  const subject = about(applications, { ja: "プラグインの設定", en: "plugin settings" });
  if (!saved) {
    return problem(
      subject,
      {
        ja: "保存された設定が抽選記録にありません（まだ設定していません）",
        en: "no saved settings in the lottery log (not configured yet)",
      },
      {
        ja: "アプリの設定 > プラグイン > 設定 で内容を確かめて保存してください",
        en: "open the plugin's settings page of the app, check them and save",
      },
    );
  }
  return ok(subject, {
    ja: `${saved.savedAt} に保存された設定があります`,
    en: `settings saved at ${saved.savedAt}`,
  });
}

/** What the FormBridge build wrote into the script's first line (webpack.config.js). */
export interface FormBridgeBuild {
  builtAt: string;
  /** The settings document it was built with; null for the defaults of spec §1. */
  settings: unknown;
}

const BUILD_LINE = /^\/\* followup-formbridge (.*) \*\/$/;

/** The build facts of a FormBridge script file's text; undefined when it has none. */
export function formBridgeBuildOf(script: string): FormBridgeBuild | undefined {
  const line = BUILD_LINE.exec(script.split("\n", 1)[0] ?? "");
  if (!line?.[1]) return undefined;
  try {
    const build = JSON.parse(line[1]) as Partial<FormBridgeBuild>;
    return typeof build.builtAt === "string"
      ? { builtAt: build.builtAt, settings: build.settings ?? null }
      : undefined;
  } catch {
    return undefined;
  }
}

const FORMBRIDGE = { ja: "FormBridge のスクリプト", en: "FormBridge script" };
const REBUILD = {
  ja: "保存された設定（JSON）で作り直し（FOLLOWUP_SETTINGS=<設定ファイル> npm run build）、dist/formbridge.js を FormBridge の JavaScript カスタマイズに登録し直してください",
  en: "rebuild it with the saved settings (FOLLOWUP_SETTINGS=<settings file> npm run build) and upload dist/formbridge.js to FormBridge's JavaScript customization again",
};

/** The script applies the same program settings (window, thresholds) as the plugin and the CLI. */
export function checkFormBridgeScript(build: FormBridgeBuild, saved: SavedSettings): Finding {
  let built: ProgramSettings | undefined;
  try {
    built =
      build.settings === null ? defaultProgramSettings() : parseProgramSettings(build.settings);
  } catch {
    built = undefined;
  }
  const same =
    built !== undefined &&
    JSON.stringify(built) === JSON.stringify(parseProgramSettings(saved.config.program));
  if (!same) {
    return problem(
      FORMBRIDGE,
      {
        ja: `${build.builtAt} に今とは違う設定${build.settings === null ? "（既定値）" : ""}で作られています（設定の保存は ${saved.savedAt}）`,
        en: `built at ${build.builtAt} with other settings${build.settings === null ? " (the defaults)" : ""} than those saved at ${saved.savedAt}`,
      },
      REBUILD,
    );
  }
  return ok(FORMBRIDGE, {
    ja: `${build.builtAt} に今の設定で作られています`,
    en: `built at ${build.builtAt} with the settings in force`,
  });
}
