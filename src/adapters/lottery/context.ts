/**
 * What every lottery operation works with: the Program (client, apps, names, settings) narrowed to
 * the two apps the lottery touches, plus who is acting and how to report progress.
 */
import { type FieldResolver, fieldText, type KintoneRecordLike } from "../../core/application";
import { isAllowed } from "../../core/settings/pluginConfigDocument";
import type { ActionKey, StateKey } from "../../core/vocabulary";
import { readAllRecords } from "../applications";
import type { KintoneClient } from "../kintoneClient";
import { appOf, type Program } from "../program";
import type { RetryOptions } from "../retry";

/** The two apps the lottery touches. */
export interface LotteryApps {
  applications: number;
  lotteryLog: number;
}

/** What every lottery operation needs: the Program, and (in the plugin) who is acting. */
export interface LotteryOptions {
  program: Program;
  /**
   * Who may draw or promote beyond kintone's own permissions (the plugin config's
   * permissions.draw / .promote). Empty lists mean nobody; omitted means no extra check.
   */
  allowed?: { users: string[]; groups: string[] };
  /** The operator (kintone.getLoginUser().code and, when known, their group codes). */
  operator?: { code: string; groups?: string[] };
  /** Records written so far, of the total to write: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** The Program as the lottery uses it: both apps known, names as the target app spells them. */
export interface LotteryContext {
  program: Program;
  client: KintoneClient;
  apps: LotteryApps;
  field: FieldResolver;
  statusField: string;
  states: Record<StateKey, string>;
  actions: Record<ActionKey, string>;
  call: <T>(request: () => Promise<T>) => Promise<T>;
  retry?: RetryOptions;
  onProgress: (done: number, total: number) => void;
}

/** Throws AppNotConfiguredError when the settings name no applications or lottery log app. */
export function resolveContext(options: LotteryOptions): LotteryContext {
  const { program } = options;
  return {
    program,
    client: program.client,
    apps: {
      applications: appOf(program, "applications"),
      lotteryLog: appOf(program, "lotteryLog"),
    },
    field: program.field,
    statusField: program.statusField,
    states: program.states,
    actions: program.actions,
    call: program.call,
    retry: program.retry,
    onProgress: options.onProgress ?? (() => undefined),
  };
}

/** Every record matching `condition`, with its revision, in the fewest reads (pages of 500 by `$id`). */
export function readPages(
  context: LotteryContext,
  app: number | string,
  condition: string,
  fields: string[],
): Promise<KintoneRecordLike[]> {
  return readAllRecords(context.client, {
    app,
    condition,
    fields: ["$revision", ...fields],
    retry: context.retry,
  });
}

export function numberValue(record: KintoneRecordLike, code: string): number | null {
  const text = fieldText(record, code);
  if (text === "") return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * Whether the operator is among `allowed` (users or groups), as the plugin settings read it: empty
 * lists allow nobody. Without `allowed` (the CLI, which relies on kintone's own permissions) there
 * is no extra check.
 */
export function operatorAllowed(options: Pick<LotteryOptions, "allowed" | "operator">): boolean {
  const { allowed, operator } = options;
  if (!allowed) return true;
  if (!operator) return false;
  return isAllowed(allowed, operator, operator.groups ?? []);
}

/** A run id unique to one attempt (a retried append must recognise only its own entry): prefix-time-random. */
export function newRunId(prefix: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
  return `${prefix}-${stamp}-${random}`;
}
