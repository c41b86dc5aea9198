import { generateKeyPairSync } from "node:crypto";
import { resolve } from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { packPluginFromManifest } from "@kintone/plugin-packer/from-manifest";

const MANIFEST = resolve(__dirname, "../fixtures/test-plugin/manifest.json");

/** Packs the fixture plugin with a fresh key: a new key gives another plugin id, as in kintone. */
export async function packTestPlugin(): Promise<{ id: string; zip: Buffer }> {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const packed = await packPluginFromManifest(MANIFEST, privateKey);
  return { id: packed.id, zip: packed.plugin };
}

/** Installs a plugin zip the kintone way: file upload, then the plugin REST API. */
export async function installPlugin(client: KintoneRestAPIClient, zip: Buffer): Promise<string> {
  const { fileKey } = await client.file.uploadFile({ file: { name: "plugin.zip", data: zip } });
  const { id } = await client.plugin.installPlugin({ fileKey });
  return id;
}
