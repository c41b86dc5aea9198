import { errors, KintoneError } from "../http/errors";
import { BinaryResponse, type Router } from "../http/router";
import { readFile, saveFile } from "./store";

/** `file` POST (multipart field `file` → {fileKey}) and GET (download by fileKey). */
export function registerFileRoutes(router: Router): void {
  router.api("POST", "file", (req) => {
    const file = req.files.find((f) => f.field === "file") ?? req.files[0];
    if (!file) {
      throw errors.validation({ file: [{ ja: "必須です。", en: "Required field." }] });
    }
    return { fileKey: saveFile(req.db, file) };
  });
  router.api("GET", "file", (req) => {
    const fileKey = String(req.params.fileKey ?? "");
    if (fileKey === "") {
      throw errors.validation({ fileKey: [{ ja: "必須です。", en: "Required field." }] });
    }
    const file = readFile(req.db, fileKey);
    if (!file) {
      throw new KintoneError(404, "GAIA_BL01", {
        ja: "指定したファイル（id: " + fileKey + "）が見つかりません。",
        en: "The specified file (id: " + fileKey + ") not found.",
      });
    }
    return new BinaryResponse(file.data, file.contentType, {
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
}
