/**
 * The settings page's screening parts (spec v2 §4): the app's own option labels for the choice
 * fields the rules read (mapped like the state names, so an app that says 法人 or 株式会社等 keeps
 * working), and the optional list of this year's round-1 participants.
 */
import type { OptionMap } from "../core/application";
import { normalizeCode } from "../core/eligibility";
import type { Localized } from "../core/i18n";
import type { PluginConfig } from "../core/settings/pluginConfig";
import type { KnownParticipant } from "../core/settings/programSettings";
import {
  APPLICATION_FIELD_LABELS,
  ENTITY_TYPES,
  INDUSTRIES,
  LEGACY_ENTITY_LABELS,
  PARTICIPATION_CATEGORIES,
} from "../core/vocabulary";
import { el } from "../desktop/dom";
import type { ConfigForm } from "./form";
import { CONFIG_TEXTS } from "./texts";

/** The choice fields whose option labels an existing app may word differently. */
export const MAPPED_CHOICES = {
  entity_type: ENTITY_TYPES,
  industry: INDUSTRIES,
  participation_category: PARTICIPATION_CATEGORIES,
} as const;
type MappedField = keyof typeof MAPPED_CHOICES;
const MAPPED_FIELDS = Object.keys(MAPPED_CHOICES) as MappedField[];

const ROUND_ONE_PATH = "program.roundOneParticipants";

/** One participant per line: a 13-digit 法人番号, or 名称, 所在地 (a comma or a tab between). */
export function participantsFromText(text: string): KnownParticipant[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const number = normalizeCode(line);
      if (/^\d{13}$/.test(number)) return { corporateNumber: number, name: "", address: "" };
      const [name = "", ...rest] = line.split(/[,，\t]/);
      return { corporateNumber: "", name: name.trim(), address: rest.join(",").trim() };
    });
}

export function participantsToText(participants: readonly KnownParticipant[]): string {
  return participants
    .map((p) => p.corporateNumber || [p.name, p.address].filter((part) => part !== "").join(", "))
    .join("\n");
}

function appLabel(config: PluginConfig, field: MappedField, spec: string): string {
  const mapped = config.optionMap[field]?.[spec];
  if (mapped) return mapped;
  return spec;
}

export function screeningSections(
  form: ConfigForm,
  config: PluginConfig,
  section: (title: string, ...children: HTMLElement[]) => HTMLElement,
  grid: (...rows: HTMLElement[]) => HTMLElement,
): HTMLElement[] {
  const t = (text: Localized) => form.t(text);
  const legacy = Object.entries(LEGACY_ENTITY_LABELS)
    .map(([old, now]) => `${old}→${now}`)
    .join("、");
  return [
    section(
      t(CONFIG_TEXTS.optionSection),
      el("p", { className: "kintoneplugin-desc" }, t(CONFIG_TEXTS.optionHelp(legacy))),
      grid(
        ...MAPPED_FIELDS.flatMap((field) =>
          MAPPED_CHOICES[field].map((spec, index) =>
            form.text(
              `optionMap.${field}.${index}`,
              `${t(APPLICATION_FIELD_LABELS[field])}：${spec}`,
              appLabel(config, field, spec),
            ),
          ),
        ),
      ),
    ),
    section(
      t(CONFIG_TEXTS.roundOneSection),
      form.lines(
        ROUND_ONE_PATH,
        t(CONFIG_TEXTS.roundOneLines),
        participantsToText(config.program.roundOneParticipants),
        t(CONFIG_TEXTS.roundOneHint),
      ),
    ),
  ];
}

/** The optionMap and the round-1 list as the form says them (other fields' mappings kept). */
export function screeningFromForm(
  form: ConfigForm,
  stored: PluginConfig,
): { optionMap: OptionMap; roundOneParticipants: KnownParticipant[] } {
  const optionMap: OptionMap = { ...stored.optionMap };
  for (const field of MAPPED_FIELDS) {
    const labels: Record<string, string> = {};
    MAPPED_CHOICES[field].forEach((spec, index) => {
      const value = String(form.value(`optionMap.${field}.${index}`) ?? "").trim();
      if (value !== "" && value !== spec) labels[spec] = value;
    });
    if (Object.keys(labels).length > 0) optionMap[field] = labels;
    else delete optionMap[field];
  }
  const text = String(form.value(ROUND_ONE_PATH) ?? "");
  return { optionMap, roundOneParticipants: participantsFromText(text) };
}
