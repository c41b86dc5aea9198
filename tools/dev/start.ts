import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { ensureWebBundle } from "../../sandbox/pages/bundle";
import type { Sandbox } from "../../sandbox/server";
import { createClient } from "../../src/adapters/connection";
import { type Lang, pick } from "../../src/core/i18n";
import { defaultPluginConfig, type PluginConfig } from "../../src/core/settings/pluginConfig";
import { parseCommandArgs } from "../../src/cli/args";
import { configurePluginOnce } from "./configurePlugin";
import { type Command, type CommandContext, CommandError } from "../../src/cli/command";
import {
  openSandbox,
  portFlag,
  printDemoUsers,
  SANDBOX_OPTIONS,
  untilInterrupted,
} from "./sandboxShared";

/**
 * `npm start`: the whole demo on one machine. Builds the plugin when its zip is missing or older
 * than its sources, starts the sandbox (data kept in `.sandbox/`), sets the apps up and seeds the
 * demo applications once, installs the plugin the kintone way, adds it to the apps, gives it its
 * default settings where it has none, and prints where to log in.
 */

const PLUGIN_SOURCES = ["src", "plugin/css", "plugin/html", "plugin/image", "manifest.json"];
const DEMO_PERMISSIONS = { users: [], groups: ["secretariat", "Administrators"] };

function newestTime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestTime(join(path, name))),
    0,
  );
}

/** True when dist/plugin.zip is missing or older than a file it is built from. */
export function pluginNeedsBuild(projectDir: string): boolean {
  const zip = join(projectDir, "dist", "plugin.zip");
  if (!existsSync(zip)) return true;
  const zipTime = statSync(zip).mtimeMs;
  return PLUGIN_SOURCES.some((source) => newestTime(join(projectDir, source)) > zipTime);
}

/** Builds and packs the plugin in this process (src/setup/buildPlugin.ts). */
export async function buildPluginFor(context: CommandContext, projectDir: string): Promise<void> {
  const { buildPlugin } = await import("../../src/setup/buildPlugin");
  try {
    await buildPlugin(projectDir, (line) => context.stderr.write(line + "\n"));
  } catch (error) {
    context.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    throw new CommandError(
      pick(context.lang, {
        ja: "プラグインのビルドに失敗しました。上の出力を確認してください。",
        en: "building the plugin failed; see the output above.",
      }),
    );
  }
}

/** The plugin's settings for one app of the demo: defaults, the demo apps, buttons for the secretariat. */
export function demoPluginConfig(
  role: PluginConfig["role"],
  apps: { applications: number; questionnaires: number; lotteryLog: number },
  window?: PluginConfig["program"]["window"],
): PluginConfig {
  const config = defaultPluginConfig();
  return {
    ...config,
    // The demo round is dated from the day its data was created (closed the day before).
    program: window ? { ...config.program, window } : config.program,
    role,
    apps,
    permissions: { screen: DEMO_PERMISSIONS, draw: DEMO_PERMISSIONS, promote: DEMO_PERMISSIONS },
  };
}

export interface StartedDemo {
  sandbox: Sandbox;
  appIds: { applications: number; questionnaires: number; lotteryLog: number };
  pluginId: string;
  added: number;
}

/** The demo world on a running sandbox: apps, applications, the plugin installed and configured. */
export interface InstalledDemo {
  appIds: { applications: number; questionnaires: number; lotteryLog: number };
  pluginId: string;
  added: number;
}

/**
 * What `npm start` and `npm run sandbox -- --demo` both do on a running sandbox, so both give the
 * same world: the program's apps with the demo applications (once), the plugin zip installed the
 * kintone way and added to the apps, and each app's plugin settings saved on its settings page
 * where it has none.
 */
export async function installDemo(
  baseUrl: string,
  options: { zipPath: string; appsFileDir: string },
): Promise<InstalledDemo> {
  const target = { baseUrl, auth: { username: "admin", password: "admin" } };
  const { seedDemo } = await import("../../src/setup/demo");
  const { uploadPlugin } = await import("../../src/setup/upload");
  const { setup, added, window } = await seedDemo(target, { cwd: options.appsFileDir });
  const appIds = setup.appIds;
  const upload = await uploadPlugin(createClient(target), { zipPath: options.zipPath, appIds });
  const roles: Array<[number, PluginConfig["role"]]> = [
    [appIds.applications, "applications"],
    [appIds.questionnaires, "questionnaires"],
  ];
  // As an administrator would: on each app's plugin settings page (never the sandbox's database).
  for (const [app, role] of roles) {
    await configurePluginOnce(target, app, upload.pluginId, demoPluginConfig(role, appIds, window));
  }
  return { appIds, pluginId: upload.pluginId, added };
}

export interface StartedDemo extends InstalledDemo {
  sandbox: Sandbox;
}

/** Everything `npm start` does up to printing; tests call it with port 0 and a temporary data dir. */
export async function startDemo(options: {
  projectDir: string;
  dataDir: string;
  port: number;
  /** Where followup.apps.json goes (default: the project directory). */
  appsFileDir?: string;
  lang: Lang;
  log: (line: string) => void;
}): Promise<StartedDemo> {
  await ensureWebBundle();
  const sandbox = await openSandbox(options.lang, {
    port: options.port,
    dataDir: options.dataDir,
    log: options.log,
  });
  try {
    const demo = await installDemo(sandbox.baseUrl, {
      zipPath: join(options.projectDir, "dist", "plugin.zip"),
      appsFileDir: options.appsFileDir ?? options.projectDir,
    });
    return { sandbox, ...demo };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** The lines naming the demo's pages, printed by both `npm start` and `npm run sandbox -- --demo`. */
export function demoUrls(lang: Lang, baseUrl: string, demo: InstalledDemo): string[] {
  return [
    pick(lang, {
      ja: `申込管理: ${baseUrl}/k/${demo.appIds.applications}/（デモの申込 ${demo.added} 件を追加）`,
      en: `Applications: ${baseUrl}/k/${demo.appIds.applications}/ (${demo.added} demo applications added)`,
    }),
    pick(lang, {
      ja: `プラグインの設定: ${baseUrl}/k/admin/app/${demo.appIds.applications}/plugin/config?pluginId=${demo.pluginId}`,
      en: `Plugin settings: ${baseUrl}/k/admin/app/${demo.appIds.applications}/plugin/config?pluginId=${demo.pluginId}`,
    }),
  ];
}

export const startCommand: Command = {
  summary:
    "npm start: build the plugin if needed, start the sandbox with the demo apps and data, install and configure the plugin",
  async run(context) {
    const { values } = parseCommandArgs(context, SANDBOX_OPTIONS);
    const port = portFlag(context.lang, values.port);
    const out = (text: string) => context.stdout.write(text + "\n");
    const projectDir = context.cwd;
    if (pluginNeedsBuild(projectDir)) {
      out(pick(context.lang, { ja: "プラグインをビルドしています…", en: "Building the plugin…" }));
      // The sandbox's own screens build alongside (startDemo then finds them ready).
      await Promise.all([buildPluginFor(context, projectDir), ensureWebBundle()]);
    }
    const stop = untilInterrupted();
    const dataDir = resolve(projectDir, values.data);
    const demo = await startDemo({
      projectDir,
      dataDir,
      port,
      lang: context.lang,
      log: (line) => context.stderr.write(line + "\n"),
    });
    const { baseUrl } = demo.sandbox;
    out(
      pick(context.lang, {
        ja: `kintone サンドボックスを起動しました: ${baseUrl}/login（データ: ${dataDir}）`,
        en: `kintone sandbox running at ${baseUrl}/login (data: ${dataDir})`,
      }),
    );
    for (const line of demoUrls(context.lang, baseUrl, demo)) out(line);
    printDemoUsers(context.lang, out);
    out(pick(context.lang, { ja: "Ctrl-C で終了します。", en: "Press Ctrl-C to stop." }));
    await stop;
    await demo.sandbox.close();
    return 0;
  },
};
