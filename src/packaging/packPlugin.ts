import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { packPluginFromManifest } from "@kintone/plugin-packer/from-manifest";
import validateManifest from "@kintone/plugin-manifest-validator";

/** kintone's limit for one file inside a plugin (manifest schema: 20 MB). */
export const MAX_PLUGIN_FILE_BYTES = 20 * 1024 * 1024;

export interface PackOptions {
  manifestPath: string;
  /** The signing key. Created once when missing, never overwritten. */
  keyPath: string;
  outPath: string;
  log?: (line: string) => void;
}

export interface PackResult {
  pluginId: string;
  outPath: string;
  keyCreated: boolean;
}

/** A build problem the person running it can fix; the message is the one line to print. */
export class PackError extends Error {
  override name = "PackError";
}

function readManifest(manifestPath: string): Record<string, unknown> {
  if (!existsSync(manifestPath)) {
    throw new PackError(`manifest.json がありません: ${manifestPath} (plugin manifest not found)`);
  }
  try {
    return JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new PackError(
      `manifest.json を JSON として読めません: ${manifestPath}: ${(error as Error).message}`,
    );
  }
}

function checkManifest(manifest: Record<string, unknown>, pluginDir: string): void {
  const missing: string[] = [];
  const result = validateManifest(manifest, {
    fileExists: (file) => {
      const ok = existsSync(path.join(pluginDir, file));
      if (!ok) missing.push(file);
      return ok ? { valid: true } : { valid: false, message: `${file} がありません` };
    },
    maxFileSize: (maxBytes, file) => {
      const full = path.join(pluginDir, file);
      return !existsSync(full) || statSync(full).size <= maxBytes
        ? { valid: true }
        : { valid: false, message: `${file} が ${maxBytes} バイトを超えています` };
    },
  });
  if (missing.some((file) => file.startsWith("plugin/js/"))) {
    throw new PackError(
      `バンドルがありません: ${missing.join(", ")} — 先に \`npm run build\` (webpack) を実行してください (bundles missing: run the webpack build first)`,
    );
  }
  if (!result.valid) {
    const reasons = (result.errors ?? [])
      .map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim())
      .join("; ");
    throw new PackError(`manifest.json が不正です: ${reasons} (invalid manifest)`);
  }
}

function loadOrCreateKey(keyPath: string): string | undefined {
  if (!existsSync(keyPath)) return undefined;
  try {
    return readFileSync(keyPath, "utf8");
  } catch (error) {
    throw new PackError(
      `秘密鍵を読めません: ${keyPath}: ${(error as Error).message} (cannot read the private key; check PLUGIN_PPK)`,
    );
  }
}

function saveNewKey(keyPath: string, privateKey: string): void {
  try {
    writeFileSync(keyPath, privateKey, { flag: "wx", mode: 0o600 });
  } catch (error) {
    throw new PackError(
      `秘密鍵を保存できません: ${keyPath}: ${(error as Error).message} (cannot save the new private key; check PLUGIN_PPK)`,
    );
  }
}

const KEY_WARNING = [
  "================================================================================",
  "新しい秘密鍵を作りました / A NEW PRIVATE KEY WAS CREATED: %KEY%",
  "この鍵がプラグインIDそのものです。失うと別のプラグインとして扱われ、アプリの設定を引き継げません。",
  "安全な場所にバックアップし、git には絶対に入れないでください (*.ppk は .gitignore 済み)。",
  "This key IS the plugin id. Keep it, back it up, never commit it. Plugin id: %ID%",
  "================================================================================",
].join("\n");

/** Signs and packs the plugin described by the manifest into a kintone plugin zip. */
export async function packPlugin(options: PackOptions): Promise<PackResult> {
  const log = options.log ?? (() => undefined);
  const manifest = readManifest(options.manifestPath);
  const pluginDir = path.dirname(options.manifestPath);
  checkManifest(manifest, pluginDir);
  const existingKey = loadOrCreateKey(options.keyPath);
  let packed: Awaited<ReturnType<typeof packPluginFromManifest>>;
  try {
    // Without a key the packer generates one; its types ask for a string all the same.
    packed = await packPluginFromManifest(options.manifestPath, existingKey as string);
  } catch (error) {
    throw new PackError(
      existingKey === undefined
        ? `パッケージを作れません: ${(error as Error).message}`
        : `秘密鍵が不正です: ${options.keyPath}: ${(error as Error).message} (not a valid plugin key)`,
    );
  }
  // The new key is saved before the zip: a zip signed by a key that was not kept is a lost plugin id.
  if (existingKey === undefined) saveNewKey(options.keyPath, packed.privateKey);
  mkdirSync(path.dirname(options.outPath), { recursive: true });
  writeFileSync(options.outPath, packed.plugin);
  if (existingKey === undefined) {
    log(KEY_WARNING.replace("%KEY%", options.keyPath).replace("%ID%", packed.id));
  }
  log(`plugin id ${packed.id} → ${options.outPath}`);
  return { pluginId: packed.id, outPath: options.outPath, keyCreated: existingKey === undefined };
}
