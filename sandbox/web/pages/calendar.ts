import type { Bootstrap } from "../bootstrap";
import { clear, h } from "../dom";
import { fieldValueNode } from "../fields/display";
import { cloneRecord, type EventRecord } from "../kintone/effects";
import { events } from "../kintone/global";
import { setScreen } from "../kintone/screen";
import { callApi } from "../rest";
import { t } from "../text";
import type { AppData, ViewSettings } from "./appData";
import { appHeader, globalHeader } from "./chrome";
import { detailUrl } from "./context";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];

/** This month in Japan (the sandbox's users are in Asia/Tokyo), as `YYYY-MM`. */
function currentMonth(): string {
  const japan = new Date(Date.now() + 9 * 3_600_000);
  return `${japan.getUTCFullYear()}-${String(japan.getUTCMonth() + 1).padStart(2, "0")}`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * kintone's calendar view: a month grid (Sunday first) with each record on the day of the view's
 * date field, titled by its title field and linked to the record; `?date=YYYY-MM` picks the month.
 * The list event fires with `viewType: "calendar"` and the month in `date`.
 */
export async function showCalendar(
  boot: Bootstrap,
  root: HTMLElement,
  data: AppData,
  view: ViewSettings,
  viewSelect: HTMLElement,
): Promise<void> {
  const appId = boot.appId ?? 0;
  const params = new URLSearchParams(location.search);
  const month = /^\d{4}-\d{2}$/.test(params.get("date") ?? "")
    ? String(params.get("date"))
    : currentMonth();
  const dateCode = view.date ?? "";
  const titleCode = view.title ?? "";
  const [y, m] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = `${month}-01`;
  const last = `${month}-${String(days).padStart(2, "0")}`;
  const condition = [view.filterCond, `${dateCode} >= "${first}" and ${dateCode} <= "${last}"`]
    .filter((each): each is string => Boolean(each && each.trim()))
    .map((each) => `(${each})`)
    .join(" and ");
  const order = view.sort ? ` order by ${view.sort}` : "";
  const answer = await callApi<{ records: EventRecord[] }>("/k/v1/records", "GET", {
    app: appId,
    query: `${condition}${order} limit 500`,
  });
  const byDay = new Map<string, EventRecord[]>();
  for (const record of answer.records) {
    const day = String(record[dateCode]?.value ?? "").slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), record]);
  }

  const headerMenu = h("div", { class: "sb-header-menu-space" });
  const headerSpace = h("div", { class: "sb-header-space" });
  const monthLink = (by: number, label: string) =>
    h(
      "a",
      {
        class: "sb-button sb-calendar-nav",
        href: `${location.pathname}?view=${encodeURIComponent(view.id)}&date=${shiftMonth(month, by)}`,
      },
      label,
    );
  const offset = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const cells: HTMLElement[] = [];
  for (let i = 0; i < offset; i++) cells.push(h("td", { class: "sb-calendar-blank" }));
  for (let day = 1; day <= days; day++) {
    const date = `${month}-${String(day).padStart(2, "0")}`;
    const weekday = (offset + day - 1) % 7;
    cells.push(
      h(
        "td",
        {
          class: `sb-calendar-day ${weekday === 0 ? "sb-sunday" : ""} ${weekday === 6 ? "sb-saturday" : ""}`,
          dataset: { date },
        },
        h("div", { class: "sb-calendar-date" }, String(day)),
        ...(byDay.get(date) ?? []).map((record) =>
          h(
            "a",
            {
              class: "sb-calendar-item",
              href: detailUrl(boot, String(record.$id?.value ?? "")),
              dataset: { recordId: String(record.$id?.value ?? "") },
            },
            fieldValueNode(
              record[titleCode]?.type ?? "",
              record[titleCode]?.value,
              data.fields[titleCode],
            ),
          ),
        ),
      ),
    );
  }
  while (cells.length % 7 !== 0) cells.push(h("td", { class: "sb-calendar-blank" }));
  const rows: HTMLElement[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(h("tr", {}, ...cells.slice(i, i + 7)));

  clear(root);
  root.append(
    globalHeader(boot),
    appHeader(boot, data.app.name),
    h(
      "div",
      { class: `sb-page sb-list sb-calendar ${boot.mobile ? "sb-mobile-list" : ""}` },
      h("div", { class: "sb-list-toolbar" }, viewSelect, headerMenu),
      headerSpace,
      h(
        "div",
        { class: "sb-calendar-head" },
        monthLink(-1, `< ${t("previous")}`),
        h("span", { class: "sb-calendar-month" }, `${y}年${m}月`),
        monthLink(1, `${t("next")} >`),
      ),
      h(
        "table",
        { class: "sb-table sb-calendar-grid" },
        h("thead", {}, h("tr", {}, ...WEEKDAYS.map((day) => h("th", {}, day)))),
        h("tbody", {}, ...rows),
      ),
    ),
  );
  setScreen({
    query: () => `${condition}${order}`,
    queryCondition: () => condition,
    headerMenuSpace: () => (boot.mobile ? null : headerMenu),
    headerSpace: () => headerSpace,
  });
  const showEvent = {
    type: boot.mobile ? "mobile.app.record.index.show" : "app.record.index.show",
    appId,
    viewType: "calendar",
    viewId: Number(view.id),
    viewName: view.name,
    // A calendar's records are an object: each shown date → its records (kintone's index.show).
    records: Object.fromEntries(
      [...byDay].map(([day, records]) => [day, records.map(cloneRecord)]),
    ),
    date: month,
    offset: null,
    size: null,
  };
  await events.dispatch(showEvent.type, showEvent);
}
