/**
 * The records endpoints. Each handler takes the router's `ApiRequest` and returns kintone's
 * JSON body or throws `KintoneError`; writes run inside the router's transaction (and inside
 * bulkRequest's single transaction when called from there).
 */
import { assertAppRight } from "../auth/permissions";
import { recordAclApplies, rightsOnFields, rightsOnRecord } from "../auth/recordRights";
import { errors, FieldErrorCollector, KintoneError } from "../http/errors";
import type { ApiRequest } from "../http/router";
import { parseQuery, QueryError, type Query, type QueryContext } from "../query";
import { loadAppModel, type AppModel } from "./appModel";
import { closeCursor, openCursor, takeNextIds } from "./cursors";
import { fieldMessages, recordErrors } from "./messages";
import {
  compileForApp,
  findPage,
  matchingIds,
  toApiRecord,
  withoutHiddenFields,
  type Visible,
} from "./read";
import { runAction, setAssignees, startProcess } from "./status";
import {
  deleteRecord,
  findRecord,
  findRecordIdsByValue,
  insertRecord,
  saveRecord,
  type StoredRecord,
} from "./store";
import {
  buildNewRecord,
  buildUpdatedRecord,
  checkUniqueFields,
  minuteStamp,
  userEntry,
  type RecordInput,
  type WriteContext,
} from "./values";

export const WRITE_LIMIT = 100;
export const CURSOR_MAX_SIZE = 500;

function queryContext(req: ApiRequest): QueryContext {
  return { now: new Date(), timeZone: "Asia/Tokyo", loginUser: req.auth.user.code };
}

/** Query errors answer 400 with kintone's code. */
function withQueryErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    const details = error.errors
      ? Object.fromEntries(
          Object.entries(error.errors).map(([key, { messages }]) => [key, messages]),
        )
      : undefined;
    throw new KintoneError(400, error.code, error.text, details);
  }
}

function required(name: string): KintoneError {
  return errors.validation({ [name]: [fieldMessages.required] });
}

function recordId(value: unknown, name = "id"): number {
  const id = Number(value);
  if (value === undefined || value === null || value === "" || !Number.isInteger(id) || id <= 0)
    throw required(name);
  return id;
}

function requireRecord(req: ApiRequest, model: AppModel, id: number): StoredRecord {
  const record = findRecord(req.db, model.app.id, id);
  if (!record) throw recordErrors.recordNotFound(id);
  return record;
}

/** 409 GAIA_CO02 unless `revision` is absent or -1 or the record's current one. */
function checkRevision(record: StoredRecord, revision: unknown): void {
  if (revision === undefined || revision === null || revision === "") return;
  const wanted = Number(revision);
  if (wanted === -1 || wanted === record.revision) return;
  throw errors.revisionConflict();
}

function writeContext(
  req: ApiRequest,
  model: AppModel,
  errorsOut: FieldErrorCollector,
  prefix: string,
): WriteContext {
  return {
    db: req.db,
    model,
    auth: req.auth,
    now: new Date(),
    errors: errorsOut,
    prefix,
    loadModel: (appId) => loadAppModel(req.db, appId),
  };
}

function asInput(value: unknown): RecordInput {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as RecordInput) : {};
}

function asList(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) throw required(name);
  if (Array.isArray(value)) return value;
  if (typeof value === "object") return Object.values(value); // qs-parsed `ids[0]=…`
  throw required(name);
}

function tooMany(name: string, what: "add" | "update" | "delete" | "status"): KintoneError {
  return errors.validation({ [name]: [fieldMessages.tooMany(what)] });
}

// ---- reading -------------------------------------------------------------------------------

export function getRecord(req: ApiRequest): unknown {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "view");
  const record = requireRecord(req, model, recordId(req.params.id));
  if (!rightsOnRecord(req.db, req.auth, model, record).viewable) throw errors.noPrivilege();
  const fields = rightsOnFields(req.db, req.auth, model, record);
  return { record: withoutHiddenFields(toApiRecord(model, record), fields) };
}

/** Record permissions as a filter of query results, when the app has any for this caller. */
function visibleTo(req: ApiRequest, model: AppModel): Visible | undefined {
  if (!recordAclApplies(req.db, req.auth, model)) return undefined;
  return (id) => {
    const record = findRecord(req.db, model.app.id, id);
    return Boolean(record && rightsOnRecord(req.db, req.auth, model, record).viewable);
  };
}

/** The REST records a caller gets: only fields they may see. */
function shownRecords(
  req: ApiRequest,
  model: AppModel,
  records: StoredRecord[],
  only?: Set<string>,
) {
  return records.map((record) =>
    withoutHiddenFields(
      toApiRecord(model, record, only),
      rightsOnFields(req.db, req.auth, model, record),
    ),
  );
}

function fieldList(value: unknown): Set<string> | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  let list: unknown[] = [value];
  if (Array.isArray(value)) list = value;
  else if (typeof value === "object") list = Object.values(value); // qs-parsed `fields[0]=…`
  return list.length > 0 ? new Set(list.map(String)) : undefined;
}

export function getRecords(req: ApiRequest): unknown {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "view");
  const withTotal = req.params.totalCount === true || req.params.totalCount === "true";
  const query = typeof req.params.query === "string" ? req.params.query : "";
  const { records, totalCount } = withQueryErrors(() =>
    findPage(
      req.db,
      model,
      compileForApp(model, query, queryContext(req)),
      withTotal,
      visibleTo(req, model),
    ),
  );
  const only = fieldList(req.params.fields);
  return {
    records: shownRecords(req, model, records, only),
    totalCount: totalCount === null ? null : String(totalCount),
  };
}

export function createCursor(req: ApiRequest): unknown {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "view");
  const size = req.params.size === undefined ? 100 : Number(req.params.size);
  if (!Number.isInteger(size) || size < 1 || size > CURSOR_MAX_SIZE) {
    throw errors.validation({
      size: [{ ja: "500以下である必要があります。", en: "must be less than or equal to 500" }],
    });
  }
  const query = typeof req.params.query === "string" ? req.params.query : "";
  const ids = withQueryErrors(() => {
    const parsed = parseQuery(query);
    if (parsed.limit !== null || parsed.offset !== null) {
      throw errors.validation({
        query: [
          {
            ja: "カーソルのクエリには limit と offset を指定できません。",
            en: "A cursor query cannot have limit or offset.",
          },
        ],
      });
    }
    return matchingIds(
      req.db,
      model,
      compileForApp(model, parsed, queryContext(req)),
      visibleTo(req, model),
    );
  });
  const fields = fieldList(req.params.fields);
  const cursor = openCursor(req.db, {
    appId: model.app.id,
    owner: req.auth.user.code,
    ids,
    fields: fields ? [...fields] : undefined,
    size,
  });
  return { id: cursor.id, totalCount: String(ids.length) };
}

export function readCursor(req: ApiRequest): unknown {
  const { cursor, ids, next } = takeNextIds(req.db, req.params.id, req.auth.user.code);
  const model = loadAppModel(req.db, cursor.appId);
  const only = cursor.fields ? new Set(cursor.fields) : undefined;
  const records = ids.flatMap((id) => findRecord(req.db, model.app.id, id) ?? []);
  return { records: shownRecords(req, model, records, only), next };
}

export function deleteCursor(req: ApiRequest): unknown {
  closeCursor(req.db, req.params.id, req.auth.user.code);
  return {};
}

// ---- writing -------------------------------------------------------------------------------

/** Field permissions: writing a field the caller may not edit is refused (CB_NO02). */
function assertFieldsEditable(
  req: ApiRequest,
  model: AppModel,
  input: RecordInput,
  record?: StoredRecord,
): void {
  const rights = rightsOnFields(req.db, req.auth, model, record);
  if (Object.keys(input).some((code) => rights.get(code)?.editable === false)) {
    throw errors.noPrivilege();
  }
}

function addAll(req: ApiRequest, inputs: unknown[], prefix: (i: number) => string): StoredRecord[] {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "add");
  inputs.forEach((input) => assertFieldsEditable(req, model, asInput(input)));
  const collector = new FieldErrorCollector();
  const built = inputs.map((input, i) => {
    const fields = buildNewRecord(writeContext(req, model, collector, prefix(i)), asInput(input));
    startProcess(req.db, model, fields);
    return { fields, prefix: prefix(i) };
  });
  checkUniqueFields(req.db, model, built, collector);
  collector.throwIfAny();
  return built.map(({ fields }) => insertRecord(req.db, model.app.id, fields));
}

export function addRecord(req: ApiRequest): unknown {
  const [record] = addAll(req, [req.params.record ?? {}], () => "record");
  return { id: String(record?.id), revision: String(record?.revision) };
}

export function addRecords(req: ApiRequest): unknown {
  const inputs = asList(req.params.records, "records");
  if (inputs.length > WRITE_LIMIT) throw tooMany("records", "add");
  const records = addAll(req, inputs, (i) => `records[${i}]`);
  return {
    ids: records.map((r) => String(r.id)),
    revisions: records.map((r) => String(r.revision)),
  };
}

interface UpdateItem {
  id?: unknown;
  updateKey?: { field?: unknown; value?: unknown };
  record?: unknown;
  revision?: unknown;
}

/** The record an update names by `id` or `updateKey`; undefined only when `upsert` may add it. */
function targetOf(
  req: ApiRequest,
  model: AppModel,
  item: UpdateItem,
  prefix: string,
  upsert: boolean,
): StoredRecord | undefined {
  if (item.id !== undefined && item.id !== null && item.id !== "") {
    const id = recordId(item.id, `${prefix}id`);
    const record = findRecord(req.db, model.app.id, id);
    if (!record && !upsert) throw recordErrors.recordNotFound(id);
    return record;
  }
  const key = item.updateKey;
  if (!key || typeof key.field !== "string") throw required(`${prefix}id`);
  const property = model.fields[key.field];
  if (!property?.unique && property?.type !== "RECORD_NUMBER") {
    throw recordErrors.updateKeyNotUnique(key.field);
  }
  const value = String(key.value ?? "");
  if (property.type === "RECORD_NUMBER") {
    const record = /^\d+$/.test(value)
      ? findRecord(req.db, model.app.id, Number(value))
      : undefined;
    if (!record && !upsert) throw recordErrors.recordByKeyNotFound();
    return record;
  }
  const [match] = findRecordIdsByValue(req.db, model.app.id, key.field, [value]);
  if (!match && !upsert) throw recordErrors.recordByKeyNotFound();
  return match ? requireRecord(req, model, match.id) : undefined;
}

interface Written {
  record: StoredRecord;
  operation: "UPDATE" | "INSERT";
}

/**
 * Updates (by id or updateKey), all validated before any is written. With `upsert` (kintone's
 * upsert mode, used by cli-kintone's import with --update-key) a record that is not found is added,
 * with the updateKey's value in its key field.
 */
function updateAll(
  req: ApiRequest,
  items: UpdateItem[],
  prefix: (i: number) => string,
  upsert = false,
): Written[] {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "edit");
  if (upsert) assertAppRight(req.db, req.auth, model.app.id, "add");
  const collector = new FieldErrorCollector();
  const seen = new Set<number>();
  const built = items.map((item, i) => {
    const path = prefix(i);
    const target = targetOf(req, model, item, path === "record" ? "" : `${path}.`, upsert);
    const input = asInput(item.record);
    const key = item.updateKey;
    const context = writeContext(req, model, collector, path);
    if (!target) {
      const keyProperty = typeof key?.field === "string" ? model.fields[key.field] : undefined;
      if (key && keyProperty && keyProperty.type !== "RECORD_NUMBER") {
        input[keyProperty.code] = { value: key.value };
      }
      const fields = buildNewRecord(context, input);
      startProcess(req.db, model, fields);
      return { id: undefined, target, fields, prefix: path };
    }
    checkRevision(target, item.revision);
    if (!rightsOnRecord(req.db, req.auth, model, target).editable) throw errors.noPrivilege();
    if (seen.has(target.id)) {
      throw errors.validation({
        [`${path}.id`]: [{ ja: "レコードIDが重複しています。", en: "Duplicate record ID." }],
      });
    }
    seen.add(target.id);
    if (key && typeof key.field === "string") delete input[key.field];
    assertFieldsEditable(req, model, input, target);
    const fields = buildUpdatedRecord(context, target, input);
    return { id: target.id, target, fields, prefix: path };
  });
  checkUniqueFields(req.db, model, built, collector);
  collector.throwIfAny();
  return built.map(({ target, fields }): Written => {
    if (!target) return { record: insertRecord(req.db, model.app.id, fields), operation: "INSERT" };
    const saved = { id: target.id, revision: target.revision + 1, fields };
    saveRecord(req.db, model.app.id, saved);
    return { record: saved, operation: "UPDATE" };
  });
}

export function updateRecord(req: ApiRequest): unknown {
  const [saved] = updateAll(req, [req.params as UpdateItem], () => "record");
  return { revision: String(saved?.record.revision) };
}

export function updateRecords(req: ApiRequest): unknown {
  const items = asList(req.params.records, "records") as UpdateItem[];
  if (items.length > WRITE_LIMIT) throw tooMany("records", "update");
  const upsert = req.params.upsert === true || req.params.upsert === "true";
  const written = updateAll(req, items, (i) => `records[${i}]`, upsert);
  return {
    records: written.map(({ record, operation }) => ({
      id: String(record.id),
      revision: String(record.revision),
      ...(upsert ? { operation } : {}),
    })),
  };
}

export function deleteRecords(req: ApiRequest): unknown {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "delete");
  const ids = asList(req.params.ids, "ids");
  if (ids.length > WRITE_LIMIT) throw tooMany("ids", "delete");
  const revisions =
    req.params.revisions === undefined ? [] : asList(req.params.revisions, "revisions");
  if (revisions.length > 0 && revisions.length !== ids.length) {
    throw errors.validation({
      revisions: [
        { ja: "ids と同じ数を指定してください。", en: "Must have as many items as ids." },
      ],
    });
  }
  ids.forEach((id, i) => {
    const record = requireRecord(req, model, recordId(id, `ids[${i}]`));
    checkRevision(record, revisions[i]);
    if (!rightsOnRecord(req.db, req.auth, model, record).deletable) throw errors.noPrivilege();
    deleteRecord(req.db, model.app.id, record.id);
  });
  return {};
}

// ---- process management --------------------------------------------------------------------

interface StatusItem {
  id?: unknown;
  action?: unknown;
  assignee?: unknown;
  revision?: unknown;
}

function stampModifier(req: ApiRequest, model: AppModel, record: StoredRecord): void {
  const me = userEntry(req.db, req.auth.user.code) ?? {
    code: req.auth.user.code,
    name: req.auth.user.name,
  };
  if (model.codes.modifier) record.fields[model.codes.modifier] = { type: "MODIFIER", value: me };
  if (model.codes.updatedTime) {
    record.fields[model.codes.updatedTime] = {
      type: "UPDATED_TIME",
      value: minuteStamp(new Date()),
    };
  }
}

function assertStatusRight(req: ApiRequest, model: AppModel): void {
  assertAppRight(req.db, req.auth, model.app.id, req.auth.viaToken ? "edit" : "view");
}

function changeStatuses(req: ApiRequest, items: StatusItem[]): StoredRecord[] {
  const model = loadAppModel(req.db, req.params.app);
  assertStatusRight(req, model);
  if (!model.process.enable) throw recordErrors.processDisabled();
  const context = queryContext(req);
  return items.map((item, i) => {
    const record = requireRecord(
      req,
      model,
      recordId(item.id, items.length > 1 || req.params.records ? `records[${i}].id` : "id"),
    );
    checkRevision(record, item.revision);
    if (!rightsOnRecord(req.db, req.auth, model, record).viewable) throw errors.noPrivilege();
    withQueryErrors(() =>
      runAction(
        req.db,
        model,
        record,
        { action: item.action, assignee: item.assignee },
        req.auth,
        context,
      ),
    );
    stampModifier(req, model, record);
    record.revision += 2;
    saveRecord(req.db, model.app.id, record);
    return record;
  });
}

export function updateStatus(req: ApiRequest): unknown {
  const [record] = changeStatuses(req, [req.params as StatusItem]);
  return { revision: String(record?.revision) };
}

export function updateStatuses(req: ApiRequest): unknown {
  const items = asList(req.params.records, "records") as StatusItem[];
  if (items.length > WRITE_LIMIT) throw tooMany("records", "status");
  const records = changeStatuses(req, items);
  return { records: records.map((r) => ({ id: String(r.id), revision: String(r.revision) })) };
}

export function updateAssignees(req: ApiRequest): unknown {
  const model = loadAppModel(req.db, req.params.app);
  assertAppRight(req.db, req.auth, model.app.id, "manage");
  const record = requireRecord(req, model, recordId(req.params.id));
  checkRevision(record, req.params.revision);
  const codes = req.params.assignees === undefined ? [] : asList(req.params.assignees, "assignees");
  if (codes.length > WRITE_LIMIT) {
    throw errors.validation({
      assignees: [{ ja: "100人以下で指定してください。", en: "Up to 100 assignees." }],
    });
  }
  setAssignees(req.db, model, record, codes);
  stampModifier(req, model, record);
  record.revision += 1;
  saveRecord(req.db, model.app.id, record);
  return { revision: String(record.revision) };
}
