import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { initialValue } from "../fields/input";
import { DECORATION_TYPES, isCalculatedText, SYSTEM_TYPES } from "../fields/types";
import {
  cloneRecord,
  decideSave,
  decideShow,
  type EventRecord,
  isWritableType,
  redirectOf,
} from "../kintone/effects";
import { events } from "../kintone/global";
import { setScreen } from "../kintone/screen";
import { RestError, screenApi } from "../rest";
import { t } from "../text";
import { type AppData, loadApp } from "./appData";
import { appHeader, errorBanner, globalHeader } from "./chrome";
import { detailUrl, eventType, listUrl } from "./context";
import { recordViewScreen, renderRecord } from "./recordView";

/** `record.company_name.value` (CB_VA01 detail key) → `company_name`. */
export function fieldCodeOfErrorKey(key: string): string | undefined {
  const match = /^record(?:\.|\[)([^.[\]]+)/.exec(key);
  return match?.[1];
}

/** Field errors and the top message of a failed REST write. */
export function restErrorMessages(error: unknown): {
  top: string[];
  fields: Record<string, string>;
} {
  if (!(error instanceof RestError)) {
    return { top: [error instanceof Error ? error.message : String(error)], fields: {} };
  }
  const fields: Record<string, string> = {};
  const top = [error.body.message];
  for (const [key, detail] of Object.entries(error.body.errors ?? {})) {
    const code = fieldCodeOfErrorKey(key);
    const message = detail.messages.join(" ");
    if (code) fields[code] = fields[code] ? `${fields[code]} ${message}` : message;
    else top.push(message);
  }
  return { top, fields };
}

/** The values a save sends: every field a user may write. */
export function valuesToSave(
  data: AppData,
  record: EventRecord,
): Record<string, { value: unknown }> {
  const values: Record<string, { value: unknown }> = {};
  for (const [code, field] of Object.entries(record)) {
    const property = data.fields[code];
    if (!property || SYSTEM_TYPES.has(property.type) || DECORATION_TYPES.has(property.type))
      continue;
    if (!isWritableType(property.type) || isCalculatedText(property)) continue;
    values[code] = { value: field.value };
  }
  return values;
}

function newRecord(data: AppData): EventRecord {
  const record: EventRecord = {};
  for (const property of Object.values(data.fields)) {
    if (DECORATION_TYPES.has(property.type)) continue;
    record[property.code] = {
      type: property.type,
      value: SYSTEM_TYPES.has(property.type)
        ? initialSystemValue(property.type)
        : initialValue(property),
    };
  }
  return record;
}

function initialSystemValue(type: string): unknown {
  if (["STATUS_ASSIGNEE", "CATEGORY"].includes(type)) return [];
  return type === "CREATOR" || type === "MODIFIER" ? { code: "", name: "" } : "";
}

/**
 * The create form (no `recordId`) or the edit form of a record, desktop or mobile: fires
 * `*.show`, validates through `*.submit` handlers, saves through REST and fires `*.submit.success`.
 */
export async function showForm(
  boot: Bootstrap,
  root: HTMLElement,
  recordId?: string,
  preloaded?: { data: AppData; record: EventRecord },
): Promise<void> {
  const appId = boot.appId ?? 0;
  const data = preloaded?.data ?? (await loadApp(appId));
  const editing = recordId !== undefined;
  const original = editing
    ? (preloaded?.record ??
      (
        await screenApi<{ record: EventRecord }>("/k/v1/record", "GET", {
          app: appId,
          id: recordId,
        })
      ).record)
    : newRecord(data);
  const name = editing ? "edit" : "create";
  const showEvent = {
    type: eventType(boot, `${name}.show`),
    appId,
    record: cloneRecord(original),
    ...(editing ? { recordId: Number(recordId) } : { reuse: false }),
  };

  const state = cloneRecord(original);
  const banner = errorBanner();
  const form = h("form", {
    class: `sb-form ${boot.mobile ? "sb-mobile-form" : ""}`,
    novalidate: true,
  });
  const view = renderRecord(data, state, "edit", (code, value) => {
    const field = state[code];
    if (field) field.value = value;
  });
  const saveButton = h(
    "button",
    { type: "button", class: "sb-button sb-button-primary sb-save" },
    t("save"),
  );
  const cancelButton = h("button", { type: "button", class: "sb-button sb-cancel" }, t("cancel"));
  const title = h("h1", { class: "sb-page-title" }, editing ? t("edit") : t("create"));
  const toolbar = h("div", { class: "sb-form-toolbar" }, cancelButton, saveButton);
  const headerMenu = h("div", { class: "sb-record-header-menu" });

  clear(root);
  root.append(
    globalHeader(boot),
    appHeader(boot, data.app.name),
    h("div", { class: "sb-page" }, toolbar, title, headerMenu, banner.element, form),
  );
  form.appendChild(view.root);

  setScreen({
    recordId: () => (editing ? Number(recordId) : null),
    record: () => cloneRecord(state),
    setRecord: (record) => {
      for (const [code, field] of Object.entries(record)) {
        const current = state[code];
        if (current && field && "value" in field && isWritableType(current.type))
          current.value = field.value;
        if (current && field && typeof field.disabled === "boolean") {
          view.cells.get(code)?.control?.setDisabled(field.disabled);
        }
      }
      view.setValues(state);
      view.showErrors(
        Object.fromEntries(
          Object.entries(record)
            .filter(([, field]) => typeof field?.error === "string" && field.error !== "")
            .map(([code, field]) => [code, String(field.error)]),
        ),
      );
    },
    ...recordViewScreen(view, headerMenu, boot.mobile),
  });

  const shown = decideShow(original, await events.dispatch(showEvent.type, showEvent));
  Object.assign(state, shown.record);
  view.setValues(state);
  for (const [code, disabled] of Object.entries(shown.disabled))
    view.cells.get(code)?.control?.setDisabled(disabled);
  view.showErrors(shown.fieldErrors);

  cancelButton.addEventListener("click", () => {
    window.location.href = editing ? detailUrl(boot, recordId) : listUrl(boot);
  });

  let saving = false;
  const startSave = () => {
    if (saving) return;
    saving = true;
    saveButton.disabled = true;
    save().finally(() => {
      saving = false;
      saveButton.disabled = false;
    });
  };
  saveButton.addEventListener("click", startSave);
  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    startSave();
  });

  async function save(): Promise<void> {
    const entered = cloneRecord(state);
    const submitEvent = {
      type: eventType(boot, `${name}.submit`),
      appId,
      record: cloneRecord(entered),
      ...(editing ? { recordId: Number(recordId) } : {}),
    };
    const decision = decideSave(entered, await events.dispatch(submitEvent.type, submitEvent));
    if (!decision.save) {
      banner.show(decision.recordError ? [decision.recordError] : []);
      view.showErrors(decision.fieldErrors);
      return;
    }
    Object.assign(state, decision.record);
    view.setValues(state);
    let savedId: string;
    let revision: string;
    try {
      if (editing) {
        const answer = await screenApi<{ revision: string }>("/k/v1/record", "PUT", {
          app: appId,
          id: recordId,
          record: valuesToSave(data, state),
          revision: state.$revision?.value ?? -1,
        });
        savedId = String(recordId);
        revision = answer.revision;
      } else {
        const answer = await screenApi<{ id: string; revision: string }>("/k/v1/record", "POST", {
          app: appId,
          record: valuesToSave(data, state),
        });
        savedId = answer.id;
        revision = answer.revision;
      }
    } catch (error) {
      const messages = restErrorMessages(error);
      banner.show(messages.top);
      view.showErrors(messages.fields);
      return;
    }
    banner.show([]);
    view.showErrors({});
    const saved = await screenApi<{ record: EventRecord }>("/k/v1/record", "GET", {
      app: appId,
      id: savedId,
    })
      .then((answer) => answer.record)
      .catch(() => ({
        ...state,
        $id: { type: "__ID__", value: savedId },
        $revision: { type: "__REVISION__", value: revision },
      }));
    const successEvent = {
      type: eventType(boot, `${name}.submit.success`),
      appId,
      recordId: Number(savedId),
      record: saved,
    };
    const redirect = redirectOf(await events.dispatch(successEvent.type, successEvent));
    window.location.href = redirect ?? detailUrl(boot, savedId);
  }
}
