/**
 * The names a settings document gives the program's pieces in one app: field codes (through one
 * resolver), the STATUS field, and the process states and actions. Every screen, adapter and
 * command reads them here (through the Program), never from the document's parts.
 */
import { fieldResolver, type FieldResolver, type OptionMap } from "../application";
import type { ActionKey, StateKey } from "../vocabulary";
import type { ProcessNames } from "../workflow/process";
import type { PluginConfig } from "./pluginConfig";

export interface ProgramNames extends ProcessNames {
  /** Logical field (spec §2.1) → the app's field code; "" for an optional field the app does not use. */
  field: FieldResolver;
  /** Per choice field, the spec's option label → the app's own label, where they differ. */
  optionMap: OptionMap;
  /** The applications app's STATUS field code (for queries; a record's own status is read by type). */
  statusField: string;
  states: Record<StateKey, string>;
  actions: Record<ActionKey, string>;
}

export function programNames(config: PluginConfig): ProgramNames {
  return {
    field: fieldResolver(config.fieldMap),
    optionMap: config.optionMap,
    statusField: config.statusField,
    states: { ...config.states },
    actions: { ...config.actions },
  };
}
