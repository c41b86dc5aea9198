import { createHash } from "node:crypto";

/**
 * The id kintone gives a plugin, derived from its signing key as @kintone/plugin-packer does:
 * SHA-256 of the public key (PUBKEY, DER), its first 32 hex digits written with a–p for 0–f.
 * The same key always gives the same id.
 */
export function pluginIdOfPublicKey(publicKeyDer: Buffer): string {
  const hex = createHash("sha256").update(publicKeyDer).digest("hex").slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join("");
}
