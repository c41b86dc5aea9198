/**
 * Action names as the caller must say them. When an app names its statuses and actions per display
 * language (言語ごとの名称), kintone takes a status update's `action` in the caller's display
 * language and names the action so on its screens; the settings keep the default names. Sources:
 * cybozu.dev/ja/kintone/docs/rest-api/records/update-status/ (action: "複数の言語でアクションの名前を
 * 設定している場合、APIを実行するユーザーの表示言語での名前を指定"), and `lang` of
 * GET app/status.json (default / user). An API token has no display language: the default names.
 */
import type { ActionKey } from "../core/vocabulary";
import type { AppId, KintoneClient } from "./kintoneClient";
import { withRetry } from "./retry";

type ActionNames = Record<ActionKey, string>;

/** Default name ↔ the caller's name, for the app's actions and states. */
export interface ShownNames {
  /** Default action name → as the caller says it. */
  actions: Map<string, string>;
  /** Default state name → as the caller sees it. */
  states: Map<string, string>;
}

export type ProcessSettings = Awaited<ReturnType<KintoneClient["app"]["getProcessManagement"]>>;

/** The app's process settings named in the caller's display language (GET app/status?lang=user). */
export function readCallerProcess(client: KintoneClient, app: AppId): Promise<ProcessSettings> {
  return readProcess(client, app, "user");
}

function readProcess(client: KintoneClient, app: AppId, lang: "default" | "user") {
  return withRetry(() => client.app.getProcessManagement({ app, lang }));
}

/** Default name ↔ the caller's name, from the process settings read in both. */
function shownNames(byDefault: ProcessSettings, byUser: ProcessSettings): ShownNames {
  const actions = new Map<string, string>();
  // kintone lists the actions in the same order in every language, and keeps each state's index.
  (byDefault.actions ?? []).forEach((action, index) => {
    const shown = byUser.actions?.[index]?.name;
    if (shown && !actions.has(action.name)) actions.set(action.name, shown);
  });
  const userStates = new Map(Object.values(byUser.states ?? {}).map((s) => [s.index, s.name]));
  const states = new Map(
    Object.values(byDefault.states ?? {}).map((s) => [s.name, userStates.get(s.index) ?? s.name]),
  );
  return { actions, states };
}

/** Reads the app's process settings in the default names and in the caller's (two GETs). */
export async function readShownNames(client: KintoneClient, app: AppId): Promise<ShownNames> {
  const [byDefault, byUser] = await Promise.all([
    readProcess(client, app, "default"),
    readProcess(client, app, "user"),
  ]);
  return shownNames(byDefault, byUser);
}

/**
 * `actions` (default names, as the settings keep them) in the caller's display language. Programs
 * resolve this once (`program.callerActions()`); `byUserRead` is that read when already started.
 */
export async function callerActionNames(
  client: KintoneClient,
  app: AppId,
  actions: ActionNames,
  byUserRead: Promise<ProcessSettings> = readCallerProcess(client, app),
): Promise<ActionNames> {
  const byUser = await byUserRead;
  // Every name the settings keep is one the caller says (no names per language, or the caller's
  // language is the default one): nothing to translate, and one read instead of two.
  const userNames = new Set((byUser.actions ?? []).map((action) => action.name));
  if (Object.values(actions).every((name) => userNames.has(name))) return actions;
  const shown = shownNames(await readProcess(client, app, "default"), byUser).actions;
  return Object.fromEntries(
    Object.entries(actions).map(([key, name]) => [key, shown.get(name) ?? name]),
  ) as ActionNames;
}

/** The default name behind a name shown to the caller (undefined when there is none). */
export function defaultNameOf(shown: Map<string, string>, name: string): string | undefined {
  return [...shown].find(([, each]) => each === name)?.[0];
}
