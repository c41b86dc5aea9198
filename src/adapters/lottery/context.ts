import type { KintoneClient } from "../kintoneClient";
import { type FieldMap, fieldText, type KintoneRecordLike } from "../../core/application";
import { isAllowed } from "../../core/settings/pluginConfig";
import {
  ACTIONS,
  type ActionKey,
  type ApplicationField,
  STATES,
  type StateKey,
} from "../../core/vocabulary";
import { STATUS_FIELD } from "../../apps/applicationViews";
import { readAllRecords } from "../applications";
import { type RetryOptions, withRetry } from "../retry";

/** The two apps the lottery touches. */
export interface LotteryApps {
  applications: number | string;
  lotteryLog: number | string;
}

/** What every lottery operation needs; the plugin passes a session-auth client and its field map. */
export interface LotteryOptions {
  client: KintoneClient;
  apps: LotteryApps;
  /** Logical field code → the applications app's actual code, where they differ. */
  fieldMap?: FieldMap;
  /** The applications app's STATUS field code, from the program; the one setup creates when omitted. */
  statusField?: string;
  /** Process state and action names, where the app's differ from spec §3 (or are localized). */
  states?: Partial<Record<StateKey, string>>;
  actions?: Partial<Record<ActionKey, string>>;
  retry?: RetryOptions;
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

/** Resolved names: field codes, states and actions as the target app spells them. */
export interface LotteryContext {
  client: KintoneClient;
  apps: LotteryApps;
  field: (logical: ApplicationField) => string;
  statusField: string;
  states: Record<StateKey, string>;
  actions: Record<ActionKey, string>;
  call: <T>(request: () => Promise<T>) => Promise<T>;
  retry?: RetryOptions;
  onProgress: (done: number, total: number) => void;
}

export async function resolveContext(options: LotteryOptions): Promise<LotteryContext> {
  const call = <T>(request: () => Promise<T>) => withRetry(request, options.retry);
  const fieldMap = options.fieldMap ?? {};
  return {
    client: options.client,
    apps: options.apps,
    field: (logical) => fieldMap[logical] || logical,
    statusField: options.statusField ?? STATUS_FIELD,
    states: { ...STATES, ...options.states },
    actions: { ...ACTIONS, ...options.actions },
    call,
    retry: options.retry,
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
