import type { Bootstrap } from "../bootstrap";
import { clear, h, inBackground } from "../dom";
import { fieldValueNode } from "../fields/display";
import { createFieldControl } from "../fields/input";
import { DECORATION_TYPES, SYSTEM_TYPES } from "../fields/types";
import { cloneRecord, decideSave, decideShow, type EventRecord } from "../kintone/effects";
import { events } from "../kintone/global";
import { setScreen } from "../kintone/screen";
import { screenApi } from "../rest";
import { t } from "../text";
import { type AppData, loadApp, loadViews, orderedFieldCodes, type ViewSettings } from "./appData";
import { showCalendar } from "./calendar";
import { appHeader, errorBanner, globalHeader } from "./chrome";
import { createUrl, detailUrl, eventType } from "./context";
import { restErrorMessages, valuesToSave } from "./form";

const PAGE_SIZE = 20;

function columnsOf(data: AppData, view: ViewSettings | undefined): string[] {
  if (view?.fields?.length) return view.fields.filter((code) => data.fields[code]);
  return orderedFieldCodes(data)
    .filter((code) => {
      const type = data.fields[code]?.type ?? "";
      return !DECORATION_TYPES.has(type) && type !== "SUBTABLE" && type !== "FILE";
    })
    .slice(0, 8);
}

/** The record list: views, paging, the header menu space, inline edit (desktop). */
export async function showList(boot: Bootstrap, root: HTMLElement): Promise<void> {
  const appId = boot.appId ?? 0;
  const [data, views] = await Promise.all([loadApp(appId), loadViews(appId)]);
  const params = new URLSearchParams(location.search);
  const view = views.find((each) => each.id === params.get("view")) ?? views[0];
  const viewSelect = h(
    "select",
    { class: "sb-input sb-view-select", "aria-label": t("view") },
    ...views.map((each) =>
      h("option", { value: each.id, selected: each.id === view?.id }, each.name),
    ),
  );
  viewSelect.addEventListener("change", () => {
    window.location.href = `${location.pathname}?view=${encodeURIComponent(viewSelect.value)}`;
  });
  if (view?.type === "CALENDAR") return showCalendar(boot, root, data, view, viewSelect);
  const extraCondition = params.get("query") ?? "";
  const columns = columnsOf(data, view);
  const condition = [view?.filterCond, extraCondition]
    .filter((each): each is string => Boolean(each && each.trim()))
    .map((each) => `(${each})`)
    .join(" and ");
  const order = view?.sort ? ` order by ${view.sort}` : " order by $id desc";
  let offset = Math.max(0, Number(params.get("offset") ?? 0) || 0);

  const headerMenu = h("div", { class: "sb-header-menu-space" });
  const headerSpace = h("div", { class: "sb-header-space" });
  const banner = errorBanner();
  const tableBox = h("div", { class: "sb-list-box" });
  const pager = h("div", { class: "sb-pager" });
  const addButton =
    boot.rights?.add === false
      ? null
      : h("a", {
          class: "sb-add",
          href: createUrl(boot),
          title: t("addRecord"),
          "aria-label": t("addRecord"),
        });

  clear(root);
  root.append(
    globalHeader(boot),
    appHeader(boot, data.app.name),
    h(
      "div",
      { class: `sb-page sb-list ${boot.mobile ? "sb-mobile-list" : ""}` },
      h("div", { class: "sb-list-toolbar" }, viewSelect, addButton, headerMenu),
      headerSpace,
      banner.element,
      tableBox,
      pager,
    ),
  );

  const query = () => `${condition}${order} limit ${PAGE_SIZE} offset ${offset}`;
  let cellsByCode = new Map<string, HTMLElement[]>();
  setScreen({
    query,
    queryCondition: () => condition,
    headerMenuSpace: () => (boot.mobile ? null : headerMenu),
    headerSpace: () => headerSpace,
    fieldElements: (code) => cellsByCode.get(code) ?? null,
    relatedRecordsTargetAppId: (code) => data.fields[code]?.referenceTable?.relatedApp.app ?? null,
  });

  async function render(): Promise<void> {
    const answer = await screenApi<{ records: EventRecord[]; totalCount: string | null }>(
      "/k/v1/records",
      "GET",
      {
        app: appId,
        query: query(),
        totalCount: true,
      },
    );
    cellsByCode = new Map(columns.map((code) => [code, []]));
    clear(tableBox);
    tableBox.appendChild(boot.mobile ? mobileCards(answer.records) : table(answer.records));
    renderPager(Number(answer.totalCount ?? answer.records.length));
    const showEvent = {
      type: boot.mobile ? "mobile.app.record.index.show" : "app.record.index.show",
      appId,
      viewType: "list",
      viewId: view ? Number(view.id) : 20,
      viewName: view?.name ?? "",
      records: answer.records.map(cloneRecord),
      offset,
      size: answer.records.length,
      date: null,
    };
    await events.dispatch(showEvent.type, showEvent);
  }

  function renderPager(total: number): void {
    clear(pager);
    const last = Math.min(offset + PAGE_SIZE, total);
    pager.append(
      h(
        "button",
        {
          type: "button",
          class: "sb-button sb-prev",
          disabled: offset === 0,
          on: { click: () => page(Math.max(0, offset - PAGE_SIZE)) },
        },
        `< ${t("previous")}`,
      ),
      h(
        "span",
        { class: "sb-page-info" },
        total === 0 ? "0" : `${offset + 1} - ${last} / ${total} ${t("records")}`,
      ),
      h(
        "button",
        {
          type: "button",
          class: "sb-button sb-next",
          disabled: last >= total,
          on: { click: () => page(offset + PAGE_SIZE) },
        },
        `${t("next")} >`,
      ),
    );
  }

  function page(next: number): void {
    offset = next;
    inBackground(render());
  }

  function table(records: EventRecord[]): HTMLElement {
    if (records.length === 0) return h("div", { class: "sb-muted sb-empty" }, t("noRecords"));
    return h(
      "table",
      { class: "sb-table sb-record-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { class: "sb-col-icon" }),
          ...columns.map((code) => h("th", {}, data.fields[code]?.label ?? code)),
          h("th", { class: "sb-col-icon" }),
        ),
      ),
      h("tbody", {}, ...records.map((record) => row(record))),
    );
  }

  function row(record: EventRecord): HTMLElement {
    const id = String(record.$id?.value ?? "");
    const cells = columns.map((code) => {
      const cell = h(
        "td",
        { dataset: { fieldCode: code } },
        fieldValueNode(record[code]?.type ?? "", record[code]?.value, data.fields[code]),
      );
      cellsByCode.get(code)?.push(cell);
      return cell;
    });
    const tr = h(
      "tr",
      { dataset: { recordId: id } },
      h(
        "td",
        { class: "sb-col-icon" },
        h("a", {
          class: "sb-detail-link",
          href: detailUrl(boot, id),
          title: t("showDetail"),
          "aria-label": t("showDetail"),
        }),
      ),
      ...cells,
      h(
        "td",
        { class: "sb-col-icon" },
        boot.rights?.edit === false
          ? null
          : h("button", {
              type: "button",
              class: "sb-inline-edit",
              title: t("inlineEdit"),
              "aria-label": t("inlineEdit"),
              on: { click: () => inBackground(inlineEdit(tr, cells, record)) },
            }),
      ),
    );
    return tr;
  }

  async function inlineEdit(
    tr: HTMLElement,
    cells: HTMLElement[],
    record: EventRecord,
  ): Promise<void> {
    const recordId = Number(record.$id?.value);
    const state = cloneRecord(record);
    const errorsByCode = new Map<string, HTMLElement>();
    const showEvent = {
      type: "app.record.index.edit.show",
      appId,
      recordId,
      record: cloneRecord(state),
    };
    // Like the form: a handler of app.record.index.edit.show may set values and disable fields.
    const shown = decideShow(state, await events.dispatch(showEvent.type, showEvent));
    Object.assign(state, shown.record);
    columns.forEach((code, i) => {
      const property = data.fields[code];
      const cell = cells[i];
      if (
        !property ||
        !cell ||
        SYSTEM_TYPES.has(property.type) ||
        DECORATION_TYPES.has(property.type)
      )
        return;
      const control = createFieldControl(property, (value) => {
        const field = state[code];
        if (field) field.value = value;
      });
      control.setValue(state[code]?.value);
      if (shown.disabled[code] !== undefined) control.setDisabled(shown.disabled[code]);
      const error = h("div", { class: "sb-field-error" });
      error.hidden = true;
      errorsByCode.set(code, error);
      clear(cell);
      cell.append(control.element, error);
    });
    const last = tr.lastElementChild as HTMLElement;
    clear(last);
    const saveButton = h(
      "button",
      { type: "button", class: "sb-button sb-button-primary sb-inline-save" },
      t("save"),
    );
    last.append(
      saveButton,
      h(
        "button",
        {
          type: "button",
          class: "sb-button sb-inline-cancel",
          on: { click: () => inBackground(render()) },
        },
        t("cancel"),
      ),
    );
    saveButton.addEventListener("click", () => inBackground(saveInline()));

    async function saveInline(): Promise<void> {
      const submitEvent = {
        type: "app.record.index.edit.submit",
        appId,
        recordId,
        record: cloneRecord(state),
      };
      const decision = decideSave(state, await events.dispatch(submitEvent.type, submitEvent));
      const showFieldErrors = (errors: Record<string, string>) => {
        for (const [code, box] of errorsByCode) {
          box.textContent = errors[code] ?? "";
          box.hidden = !errors[code];
        }
      };
      if (!decision.save) {
        banner.show(decision.recordError ? [decision.recordError] : []);
        showFieldErrors(decision.fieldErrors);
        return;
      }
      try {
        await screenApi("/k/v1/record", "PUT", {
          app: appId,
          id: recordId,
          record: valuesToSave(data, decision.record),
          revision: decision.record.$revision?.value ?? -1,
        });
      } catch (error) {
        const messages = restErrorMessages(error);
        banner.show(messages.top);
        showFieldErrors(messages.fields);
        return;
      }
      banner.show([]);
      const saved = await screenApi<{ record: EventRecord }>("/k/v1/record", "GET", {
        app: appId,
        id: recordId,
      });
      const successEvent = {
        type: "app.record.index.edit.submit.success",
        appId,
        recordId,
        record: saved.record,
      };
      await events.dispatch(successEvent.type, successEvent);
      await render();
    }
  }

  function mobileCards(records: EventRecord[]): HTMLElement {
    if (records.length === 0) return h("div", { class: "sb-muted sb-empty" }, t("noRecords"));
    return h(
      "ul",
      { class: "sb-cards" },
      ...records.map((record) => {
        const id = String(record.$id?.value ?? "");
        return h(
          "li",
          { class: "sb-card", dataset: { recordId: id } },
          h(
            "a",
            { class: "sb-detail-link-mobile", href: detailUrl(boot, id) },
            ...columns.slice(0, 4).map((code) => {
              const cell = h(
                "div",
                { class: "sb-card-line", dataset: { fieldCode: code } },
                h("span", { class: "sb-card-label" }, data.fields[code]?.label ?? code),
                h(
                  "span",
                  { class: "sb-card-value" },
                  fieldValueNode(record[code]?.type ?? "", record[code]?.value, data.fields[code]),
                ),
              );
              cellsByCode.get(code)?.push(cell);
              return cell;
            }),
          ),
        );
      }),
    );
  }

  await render();
}
