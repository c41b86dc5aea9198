import { screenPath } from "../rest";
import { h } from "../dom";
import { subtableDisplay } from "./subtable";
import { wallClockText } from "./timeZone";
import type { FieldProperty } from "./types";

/** `2024-07-12T08:00:00Z` → `2024-07-12 17:00` in the user's time zone, as kintone shows it. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : wallClockText(date);
}

function formatNumber(value: string, property?: FieldProperty): string {
  if (value === "") return "";
  const unit = property?.unit ?? "";
  let shown = value;
  const scale = property?.displayScale;
  // displayScale is how many decimals the screen shows (the stored value keeps its own).
  if (scale !== undefined && scale !== "" && /^-?\d+(\.\d+)?$/.test(value)) {
    shown = Number(value).toFixed(Number(scale));
  }
  const grouped = property?.digit || property?.format === "NUMBER_DIGIT";
  if (grouped && /^-?\d+(\.\d+)?$/.test(shown)) {
    const [whole = "", fraction] = shown.split(".");
    const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    shown = fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
  }
  return property?.unitPosition === "BEFORE" ? `${unit}${shown}` : `${shown}${unit}`;
}

function entityNames(value: unknown): string {
  if (Array.isArray(value)) return value.map(entityNames).join(", ");
  if (value && typeof value === "object" && "name" in value) {
    const entity = value as { name?: string; code?: string };
    return entity.name || entity.code || "";
  }
  return "";
}

/** The value of a field as plain text (no markup is ever interpreted). */
export function fieldText(type: string, value: unknown, property?: FieldProperty): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "CHECK_BOX":
    case "MULTI_SELECT":
    case "CATEGORY":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "DATETIME":
    case "CREATED_TIME":
    case "UPDATED_TIME":
      return value === "" ? "" : formatDateTime(String(value));
    case "CALC":
      // A CALC's format decides how its stored text reads on the screen.
      if (property?.format === "DATETIME" && value !== "") return formatDateTime(String(value));
      if (["DATE", "TIME", "HOUR_MINUTE", "DAY_HOUR_MINUTE"].includes(property?.format ?? "")) {
        return String(value);
      }
      return formatNumber(String(value), property);
    case "NUMBER":
      return formatNumber(String(value), property);
    case "CREATOR":
    case "MODIFIER":
    case "USER_SELECT":
    case "ORGANIZATION_SELECT":
    case "GROUP_SELECT":
    case "STATUS_ASSIGNEE":
      return entityNames(value);
    case "FILE":
      return Array.isArray(value) ? value.map((file) => String(file?.name ?? "")).join(", ") : "";
    case "SUBTABLE":
      return Array.isArray(value) ? `${value.length}` : "";
    default:
      return typeof value === "object" ? JSON.stringify(value) : String(value);
  }
}

/** Where a LINK value leads; a WEB value that is not http(s) gets no link (no `javascript:`). */
function linkHref(protocol: string, value: string): string | undefined {
  if (protocol === "MAIL") return `mailto:${value}`;
  if (protocol === "CALL") return `tel:${value}`;
  return /^https?:\/\//i.test(value) ? value : undefined;
}

/** A node showing the value: text, or a link for LINK and FILE fields (link text is the value). */
export function fieldValueNode(type: string, value: unknown, property?: FieldProperty): Node {
  if (type === "SUBTABLE" && property) return subtableDisplay(property, value);
  if (type === "LINK" && typeof value === "string" && value !== "") {
    const href = linkHref(property?.protocol ?? "WEB", value);
    return href ? h("a", { href, rel: "noopener noreferrer" }, value) : h("span", {}, value);
  }
  if (type === "FILE" && Array.isArray(value)) {
    return h(
      "span",
      { class: "sb-files" },
      ...value.map((file: { fileKey?: string; name?: string }) =>
        h(
          "a",
          {
            class: "sb-file",
            href: screenPath(`/k/v1/file.json?fileKey=${encodeURIComponent(file.fileKey ?? "")}`),
          },
          file.name ?? "",
        ),
      ),
    );
  }
  if (
    (type === "CHECK_BOX" || type === "MULTI_SELECT" || type === "CATEGORY") &&
    Array.isArray(value)
  ) {
    // One choice a line, as kintone shows them: choices may hold commas themselves.
    return h("span", { class: "sb-multiline sb-choice-values" }, value.map(String).join("\n"));
  }
  if (type === "MULTI_LINE_TEXT" || type === "RICH_TEXT") {
    return h("span", { class: "sb-multiline" }, typeof value === "string" ? value : "");
  }
  return document.createTextNode(fieldText(type, value, property));
}
