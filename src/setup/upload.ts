import { readFile } from "node:fs/promises";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { ProgramAppIds } from "../adapters/appIds";
import { withRetry } from "../adapters/retry";
import { type DeployOptions, deployAndWait } from "./deploy";
import { readPackedPlugin } from "./pluginZip";

/**
 * `followup upload`: installs or updates the packed plugin through kintone's plugin REST API and
 * adds it to the program's apps. Installing needs a kintone administrator logged in with a
 * password; anyone else gets PluginInstallNotAllowedError before the zip is sent.
 */

export interface UploadPluginOptions extends DeployOptions {
  zipPath: string;
  /** The apps `followup setup` made; the plugin runs in the applications and questionnaires apps. */
  appIds: Pick<ProgramAppIds, "applications" | "questionnaires">;
  /** Leave an installed plugin of the same version as it is (what `followup setup` does). */
  keepSameVersion?: boolean;
}

export interface UploadPluginResult {
  pluginId: string;
  action: "installed" | "updated" | "unchanged";
  version: string;
  /** Apps the plugin was added to by this run (it was already in the others). */
  addedTo: number[];
}

export type NotAllowedReason = "apiToken" | "notAdministrator";

/** Only a kintone administrator with password (or session) login may install or update plugins. */
export class PluginInstallNotAllowedError extends Error {
  constructor(
    readonly reason: NotAllowedReason,
    readonly detail = "",
  ) {
    super(
      reason === "apiToken"
        ? "プラグインの読み込みは API トークンではできません。kintone システム管理者の KINTONE_USERNAME/KINTONE_PASSWORD を設定してください (plugins cannot be installed with an API token: set a kintone administrator's KINTONE_USERNAME/KINTONE_PASSWORD)"
        : `プラグインを読み込めるのは kintone システム管理者だけです。管理者のユーザーで実行するか、管理者に dist/plugin.zip の読み込みを依頼してください (only a kintone administrator can install plugins)${detail ? ` (${detail})` : ""}`,
    );
    this.name = "PluginInstallNotAllowedError";
  }
}

function notAllowed(error: unknown): PluginInstallNotAllowedError | undefined {
  const e = error as { code?: string; status?: number; message?: string };
  if (e?.code === "GAIA_NO01") return new PluginInstallNotAllowedError("apiToken", e.message);
  if (e?.code === "CB_NO02" || e?.status === 403) {
    return new PluginInstallNotAllowedError("notAdministrator", e.message);
  }
  return undefined;
}

async function asAdministrator<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(call);
  } catch (error) {
    throw notAllowed(error) ?? error;
  }
}

/** Uploads the zip and installs it, or updates the installed plugin of the same id. */
async function sendPlugin(
  client: KintoneRestAPIClient,
  zipPath: string,
  zip: Buffer,
  pluginId: string,
  installedVersion: string | undefined,
): Promise<{ id: string; version: string; action: UploadPluginResult["action"] }> {
  const { fileKey } = await withRetry(() =>
    client.file.uploadFile({ file: { name: path.basename(zipPath), data: zip } }),
  );
  const installed = installedVersion !== undefined;
  const answer = await asAdministrator(() =>
    installed
      ? client.plugin.updatePlugin({ id: pluginId, fileKey })
      : client.plugin.installPlugin({ fileKey }),
  );
  return { ...answer, action: installed ? "updated" : "installed" };
}

export async function uploadPlugin(
  client: KintoneRestAPIClient,
  options: UploadPluginOptions,
): Promise<UploadPluginResult> {
  const zip = await readFile(options.zipPath);
  const packed = await readPackedPlugin(zip, options.zipPath);
  const { plugins } = await asAdministrator(() => client.plugin.getPlugins({ ids: [packed.id] }));
  const installedVersion = plugins.find((plugin) => plugin.id === packed.id)?.version;
  const sent =
    options.keepSameVersion && installedVersion === packed.version
      ? { id: packed.id, version: packed.version, action: "unchanged" as const }
      : await sendPlugin(client, options.zipPath, zip, packed.id, installedVersion);
  const addedTo: number[] = [];
  for (const app of [options.appIds.applications, options.appIds.questionnaires]) {
    const current = await withRetry(() => client.app.getPlugins({ app, preview: true }));
    if (current.plugins.some((plugin) => plugin.id === sent.id)) continue;
    await withRetry(() => client.app.addPlugins({ app, ids: [sent.id] }));
    addedTo.push(app);
  }
  await deployAndWait(client, addedTo.map(String), options);
  return { pluginId: sent.id, action: sent.action, version: sent.version, addedTo };
}
