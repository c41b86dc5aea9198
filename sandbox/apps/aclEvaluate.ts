import { assertAppRight, hasAppRight } from "../auth/permissions";
import { rightsOnFields, rightsOnRecord } from "../auth/recordRights";
import { errors } from "../http/errors";
import type { Router } from "../http/router";
import { loadAppModel } from "../records/appModel";
import { recordErrors } from "../records/messages";
import { findRecord } from "../records/store";

/** Fields the record-update APIs can write: kintone evaluates permissions on these. */
const NOT_WRITABLE = new Set([
  "RECORD_NUMBER",
  "CREATOR",
  "CREATED_TIME",
  "MODIFIER",
  "UPDATED_TIME",
  "STATUS",
  "STATUS_ASSIGNEE",
  "CATEGORY",
  "CALC",
  "REFERENCE_TABLE",
  "LABEL",
  "SPACER",
  "HR",
  "GROUP",
  "SUBTABLE",
]);

/**
 * `GET records/acl/evaluate {app, ids}`: the caller's rights on up to 100 records and their
 * fields. Password or session authentication only (API tokens are refused); needs view or add
 * permission on the app; an unknown record id is an error.
 */
export function registerEvaluateRoute(router: Router): void {
  router.api("GET", "records/acl/evaluate", (req) => {
    if (req.auth.viaToken) throw errors.apiTokenNotAllowed();
    const model = loadAppModel(req.db, req.params.app);
    if (!hasAppRight(req.db, req.auth, model.app.id, "add")) {
      assertAppRight(req.db, req.auth, model.app.id, "view");
    }
    const given = req.params.ids;
    let ids: unknown[] = [];
    if (Array.isArray(given)) ids = given;
    else if (given && typeof given === "object") ids = Object.values(given); // qs: ids[0]=…
    if (ids.length === 0 || ids.length > 100) {
      throw errors.validation({
        ids: [
          {
            ja: "1件から100件までのレコードIDを指定してください。",
            en: "Specify between 1 and 100 record IDs.",
          },
        ],
      });
    }
    const codes = Object.values(model.fields)
      .filter((field) => !NOT_WRITABLE.has(field.type))
      .map((field) => field.code);
    const rights = ids.map((value) => {
      const id = Number(value);
      const record = Number.isInteger(id) ? findRecord(req.db, model.app.id, id) : undefined;
      if (!record) throw recordErrors.recordNotFound(String(value));
      const onRecord = rightsOnRecord(req.db, req.auth, model, record);
      const onFields = rightsOnFields(req.db, req.auth, model, record);
      const fields = Object.fromEntries(
        codes.map((code) => {
          const right = onFields.get(code) ?? { viewable: true, editable: true };
          return [
            code,
            {
              viewable: onRecord.viewable && right.viewable,
              editable: onRecord.editable && right.editable,
            },
          ];
        }),
      );
      return { id: String(record.id), record: onRecord, fields };
    });
    return { rights };
  });
}
