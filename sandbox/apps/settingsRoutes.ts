import { errors } from "../http/errors";
import { registerAclRoutes } from "./aclRoutes";
import type { Router } from "../http/router";
import { resolveCustomize } from "./customize";
import { registerProcessRoutes } from "./process";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import { registerReportRoutes } from "./reports";
import { registerViewRoutes } from "./views";

type GeneralSettings = Record<string, unknown> & { name: string; description: string };
const GENERAL_KEYS = [
  "name",
  "description",
  "icon",
  "theme",
  "titleField",
  "enableThumbnails",
  "enableBulkDeletion",
  "enableComments",
  "enableDuplicateRecord",
  "enableInlineRecordEditing",
  "numberPrecision",
  "firstMonthOfFiscalYear",
];

/** `app/settings`, `app/customize`, `app/acl`, views and process management. */
export function registerAppSettingsRoutes(router: Router): void {
  registerSettingsEndpoint<GeneralSettings>(router, {
    endpoint: "app/settings",
    kind: "settings",
    present: (value) => value,
    update: (req, current) => {
      const next = { ...current };
      for (const key of GENERAL_KEYS) {
        if (req.params[key] !== undefined) next[key] = req.params[key];
      }
      const name = next.name;
      if (typeof name !== "string" || name.trim() === "" || [...name].length > 64) {
        throw errors.validation({
          name: [
            {
              ja: "アプリ名は1文字以上64文字以下で指定してください。",
              en: "The app name must be between 1 and 64 characters.",
            },
          ],
        });
      }
      return { value: next };
    },
  });

  registerSettingsEndpoint<Record<string, unknown>>(router, {
    endpoint: "app/customize",
    kind: "customize",
    liveReadRight: "manage",
    present: (value) => value,
    update: (req, current) => {
      const next = { ...current };
      for (const key of ["scope", "desktop", "mobile"]) {
        if (req.params[key] !== undefined) next[key] = req.params[key];
      }
      if (!["ALL", "ADMIN", "NONE"].includes(String(next.scope))) {
        throw errors.validation({
          scope: [
            {
              ja: "ALL、ADMIN、NONEのいずれかを指定してください。",
              en: "Specify ALL, ADMIN or NONE.",
            },
          ],
        });
      }
      return { value: resolveCustomize(req.db, next) };
    },
  });

  registerAclRoutes(router);
  registerViewRoutes(router);
  registerReportRoutes(router);
  registerProcessRoutes(router);
}
