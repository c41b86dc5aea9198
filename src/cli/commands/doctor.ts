/**
 * `followup doctor [--secretariat-group CODE] [--zip FILE] [--formbridge-script FILE]`: a read-only
 * check of the target kintone before a round (spec v2 §6): the three apps and the field mapping,
 * process management and its assignees, app permissions, the plugin (installed at this package's
 * version, added, configured) and the FormBridge script against the settings in force. One line per
 * finding; exit code 1 when any is a problem.
 */
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readAppIds, type ProgramAppIds } from "../../adapters/appIds";
import { inspectProgram } from "../../adapters/doctor/inspectProgram";
import { createClient } from "../../adapters/connection";
import { findAppByName } from "../../adapters/findApps";
import type { KintoneClient } from "../../adapters/kintoneClient";
import { readLatestSettings } from "../../adapters/settingsLog";
import { exitCodeOf, formatFinding } from "../../apps/doctor/finding";
import type { ShippedPlugin } from "../../apps/doctor/pluginChecks";
import { PROGRAM_APP_KEYS } from "../../apps/program";
import { pick } from "../../core/i18n";
import { readPackedPlugin } from "../../setup/pluginZip";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, UsageError } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { TARGET_OPTIONS, targetOf } from "../program";
import { DEFAULT_PLUGIN_ZIP } from "./upload";

// Doctor checks the settings saved on the target, so it takes no --settings file.
const { settings: _offlineSettings, ...TARGET_FLAGS } = TARGET_OPTIONS;
const OPTIONS = {
  ...TARGET_FLAGS,
  "secretariat-group": { type: "string", default: "secretariat" },
  zip: { type: "string" },
  "formbridge-script": { type: "string" },
} as const;

const MANIFEST = path.resolve(__dirname, "../../../manifest.json");
const FLAGS = {
  applications: "applications-app",
  questionnaires: "questionnaires-app",
  lotteryLog: "lottery-log-app",
} as const;

/** Our plugin as this package ships it: the packed zip when there is one, else manifest.json. */
async function shippedPlugin(cwd: string, zip: string | undefined): Promise<ShippedPlugin> {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    version: string;
    name: Record<string, string>;
  };
  const names = Object.values(manifest.name);
  const zipPath = path.resolve(cwd, zip ?? DEFAULT_PLUGIN_ZIP);
  if (!existsSync(zipPath)) return { version: manifest.version, names };
  const packed = await readPackedPlugin(await readFile(zipPath), zipPath);
  return { id: packed.id, version: packed.version, names };
}

/**
 * App ids from the flags, then the file `followup setup` wrote, then the apps' names on the target
 * (as every command finds them); missing ones are findings.
 */
async function appIds(
  context: CommandContext,
  values: Partial<Record<string, string>>,
  baseUrl: string,
  client: KintoneClient,
): Promise<Partial<ProgramAppIds>> {
  const saved = readAppIds(context.cwd, baseUrl);
  const ids: Partial<ProgramAppIds> = {};
  for (const key of PROGRAM_APP_KEYS) {
    const flag = values[FLAGS[key]];
    if (flag !== undefined && !/^[1-9]\d*$/.test(flag.trim())) {
      throw new UsageError(
        pick(context.lang, {
          ja: `--${FLAGS[key]} にはアプリID（正の整数）を指定してください: ${flag}`,
          en: `--${FLAGS[key]} takes an app id (a positive integer): ${flag}`,
        }),
      );
    }
    const id =
      flag !== undefined ? Number(flag) : (saved?.[key] ?? (await findAppByName(client, key)));
    if (id) ids[key] = id;
  }
  return ids;
}

export const doctorCommand: Command = {
  summary: "read-only check of apps, process, permissions, plugin and FormBridge script",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const target = targetOf(context);
    const client = createClient(target);
    const scriptPath = path.resolve(
      context.cwd,
      values["formbridge-script"] ?? path.join("dist", "formbridge.js"),
    );
    try {
      const findings = await inspectProgram(client, {
        apps: await appIds(context, values, target.baseUrl, client),
        shipped: await shippedPlugin(context.cwd, values.zip),
        secretariatGroup: values["secretariat-group"],
        formBridgeScript: {
          path: path.relative(context.cwd, scriptPath) || scriptPath,
          text: existsSync(scriptPath) ? readFileSync(scriptPath, "utf8") : undefined,
        },
        readSettings: readLatestSettings,
      });
      context.stdout.write(
        `${pick(context.lang, { ja: "対象", en: "target" })}: ${target.baseUrl}\n` +
          findings.map((finding) => formatFinding(finding, context.lang)).join("\n") +
          "\n",
      );
      return exitCodeOf(findings);
    } catch (error) {
      throw explainKintoneFailure(error, context.lang, target.baseUrl);
    }
  },
};
