import { FieldErrorCollector } from "../http/errors";
import type { Router } from "../http/router";
import { getFields } from "./fieldStore";
import { checkCondition } from "./conditions";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import { idsByName, idsResponse, namedInput } from "./namedSettings";
import { readSettings } from "./store";

type View = Record<string, unknown> & { id: string; name: string; type: string; index: string };
type Views = Record<string, View>;

const VIEW_TYPES = ["LIST", "CALENDAR", "CUSTOM"];

/**
 * `app/views` GET (live/preview) and PUT preview. A PUT replaces all views; a view keeps its id
 * when its name is kept, as in kintone.
 */
export function registerViewRoutes(router: Router): void {
  registerSettingsEndpoint<Views>(router, {
    endpoint: "app/views",
    kind: "views",
    present: (views) => ({ views }),
    update: (req, current, app) => {
      const errorsOut = new FieldErrorCollector();
      const input = namedInput(req.params.views, "views", errorsOut);
      // Through getFields, so a status condition is accepted once process management is on.
      const fields = getFields(req.db, app.id, "preview");
      const live = app.deployed ? readSettings<Views>(req.db, app.id, "live", "views") : {};
      const idOf = idsByName(app.id, 0, current, live);
      const views: Views = {};
      for (const [key, raw] of input) {
        const path = `views.${key}`;
        const type = String(raw?.type ?? "");
        if (!VIEW_TYPES.includes(type)) {
          errorsOut.add(`${path}.type`, {
            ja: "LIST、CALENDAR、CUSTOMのいずれかを指定してください。",
            en: "Specify LIST, CALENDAR or CUSTOM.",
          });
        }
        const name = raw?.name === undefined ? key : String(raw.name);
        if (name !== key || name.trim() === "" || [...name].length > 64) {
          errorsOut.add(`${path}.name`, {
            ja: "ビュー名は1文字以上64文字以下で、キーと同じにしてください。",
            en: "The view name must be 1 to 64 characters and equal its key.",
          });
        }
        if (raw?.index === undefined || !/^\d+$/.test(String(raw.index))) {
          errorsOut.add(`${path}.index`, { ja: "必須です。", en: "Required field." });
        }
        const listFields = Array.isArray(raw?.fields) ? raw.fields.map(String) : [];
        listFields.forEach((code, i) => {
          if (!fields[code]) {
            errorsOut.add(`${path}.fields[${i}]`, {
              ja: `フィールド「${code}」が見つかりません。`,
              en: `The field "${code}" is not found.`,
            });
          }
        });
        checkCondition(
          "filterCond",
          raw?.filterCond,
          fields,
          `${path}.filterCond`,
          errorsOut,
          req.auth.user.code,
        );
        checkCondition("sort", raw?.sort, fields, `${path}.sort`, errorsOut, req.auth.user.code);
        const id = idOf(key);
        views[key] = {
          type,
          name,
          id,
          index: String(raw?.index ?? ""),
          filterCond: String(raw?.filterCond ?? ""),
          sort: String(raw?.sort ?? ""),
          device: String(raw?.device ?? "DESKTOP"),
          ...(type === "LIST" ? { fields: listFields } : {}),
          ...(type === "CUSTOM"
            ? { html: String(raw?.html ?? ""), pager: raw?.pager !== false }
            : {}),
          // Left out, kintone dates a calendar by the updated time and titles it by the record number.
          ...(type === "CALENDAR"
            ? {
                date: String(raw?.date ?? codeOfType(fields, "UPDATED_TIME")),
                title: String(raw?.title ?? codeOfType(fields, "RECORD_NUMBER")),
              }
            : {}),
        };
      }
      errorsOut.throwIfAny();
      return {
        value: views,
        response: {
          views: idsResponse(views),
        },
      };
    },
  });
}

function codeOfType(fields: Record<string, { type: string; code: string }>, type: string): string {
  return Object.values(fields).find((field) => field.type === type)?.code ?? "";
}
