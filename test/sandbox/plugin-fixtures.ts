import { ZipFile } from "yazl";

/** 1x1 transparent PNG. */
const ICON = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** A zip of the given files, built in memory. */
export function zip(files: Record<string, Buffer | string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const archive = new ZipFile();
    for (const [path, data] of Object.entries(files)) {
      archive.addBuffer(Buffer.isBuffer(data) ? data : Buffer.from(data), path);
    }
    archive.end();
    const chunks: Buffer[] = [];
    archive.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    archive.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    archive.outputStream.on("error", reject);
  });
}

/** A plugin's contents.zip: manifest, icon, desktop/config JS and config.html. */
/** A plugin's contents.zip: manifest, icon, desktop and config JS, config.html. */
export function contentsZip(version: string, extra: Record<string, unknown> = {}): Promise<Buffer> {
  const manifest = {
    manifest_version: 1,
    version,
    type: "APP",
    name: { ja: "申込フォローアップ", en: "Follow-up" },
    description: { ja: "説明", en: "description" },
    icon: "image/icon.png",
    desktop: { js: ["js/desktop.js"], css: [] },
    config: { html: "html/config.html", js: ["js/config.js"], required_params: [] },
    ...extra,
  };
  return zip({
    "manifest.json": JSON.stringify(manifest),
    "image/icon.png": ICON,
    "js/desktop.js": `console.log("desktop ${version}");`,
    "js/config.js": "console.log('config');",
    "html/config.html": "<div id='config'></div>",
  });
}
