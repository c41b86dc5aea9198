import { createPublicKey, verify } from "node:crypto";
import validateManifest from "@kintone/plugin-manifest-validator";
import { errors, type Message } from "../http/errors";
import { pluginIdOfPublicKey } from "../../src/packaging/pluginId";
import { unzip } from "../../src/packaging/zip";

export interface PluginManifest {
  manifest_version: number;
  version: number | string;
  type: string;
  name: Record<string, string>;
  description?: Record<string, string>;
  icon: string;
  desktop?: { js?: string[]; css?: string[] };
  mobile?: { js?: string[]; css?: string[] };
  config?: { html?: string; js?: string[]; css?: string[]; required_params?: string[] };
}

export interface PluginPackage {
  id: string;
  manifest: PluginManifest;
  /** Files of contents.zip by path. */
  files: Map<string, Buffer>;
}

function invalid(text: Message) {
  return errors.validation({ fileKey: [text] });
}

/**
 * Opens a packed plugin zip like kintone: `contents.zip` signed with RSA-SHA1 (PKCS#1 v1.5) by the
 * key in `PUBKEY`; `manifest.json` inside contents.zip must be valid and name existing files.
 */
export async function readPluginPackage(zip: Buffer): Promise<PluginPackage> {
  let outer: Map<string, Buffer>;
  try {
    outer = await unzip(zip);
  } catch {
    throw invalid({
      ja: "プラグインファイルがzip形式ではありません。",
      en: "The plugin file is not a zip file.",
    });
  }
  const contents = outer.get("contents.zip");
  const publicKey = outer.get("PUBKEY");
  const signature = outer.get("SIGNATURE");
  if (!contents || !publicKey || !signature) {
    throw invalid({
      ja: "プラグインファイルにcontents.zip、PUBKEY、SIGNATUREのいずれかがありません。",
      en: "The plugin file lacks contents.zip, PUBKEY or SIGNATURE.",
    });
  }
  if (!signatureValid(contents, publicKey, signature)) {
    throw invalid({
      ja: "プラグインファイルの署名が正しくありません。ファイルが改ざんされている可能性があります。",
      en: "The signature of the plugin file is invalid. The file may have been tampered with.",
    });
  }
  let files: Map<string, Buffer>;
  try {
    files = await unzip(contents);
  } catch {
    throw invalid({
      ja: "contents.zipを展開できません。",
      en: "contents.zip cannot be extracted.",
    });
  }
  const manifest = parseManifest(files);
  return { id: pluginIdOfPublicKey(publicKey), manifest, files };
}

function signatureValid(contents: Buffer, publicKeyDer: Buffer, signature: Buffer): boolean {
  try {
    const key = createPublicKey({ key: publicKeyDer, format: "der", type: "spki" });
    return verify("sha1", contents, key, signature);
  } catch {
    return false;
  }
}

function parseManifest(files: Map<string, Buffer>): PluginManifest {
  const raw = files.get("manifest.json");
  if (!raw) {
    throw invalid({
      ja: "contents.zipにmanifest.jsonがありません。",
      en: "contents.zip has no manifest.json.",
    });
  }
  let manifest: PluginManifest;
  try {
    manifest = JSON.parse(raw.toString("utf8").replace(/^\uFEFF/, "")) as PluginManifest;
  } catch {
    throw invalid({
      ja: "manifest.jsonが不正なJSONです。",
      en: "manifest.json is not valid JSON.",
    });
  }
  // The same schema checks @kintone/plugin-packer runs, with files looked up in contents.zip.
  const result = validateManifest(manifest as unknown as Record<string, unknown>, {
    fileExists: (path) => files.has(path),
    maxFileSize: (maxBytes, path) => (files.get(path)?.length ?? 0) <= maxBytes,
  });
  if (!result.valid) {
    const problems = (result.errors ?? []).map((e) =>
      `${e.instancePath || "/"} ${e.message ?? ""}`.trim(),
    );
    throw invalid({
      ja: `manifest.jsonの内容が正しくありません: ${problems.join("; ")}`,
      en: `manifest.json is invalid: ${problems.join("; ")}`,
    });
  }
  return manifest;
}
