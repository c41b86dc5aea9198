import type { SandboxDb } from "../db/database";
import type { FieldErrorCollector } from "../http/errors";
import { type FieldMap, getFields } from "./fieldStore";
import { findApp } from "./store";

interface RelatedApp {
  app?: unknown;
  code?: unknown;
}

function relatedFields(
  db: SandboxDb,
  related: RelatedApp | undefined,
  path: string,
  errorsOut: FieldErrorCollector,
): FieldMap | undefined {
  const appId = Number(related?.app);
  const app = Number.isInteger(appId) ? findApp(db, appId) : undefined;
  if (!app || !app.deployed) {
    errorsOut.add(`${path}.relatedApp.app`, {
      ja: `参照先のアプリ（id: ${String(related?.app)}）が見つかりません。`,
      en: `The related app (ID: ${String(related?.app)}) is not found.`,
    });
    return undefined;
  }
  return getFields(db, app.id, "live");
}

/** A lookup's settings, checked against the related (deployed) app's fields. */
export function checkLookup(
  db: SandboxDb,
  raw: unknown,
  path: string,
  errorsOut: FieldErrorCollector,
) {
  const lookup = (raw ?? {}) as Record<string, unknown>;
  const base = `${path}.lookup`;
  const related = relatedFields(db, lookup.relatedApp as RelatedApp, base, errorsOut);
  const keyField = String(lookup.relatedKeyField ?? "");
  const key = related?.[keyField];
  if (related && (!key || !(key.type === "RECORD_NUMBER" || key.unique === true))) {
    errorsOut.add(`${base}.relatedKeyField`, {
      ja: "コピー元のフィールドには、レコード番号か値の重複を禁止したフィールドを指定してください。",
      en: "The key field must be the record number or a field that prohibits duplicate values.",
    });
  }
  const mappings = Array.isArray(lookup.fieldMappings) ? lookup.fieldMappings : [];
  mappings.forEach((mapping: { field?: unknown; relatedField?: unknown }, i: number) => {
    if (related && !related[String(mapping?.relatedField)]) {
      errorsOut.add(`${base}.fieldMappings[${i}].relatedField`, {
        ja: `参照先のアプリにフィールド（${String(mapping?.relatedField)}）がありません。`,
        en: `The related app has no field (${String(mapping?.relatedField)}).`,
      });
    }
  });
  const relatedApp = lookup.relatedApp as RelatedApp | undefined;
  return {
    relatedApp: { app: String(relatedApp?.app ?? ""), code: String(relatedApp?.code ?? "") },
    relatedKeyField: keyField,
    fieldMappings: mappings.map((m: { field?: unknown; relatedField?: unknown }) => ({
      field: String(m?.field ?? ""),
      relatedField: String(m?.relatedField ?? ""),
    })),
    lookupPickerFields: Array.isArray(lookup.lookupPickerFields)
      ? lookup.lookupPickerFields.map(String)
      : [],
    filterCond: String(lookup.filterCond ?? ""),
    sort: String(lookup.sort ?? ""),
  };
}

/** A reference table's settings, checked against the related (deployed) app's fields. */
export function checkReferenceTable(
  db: SandboxDb,
  raw: unknown,
  path: string,
  errorsOut: FieldErrorCollector,
) {
  const table = (raw ?? {}) as Record<string, unknown>;
  const base = `${path}.referenceTable`;
  const related = relatedFields(db, table.relatedApp as RelatedApp, base, errorsOut);
  const condition = (table.condition ?? {}) as { field?: unknown; relatedField?: unknown };
  if (related && !related[String(condition.relatedField)]) {
    errorsOut.add(`${base}.condition.relatedField`, {
      ja: `参照先のアプリにフィールド（${String(condition.relatedField)}）がありません。`,
      en: `The related app has no field (${String(condition.relatedField)}).`,
    });
  }
  const displayFields = Array.isArray(table.displayFields) ? table.displayFields.map(String) : [];
  displayFields.forEach((code, i) => {
    if (related && !related[code]) {
      errorsOut.add(`${base}.displayFields[${i}]`, {
        ja: `参照先のアプリにフィールド（${code}）がありません。`,
        en: `The related app has no field (${code}).`,
      });
    }
  });
  const relatedApp = table.relatedApp as RelatedApp | undefined;
  return {
    relatedApp: { app: String(relatedApp?.app ?? ""), code: String(relatedApp?.code ?? "") },
    condition: {
      field: String(condition.field ?? ""),
      relatedField: String(condition.relatedField ?? ""),
    },
    filterCond: String(table.filterCond ?? ""),
    displayFields,
    sort: String(table.sort ?? ""),
    size: String(table.size ?? "5"),
  };
}
