import { createHash } from "node:crypto";
import yauzl from "yauzl";

/** The zip is not a packed kintone plugin (no PUBKEY / contents.zip). */
export class NotAPluginZipError extends Error {
  constructor(readonly zipPath: string) {
    super(
      `${zipPath} はパックしたプラグインではありません（PUBKEY と contents.zip がありません）。npm run build で作り直してください (not a packed plugin zip: run npm run build)`,
    );
    this.name = "NotAPluginZipError";
  }
}

function entryNames(buffer: Buffer): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error("not a zip"));
        return;
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

function readEntry(buffer: Buffer, name: string): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error("not a zip"));
        return;
      }
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error(`cannot read ${name}`));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("error", reject);
          stream.on("end", () => {
            zip.close();
            resolve(Buffer.concat(chunks));
          });
        });
      });
      zip.on("end", () => resolve(undefined));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

/**
 * The plugin id kintone gives a packed plugin: the first 32 hex digits of SHA-256 over the public
 * key (PUBKEY, DER), written with the letters a–p for 0–f (as @kintone/plugin-packer derives it).
 */
export function pluginIdOfPublicKey(publicKey: Buffer): string {
  const hex = createHash("sha256").update(publicKey).digest("hex").slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}

export interface PackedPlugin {
  id: string;
  /** manifest.json's version, as kintone reports it (a string). */
  version: string;
}

/** The id and version of a packed plugin zip (PUBKEY + contents.zip with manifest.json). */
export async function readPackedPlugin(buffer: Buffer, zipPath: string): Promise<PackedPlugin> {
  let names: Map<string, yauzl.Entry>;
  try {
    names = await entryNames(buffer);
  } catch {
    throw new NotAPluginZipError(zipPath);
  }
  if (!names.has("PUBKEY") || !names.has("contents.zip")) throw new NotAPluginZipError(zipPath);
  const publicKey = await readEntry(buffer, "PUBKEY");
  const contents = await readEntry(buffer, "contents.zip");
  const manifest = contents ? await readEntry(contents, "manifest.json") : undefined;
  if (!publicKey || !manifest) throw new NotAPluginZipError(zipPath);
  let version: unknown;
  try {
    version = (JSON.parse(manifest.toString("utf8")) as { version?: unknown }).version;
  } catch {
    throw new NotAPluginZipError(zipPath);
  }
  return { id: pluginIdOfPublicKey(publicKey), version: String(version ?? "") };
}
