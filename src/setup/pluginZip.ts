import { pluginIdOfPublicKey } from "../packaging/pluginId";
import { unzip } from "../packaging/zip";

/** The zip is not a packed kintone plugin (no PUBKEY / contents.zip). */
export class NotAPluginZipError extends Error {
  constructor(readonly zipPath: string) {
    super(
      `${zipPath} はパックしたプラグインではありません（PUBKEY と contents.zip がありません）。npm run build で作り直してください (not a packed plugin zip: run npm run build)`,
    );
    this.name = "NotAPluginZipError";
  }
}

export interface PackedPlugin {
  id: string;
  /** manifest.json's version, as kintone reports it (a string). */
  version: string;
}

/** The id and version of a packed plugin zip (PUBKEY + contents.zip with manifest.json). */
export async function readPackedPlugin(buffer: Buffer, zipPath: string): Promise<PackedPlugin> {
  let manifest: Buffer | undefined;
  let publicKey: Buffer | undefined;
  try {
    const outer = await unzip(buffer);
    publicKey = outer.get("PUBKEY");
    const contents = outer.get("contents.zip");
    manifest = contents && (await unzip(contents)).get("manifest.json");
  } catch {
    throw new NotAPluginZipError(zipPath);
  }
  if (!publicKey || !manifest) throw new NotAPluginZipError(zipPath);
  let version: unknown;
  try {
    version = (JSON.parse(manifest.toString("utf8")) as { version?: unknown }).version;
  } catch {
    throw new NotAPluginZipError(zipPath);
  }
  return { id: pluginIdOfPublicKey(publicKey), version: String(version ?? "") };
}
