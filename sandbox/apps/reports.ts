import { FieldErrorCollector } from "../http/errors";
import type { Router } from "../http/router";
import { checkCondition } from "./conditions";
import { getFields } from "./fieldStore";
import { registerSettingsEndpoint } from "./settingsEndpoint";
import { idsByName, idsResponse, namedInput } from "./namedSettings";
import { readSettings } from "./store";

type Report = Record<string, unknown> & { id: string; name: string; index: string };
type Reports = Record<string, Report>;

const CHART_TYPES = [
  "BAR",
  "COLUMN",
  "PIE",
  "LINE",
  "PIVOT_TABLE",
  "TABLE",
  "AREA",
  "SPLINE",
  "SPLINE_AREA",
];
/** Chart types whose display mode kintone requires. */
const MODE_REQUIRED = ["BAR", "COLUMN", "AREA", "SPLINE_AREA"];
const CHART_MODES = ["NORMAL", "STACKED", "PERCENTAGE"];
const PERIODS = ["YEAR", "QUARTER", "MONTH", "WEEK", "DAY", "HOUR", "MINUTE"];
const TIMED_TYPES = ["DATE", "DATETIME", "TIME", "CREATED_TIME", "UPDATED_TIME"];
const AGGREGATIONS = ["COUNT", "SUM", "AVERAGE", "MAX", "MIN"];
const SORT_BY = ["TOTAL", "GROUP1", "GROUP2", "GROUP3"];
const ORDERS = ["ASC", "DESC"];

const required = { ja: "必須です。", en: "Required field." };
const oneOf = (values: string[]) => ({
  ja: `${values.join("、")}のいずれかを指定してください。`,
  en: `Specify one of ${values.join(", ")}.`,
});

/**
 * `app/reports` (graphs) GET (live/preview) and PUT preview, as kintone documents them: a PUT
 * replaces all graphs (one left out is deleted), a graph keeps its id while its name is kept.
 */
export function registerReportRoutes(router: Router): void {
  registerSettingsEndpoint<Reports>(router, {
    endpoint: "app/reports",
    kind: "reports",
    present: (reports) => ({ reports }),
    update: (req, current, app) => {
      const errorsOut = new FieldErrorCollector();
      const input = namedInput(req.params.reports, "reports", errorsOut);
      const fields = getFields(req.db, app.id, "preview");
      const live = app.deployed ? readSettings<Reports>(req.db, app.id, "live", "reports") : {};
      // Graph ids run from 50,000 within the app's range, apart from its views'.
      const idOf = idsByName(app.id, 50_000, current, live);
      const indexes = new Set<string>();
      const reports: Reports = {};
      for (const [key, raw] of input) {
        const path = `reports.${key}`;
        const chartType = String(raw?.chartType ?? "");
        if (!CHART_TYPES.includes(chartType))
          errorsOut.add(`${path}.chartType`, oneOf(CHART_TYPES));
        const chartMode = raw?.chartMode === undefined ? undefined : String(raw.chartMode);
        if (MODE_REQUIRED.includes(chartType) && !CHART_MODES.includes(chartMode ?? "")) {
          errorsOut.add(`${path}.chartMode`, oneOf(CHART_MODES));
        }
        const name = raw?.name === undefined ? key : String(raw.name);
        if (name !== key || name.trim() === "" || [...name].length > 64) {
          errorsOut.add(`${path}.name`, {
            ja: "グラフ名は1文字以上64文字以下で、キーと同じにしてください。",
            en: "The graph name must be 1 to 64 characters and equal its key.",
          });
        }
        const index = String(raw?.index ?? "");
        if (!/^\d+$/.test(index)) errorsOut.add(`${path}.index`, required);
        else if (indexes.has(index)) {
          errorsOut.add(`${path}.index`, {
            ja: "グラフの並び順が重複しています。",
            en: "Two graphs have the same index.",
          });
        }
        indexes.add(index);
        const groups = Array.isArray(raw?.groups)
          ? (raw.groups as Array<Record<string, unknown>>)
          : [];
        if (groups.length === 0 || groups.length > 3) errorsOut.add(`${path}.groups`, required);
        if (chartType === "PIVOT_TABLE" && groups.length < 2) {
          errorsOut.add(`${path}.groups`, {
            ja: "クロス集計表には分類する項目を2つ以上指定してください。",
            en: "A pivot table needs two or more groups.",
          });
        }
        groups.forEach((group, i) => {
          const code = String(group?.code ?? "");
          const field = fields[code];
          if (!field) {
            errorsOut.add(`${path}.groups[${i}].code`, {
              ja: `フィールド「${code}」が見つかりません。`,
              en: `The field "${code}" is not found.`,
            });
          } else if (
            TIMED_TYPES.includes(field.type) &&
            !PERIODS.includes(String(group.per ?? ""))
          ) {
            errorsOut.add(`${path}.groups[${i}].per`, oneOf(PERIODS));
          }
        });
        const aggregations = Array.isArray(raw?.aggregations)
          ? (raw.aggregations as Array<Record<string, unknown>>)
          : [];
        if (aggregations.length === 0) errorsOut.add(`${path}.aggregations`, required);
        aggregations.forEach((aggregation, i) => {
          const type = String(aggregation?.type ?? "");
          if (!AGGREGATIONS.includes(type)) {
            errorsOut.add(`${path}.aggregations[${i}].type`, oneOf(AGGREGATIONS));
          } else if (type !== "COUNT" && !fields[String(aggregation.code ?? "")]) {
            errorsOut.add(`${path}.aggregations[${i}].code`, required);
          }
        });
        const sorts = Array.isArray(raw?.sorts)
          ? (raw.sorts as Array<Record<string, unknown>>)
          : [];
        sorts.forEach((sort, i) => {
          if (!SORT_BY.includes(String(sort?.by ?? ""))) {
            errorsOut.add(`${path}.sorts[${i}].by`, oneOf(SORT_BY));
          }
          if (!ORDERS.includes(String(sort?.order ?? ""))) {
            errorsOut.add(`${path}.sorts[${i}].order`, oneOf(ORDERS));
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
        reports[key] = {
          id: idOf(key),
          name,
          index,
          chartType,
          ...(MODE_REQUIRED.includes(chartType) ? { chartMode } : {}),
          groups: groups.map((group) => ({
            code: String(group.code ?? ""),
            ...(group.per === undefined ? {} : { per: String(group.per) }),
          })),
          aggregations: aggregations.map((aggregation) => ({
            type: String(aggregation.type ?? ""),
            ...(aggregation.code === undefined ? {} : { code: String(aggregation.code) }),
          })),
          filterCond: String(raw?.filterCond ?? ""),
          sorts: sorts.map((sort) => ({ by: String(sort.by), order: String(sort.order) })),
          periodicReport: raw?.periodicReport ?? null,
        };
      }
      errorsOut.throwIfAny();
      return {
        value: reports,
        response: {
          reports: idsResponse(reports),
        },
      };
    },
  });
}
