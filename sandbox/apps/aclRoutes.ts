/**
 * Permissions settings: `app/acl`, `record/acl` and `field/acl` (GET live/preview, PUT preview,
 * and PUT live = write the preview and deploy the app), and `records/acl/evaluate`.
 */
import { findUser } from "../auth/users";
import type { SandboxDb } from "../db/database";
import { FieldErrorCollector } from "../http/errors";
import type { ApiRequest, Router } from "../http/router";
import { registerEvaluateRoute } from "./aclEvaluate";
import { APP_RIGHTS } from "./defaults";
import type { FieldMap } from "./fields";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import { readSettings } from "./store";

type Entry = Record<string, unknown> & { entity?: { type?: unknown; code?: unknown } };

function flag(value: unknown): boolean {
  return value === true || value === "true";
}

function rightsParam(req: ApiRequest, out: FieldErrorCollector): Entry[] {
  const rights = req.params.rights;
  if (Array.isArray(rights)) return rights as Entry[];
  if (rights && typeof rights === "object") return Object.values(rights) as Entry[];
  out.add("rights", { ja: "必須です。", en: "Required field." });
  return [];
}

/** USER / GROUP / ORGANIZATION must exist; FIELD_ENTITY must be a field; CREATOR where allowed. */
function checkEntity(
  db: SandboxDb,
  fields: FieldMap,
  entity: Entry["entity"],
  allowed: readonly string[],
  path: string,
  out: FieldErrorCollector,
): { type: string; code: string | null } {
  const type = String(entity?.type ?? "");
  const code = entity?.code === undefined || entity.code === null ? null : String(entity.code);
  const known =
    allowed.includes(type) &&
    (type === "CREATOR" ||
      (type === "USER" && Boolean(code && findUser(db, code))) ||
      ((type === "GROUP" || type === "ORGANIZATION") &&
        Boolean(db.prepare("SELECT 1 FROM groups WHERE code = ?").get(code))) ||
      (type === "FIELD_ENTITY" && Boolean(code && fields[code])));
  if (!known) {
    out.add(`${path}.entity`, {
      ja: `アクセス権の対象（${type} ${code ?? ""}）が見つかりません。`,
      en: `The entity (${type} ${code ?? ""}) is not found.`,
    });
  }
  return { type, code: type === "CREATOR" ? null : code };
}

const VIEW_NEEDED = {
  ja: "編集や削除を許可するときは、閲覧も許可してください。",
  en: "Allow viewing when allowing editing or deleting.",
};

/** What checks one entry of a PUT's `rights` needs: the database, the app's preview fields, errors. */
interface RightsCheck {
  db: SandboxDb;
  fields: FieldMap;
  out: FieldErrorCollector;
}

/**
 * The three permission settings behave alike: reading the live settings needs app management, a
 * PUT replaces the whole `rights` list (each entry checked, nothing stored if any is wrong), and a
 * live PUT deploys.
 */
function registerRightsEndpoint(
  router: Router,
  endpoint: string,
  kind: "acl" | "recordAcl" | "fieldAcl",
  checkEntry: (entry: Entry, i: number, check: RightsCheck) => unknown,
): void {
  registerSettingsEndpoint<unknown[]>(router, {
    endpoint,
    kind,
    liveReadRight: "manage",
    liveWriteDeploys: true,
    present: (rights) => ({ rights }),
    update: (req, _current, app) => {
      const check = {
        db: req.db,
        fields: readSettings<FieldMap>(req.db, app.id, "preview", "fields"),
        out: new FieldErrorCollector(),
      };
      const rights = rightsParam(req, check.out).map((entry, i) => checkEntry(entry, i, check));
      check.out.throwIfAny();
      return { value: rights };
    },
  });
}

export function registerAclRoutes(router: Router): void {
  registerRightsEndpoint(router, "app/acl", "acl", (entry, i, { db, fields, out }) => {
    const right: Record<string, unknown> = {
      entity: checkEntity(
        db,
        fields,
        entry.entity,
        ["USER", "GROUP", "ORGANIZATION", "CREATOR"],
        `rights[${i}]`,
        out,
      ),
      includeSubs: flag(entry.includeSubs),
    };
    for (const key of APP_RIGHTS) right[key] = flag(entry[key]);
    if ((right.recordEditable || right.recordDeletable) && !right.recordViewable) {
      out.add(`rights[${i}].recordViewable`, VIEW_NEEDED);
    }
    if (right.recordImportable && !right.recordAddable) {
      out.add(`rights[${i}].recordAddable`, {
        ja: "ファイルの読み込みを許可するときは、レコードの追加も許可してください。",
        en: "Allow adding records when allowing file imports.",
      });
    }
    return right;
  });

  registerRightsEndpoint(router, "record/acl", "recordAcl", (right, i, { db, fields, out }) => {
    const list = Array.isArray(right.entities) ? (right.entities as Entry[]) : [];
    if (!Array.isArray(right.entities)) {
      out.add(`rights[${i}].entities`, { ja: "必須です。", en: "Required field." });
    }
    return {
      filterCond: typeof right.filterCond === "string" ? right.filterCond : "",
      entities: list.map((entry, j) => {
        const path = `rights[${i}].entities[${j}]`;
        const viewable = flag(entry.viewable);
        const editable = flag(entry.editable);
        const deletable = flag(entry.deletable);
        if ((editable || deletable) && !viewable) out.add(`${path}.viewable`, VIEW_NEEDED);
        return {
          entity: checkEntity(
            db,
            fields,
            entry.entity,
            ["USER", "GROUP", "ORGANIZATION", "FIELD_ENTITY"],
            path,
            out,
          ),
          viewable,
          editable,
          deletable,
          includeSubs: flag(entry.includeSubs),
        };
      }),
    };
  });

  registerRightsEndpoint(router, "field/acl", "fieldAcl", (right, i, { db, fields, out }) => {
    const code = String(right.code ?? "");
    if (!fields[code]) {
      out.add(`rights[${i}].code`, {
        ja: `フィールド「${code}」が見つかりません。`,
        en: `The field (code: ${code}) is not found.`,
      });
    }
    const list = Array.isArray(right.entities) ? (right.entities as Entry[]) : [];
    return {
      code,
      entities: list.map((entry, j) => {
        const path = `rights[${i}].entities[${j}]`;
        const accessibility = String(entry.accessibility ?? "");
        if (!["READ", "WRITE", "NONE"].includes(accessibility)) {
          out.add(`${path}.accessibility`, {
            ja: "READ、WRITE、NONEのいずれかを指定してください。",
            en: "Specify READ, WRITE or NONE.",
          });
        }
        return {
          accessibility,
          entity: checkEntity(
            db,
            fields,
            entry.entity,
            ["USER", "GROUP", "ORGANIZATION", "FIELD_ENTITY"],
            path,
            out,
          ),
          includeSubs: flag(entry.includeSubs),
        };
      }),
    };
  });

  registerEvaluateRoute(router);
}
