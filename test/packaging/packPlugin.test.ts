import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createVerify } from "node:crypto";
import os from "node:os";
import path from "node:path";
import validateManifest from "@kintone/plugin-manifest-validator";
import { MAX_PLUGIN_FILE_BYTES, PackError, packPlugin } from "../../src/packaging/packPlugin";
import { pluginIdOfPublicKey } from "../../src/packaging/pluginId";
import { unzip } from "../../src/packaging/zip";

const root = path.resolve(__dirname, "../..");
function entry(zip: Map<string, Buffer>, name: string): Buffer {
  const bytes = zip.get(name);
  if (!bytes) throw new Error(`${name} is not in the zip`);
  return bytes;
}

/** Names every file the manifest points at (icon, html, js and css of each section). */
function manifestFiles(manifest: Record<string, any>): string[] {
  const files = [manifest.icon as string];
  for (const section of ["desktop", "mobile", "config"]) {
    const part = manifest[section];
    if (!part) continue;
    files.push(...(part.js ?? []), ...(part.css ?? []));
    if (part.html) files.push(part.html);
  }
  return files.filter((file) => !/^https:/.test(file));
}

/**
 * Small stand-ins for the bundles webpack writes (the real build is packed and checked once, in
 * CI's build step: .ci/run): packing does not depend on what the bundles contain.
 */
function writeFixtureBundles(outputRoot: string): void {
  const js = path.join(outputRoot, "plugin", "js");
  mkdirSync(js, { recursive: true });
  for (const name of ["desktop", "mobile", "config"]) {
    writeFileSync(path.join(js, `${name}.js`), `(()=>{kintone.events.on("${name}",e=>e)})();\n`);
  }
}

describe("packing the plugin", () => {
  let work: string;
  let manifest: Record<string, any>;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "followup-pack-"));
    cpSync(path.join(root, "manifest.json"), path.join(work, "manifest.json"));
    cpSync(path.join(root, "plugin"), path.join(work, "plugin"), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}plugin${path.sep}js`),
    });
    writeFixtureBundles(work);
    manifest = JSON.parse(readFileSync(path.join(work, "manifest.json"), "utf8"));
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("passes kintone's manifest validator", () => {
    const result = validateManifest(manifest);
    expect(result.errors).toBeNull();
    expect(result.valid).toBe(true);
  });

  it("signs a zip that holds every manifest file within kintone's limits", async () => {
    const keyPath = path.join(work, "throwaway.ppk");
    const outPath = path.join(work, "out", "plugin.zip");
    const logs: string[] = [];
    const packed = await packPlugin({
      manifestPath: path.join(work, "manifest.json"),
      keyPath,
      outPath,
      log: (line) => logs.push(line),
    });
    expect(packed.keyCreated).toBe(true);
    expect(logs.join("\n")).toContain("This key IS the plugin id");

    const outer = await unzip(readFileSync(outPath));
    expect([...outer.keys()].sort()).toEqual(["PUBKEY", "SIGNATURE", "contents.zip"]);
    const publicKey = entry(outer, "PUBKEY");
    const contents = entry(outer, "contents.zip");
    const verifier = createVerify("RSA-SHA1");
    verifier.update(contents);
    const pem = { key: publicKey, format: "der" as const, type: "spki" as const };
    expect(verifier.verify(pem, entry(outer, "SIGNATURE"))).toBe(true);
    expect(packed.pluginId).toBe(pluginIdOfPublicKey(publicKey));

    const inner = await unzip(contents);
    expect(inner.has("manifest.json")).toBe(true);
    for (const file of manifestFiles(manifest)) {
      expect(inner.has(file)).toBe(true);
      expect(entry(inner, file).length).toBeGreaterThan(0);
      expect(entry(inner, file).length).toBeLessThanOrEqual(MAX_PLUGIN_FILE_BYTES);
    }
    expect(entry(inner, manifest.config.html).length).toBeLessThanOrEqual(65_535);
    for (const section of ["desktop", "mobile", "config"]) {
      expect(
        (manifest[section].js ?? []).length + (manifest[section].css ?? []).length,
      ).toBeLessThanOrEqual(60);
    }
  });

  it("keeps the same plugin id for the same key and never overwrites the key", async () => {
    const keyPath = path.join(work, "stable.ppk");
    const first = await packPlugin({
      manifestPath: path.join(work, "manifest.json"),
      keyPath,
      outPath: path.join(work, "a.zip"),
    });
    const keyBefore = readFileSync(keyPath, "utf8");
    const second = await packPlugin({
      manifestPath: path.join(work, "manifest.json"),
      keyPath,
      outPath: path.join(work, "b.zip"),
    });
    expect(second.keyCreated).toBe(false);
    expect(second.pluginId).toBe(first.pluginId);
    expect(readFileSync(keyPath, "utf8")).toBe(keyBefore);
  });

  it("stops with one clear line when the manifest is missing", async () => {
    const attempt = packPlugin({
      manifestPath: path.join(work, "nope", "manifest.json"),
      keyPath: path.join(work, "k.ppk"),
      outPath: path.join(work, "c.zip"),
    });
    await expect(attempt).rejects.toThrow(PackError);
    await expect(attempt).rejects.toThrow(/manifest\.json がありません/);
  });

  it("stops with one clear line when a file the manifest names is missing", async () => {
    const broken = path.join(work, "broken-manifest.json");
    writeFileSync(broken, JSON.stringify({ ...manifest, icon: "plugin/image/missing.png" }));
    await expect(
      packPlugin({
        manifestPath: broken,
        keyPath: path.join(work, "k2.ppk"),
        outPath: path.join(work, "d.zip"),
      }),
    ).rejects.toThrow(/manifest\.json が不正です/);
  });

  it("stops with one clear line when the key is not a key", async () => {
    const badKey = path.join(work, "bad.ppk");
    writeFileSync(badKey, "this is not an RSA key");
    await expect(
      packPlugin({
        manifestPath: path.join(work, "manifest.json"),
        keyPath: badKey,
        outPath: path.join(work, "e.zip"),
      }),
    ).rejects.toThrow(/秘密鍵が不正です/);
  });

  it("writes no zip when a new key cannot be saved", async () => {
    const outPath = path.join(work, "g.zip");
    await expect(
      packPlugin({
        manifestPath: path.join(work, "manifest.json"),
        keyPath: path.join(work, "no-such-dir", "k.ppk"),
        outPath,
      }),
    ).rejects.toThrow(/秘密鍵を保存できません/);
    expect(existsSync(outPath)).toBe(false);
  });

  it("stops with one clear line when the key cannot be read", async () => {
    // A directory where the key should be: unreadable as a file even for root (CI runs as root).
    const notAFile = path.join(work, "dir.ppk");
    mkdirSync(notAFile);
    await expect(
      packPlugin({
        manifestPath: path.join(work, "manifest.json"),
        keyPath: notAFile,
        outPath: path.join(work, "f.zip"),
      }),
    ).rejects.toThrow(/秘密鍵を読めません/);
  });
});
