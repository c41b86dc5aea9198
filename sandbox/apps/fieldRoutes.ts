import { assertAppRight } from "../auth/permissions";
import { FieldErrorCollector } from "../http/errors";
import { listParam } from "../http/params";
import type { ApiRequest, Router } from "../http/router";
import { BUILT_IN_TYPES } from "./defaults";
import { buildField, type FieldMap, type FieldProperty, getFields } from "./fields";
import {
  type LayoutRow,
  checkLayout,
  withFieldAdded,
  withFieldRemoved,
  withFieldRenamed,
} from "./layout";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import {
  checkRevision,
  readSettings,
  requireApp,
  revisionOf,
  type Stage,
  writePreview,
} from "./store";

/** `app/form/fields` (GET live/preview, POST/PUT/DELETE preview) and `app/form/layout`. */
export function registerFieldRoutes(router: Router): void {
  const read = (stage: Stage) => (req: ApiRequest) => {
    const app = requireApp(req.db, req.params.app, stage);
    assertAppRight(req.db, req.auth, app.id, stage === "live" ? "view" : "manage", stage);
    return { properties: getFields(req.db, app.id, stage), revision: revisionOf(app, stage) };
  };
  router.api("GET", "app/form/fields", read("live"));
  router.api("GET", "preview/app/form/fields", read("preview"));
  router.api("POST", "preview/app/form/fields", (req) =>
    editFields(req, (fields, initialLayout, errorsOut) => {
      let layout = initialLayout;
      for (const [key, input] of Object.entries(propertiesOf(req, errorsOut))) {
        if (fields[key]) {
          errorsOut.add(`properties.${key}.code`, {
            ja: `フィールドコード「${key}」は重複しています。`,
            en: `The field code "${key}" is already used.`,
          });
          continue;
        }
        const field = buildField(req.db, key, input, undefined, errorsOut);
        if (!field) continue;
        fields[key] = field;
        layout = withFieldAdded(layout, field);
      }
      return layout;
    }),
  );
  router.api("PUT", "preview/app/form/fields", (req) =>
    editFields(req, (fields, initialLayout, errorsOut) => {
      let layout = initialLayout;
      for (const [key, input] of Object.entries(propertiesOf(req, errorsOut))) {
        const previous = fields[key];
        if (!previous) {
          errorsOut.add(`properties.${key}`, {
            ja: `フィールド「${key}」が見つかりません。`,
            en: `The field "${key}" is not found.`,
          });
          continue;
        }
        const field = buildField(req.db, key, input, previous, errorsOut);
        if (!field) continue;
        delete fields[key];
        if (fields[field.code]) {
          errorsOut.add(`properties.${key}.code`, {
            ja: `フィールドコード「${field.code}」は重複しています。`,
            en: `The field code "${field.code}" is already used.`,
          });
        }
        fields[field.code] = field;
        if (field.code !== key) layout = withFieldRenamed(layout, key, field.code);
      }
      return layout;
    }),
  );
  router.api("DELETE", "preview/app/form/fields", (req) =>
    editFields(req, (fields, initialLayout, errorsOut) => {
      let layout = initialLayout;
      const codes = listParam(req.params.fields) ?? [];
      if (codes.length === 0) errorsOut.add("fields", { ja: "必須です。", en: "Required field." });
      codes.forEach((code, i) => {
        const table = tableHolding(fields, code);
        if (table) {
          // A subtable's own field is deleted by its code like any other.
          const inner = { ...(table.fields as FieldMap) };
          delete inner[code];
          fields[table.code] = { ...table, fields: inner };
          layout = withFieldRemoved(layout, code);
          return;
        }
        const field = fields[code];
        if (!field || BUILT_IN_TYPES.has(field.type)) {
          errorsOut.add(`fields[${i}]`, {
            ja: `削除できるフィールド「${code}」が見つかりません。`,
            en: `No deletable field "${code}" is found.`,
          });
          return;
        }
        delete fields[code];
        layout = withFieldRemoved(layout, code);
      });
      return layout;
    }),
  );

  registerSettingsEndpoint<LayoutRow[]>(router, {
    endpoint: "app/form/layout",
    kind: "layout",
    present: (layout) => ({ layout }),
    update: (req, _current, app) => {
      const errorsOut = new FieldErrorCollector();
      const fields = readSettings<FieldMap>(req.db, app.id, "preview", "fields");
      const layout = checkLayout(req.params.layout, fields, errorsOut);
      errorsOut.throwIfAny();
      return { value: layout };
    },
  });
}

function tableHolding(fields: FieldMap, code: string): FieldProperty | undefined {
  return Object.values(fields).find(
    (f) => f.type === "SUBTABLE" && Object.hasOwn((f.fields ?? {}) as FieldMap, code),
  );
}

function propertiesOf(
  req: ApiRequest,
  errorsOut: FieldErrorCollector,
): Record<string, Record<string, unknown>> {
  const properties = req.params.properties;
  if (!properties || typeof properties !== "object" || Array.isArray(properties)) {
    errorsOut.add("properties", { ja: "必須です。", en: "Required field." });
    return {};
  }
  return properties as Record<string, Record<string, unknown>>;
}

/** Runs one change of the preview form, checks cross-field references, stores fields + layout. */
function editFields(
  req: ApiRequest,
  change: (fields: FieldMap, layout: LayoutRow[], errorsOut: FieldErrorCollector) => LayoutRow[],
) {
  const app = requireApp(req.db, req.params.app, "preview");
  assertAppRight(req.db, req.auth, app.id, "manage", "preview");
  checkRevision(app, req.params.revision);
  const errorsOut = new FieldErrorCollector();
  const fields = readSettings<FieldMap>(req.db, app.id, "preview", "fields");
  const layout = change(
    fields,
    readSettings<LayoutRow[]>(req.db, app.id, "preview", "layout"),
    errorsOut,
  );
  checkLocalReferences(fields, errorsOut);
  errorsOut.throwIfAny();
  return { revision: writePreview(req.db, app, { fields, layout }, req.auth.user.code) };
}

/** Lookup mappings and reference-table conditions must name fields of this app. */
function checkLocalReferences(fields: FieldMap, errorsOut: FieldErrorCollector): void {
  // A code is unique in the whole app, subtable fields included.
  const seen = new Set(Object.keys(fields));
  for (const table of Object.values(fields).filter((f) => f.type === "SUBTABLE")) {
    for (const code of Object.keys((table.fields ?? {}) as FieldMap)) {
      if (seen.has(code)) {
        errorsOut.add(`properties.${table.code}.fields.${code}.code`, {
          ja: `フィールドコード「${code}」は重複しています。`,
          en: `The field code "${code}" is already used.`,
        });
      }
      seen.add(code);
    }
  }
  for (const field of Object.values(fields) as FieldProperty[]) {
    const lookup = field.lookup as { fieldMappings?: Array<{ field: string }> } | undefined;
    lookup?.fieldMappings?.forEach((mapping, i) => {
      if (!fields[mapping.field]) {
        errorsOut.add(`properties.${field.code}.lookup.fieldMappings[${i}].field`, {
          ja: `フィールド（${mapping.field}）がありません。`,
          en: `The field (${mapping.field}) does not exist.`,
        });
      }
    });
    const table = field.referenceTable as { condition?: { field: string } } | undefined;
    if (table?.condition && !fields[table.condition.field]) {
      errorsOut.add(`properties.${field.code}.referenceTable.condition.field`, {
        ja: `フィールド（${table.condition.field}）がありません。`,
        en: `The field (${table.condition.field}) does not exist.`,
      });
    }
  }
}
