import type { SandboxDb } from "../db/database";
import { describeFile } from "../files/store";
import { FieldErrorCollector } from "../http/errors";

interface Resource {
  type?: unknown;
  url?: unknown;
  file?: { fileKey?: unknown };
}

/**
 * JS/CSS customization lists as kintone stores them: URL entries as given, FILE entries resolved
 * from an uploaded fileKey to `{contentType, fileKey, name, size}`; unknown keys are refused.
 */
export function resolveCustomize(
  db: SandboxDb,
  value: Record<string, unknown>,
): Record<string, unknown> {
  const errorsOut = new FieldErrorCollector();
  const resolved: Record<string, unknown> = { ...value };
  for (const device of ["desktop", "mobile"] as const) {
    const section = (value[device] ?? {}) as Record<string, unknown>;
    const out: Record<string, unknown[]> = {};
    for (const kind of ["js", "css"] as const) {
      const list = Array.isArray(section[kind]) ? (section[kind] as Resource[]) : [];
      out[kind] = list.map((entry, i) => {
        const path = `${device}.${kind}[${i}]`;
        if (entry?.type === "URL") {
          if (typeof entry.url !== "string" || !/^https:\/\//.test(entry.url)) {
            errorsOut.add(`${path}.url`, {
              ja: "https:// で始まるURLを指定してください。",
              en: "Specify a URL starting with https://.",
            });
          }
          return { type: "URL", url: String(entry.url ?? "") };
        }
        if (entry?.type === "FILE") {
          const file = describeFile(db, String(entry.file?.fileKey ?? ""));
          if (!file) {
            errorsOut.add(`${path}.file.fileKey`, {
              ja: "ファイルが見つかりません。",
              en: "The file is not found.",
            });
          }
          return { type: "FILE", file };
        }
        errorsOut.add(`${path}.type`, {
          ja: "URLかFILEを指定してください。",
          en: "Specify URL or FILE.",
        });
        return entry;
      });
    }
    resolved[device] = out;
  }
  errorsOut.throwIfAny();
  return resolved;
}
