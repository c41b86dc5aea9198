import type { FieldProperties, LayoutItem } from "../fields/types";
import { screenApi } from "../rest";

export interface AppInfo {
  appId: string;
  name: string;
  description?: string;
}

export interface ViewSettings {
  id: string;
  name: string;
  type: string;
  index: string | number;
  fields?: string[];
  filterCond?: string;
  sort?: string;
  /** CALENDAR views: the date field and the title field. */
  date?: string;
  title?: string;
}

export interface ProcessSettings {
  enable: boolean;
  states: Record<
    string,
    {
      name: string;
      index: string | number;
      assignee?: {
        type: string;
        entities: Array<{ entity: { type: string; code: string | null } }>;
      };
    }
  > | null;
  actions: Array<{
    name: string;
    from: string;
    to: string;
    filterCond?: string;
    type?: string;
    /** "作業者以外でも実行できる": users who may run the action without being an assignee. */
    executableUser?: { entities: Array<{ entity: { type: string; code: string | null } }> };
  }> | null;
  /**
   * Names in the login user's display language (kintone's "言語ごとの名称"): default state name →
   * shown name, and action index → shown name. The screen shows and sends these.
   */
  shown?: { states: Record<string, string>; actions: string[] };
}

export interface AppData {
  app: AppInfo;
  fields: FieldProperties;
  layout: LayoutItem[];
}

export async function loadApp(appId: number): Promise<AppData> {
  const [app, fields, layout] = await Promise.all([
    screenApi<AppInfo>("/k/v1/app", "GET", { id: appId }),
    screenApi<{ properties: FieldProperties }>("/k/v1/app/form/fields", "GET", { app: appId }),
    screenApi<{ layout: LayoutItem[] }>("/k/v1/app/form/layout", "GET", { app: appId }).catch(
      () => ({
        layout: [] as LayoutItem[],
      }),
    ),
  ]);
  return { app, fields: fields.properties, layout: layout.layout };
}

export async function loadViews(appId: number): Promise<ViewSettings[]> {
  const answer = await screenApi<{ views: Record<string, ViewSettings> }>(
    "/k/v1/app/views",
    "GET",
    {
      app: appId,
    },
  ).catch(() => ({ views: {} as Record<string, ViewSettings> }));
  return Object.values(answer.views).sort((a, b) => Number(a.index) - Number(b.index));
}

export async function loadProcess(appId: number): Promise<ProcessSettings> {
  const none: ProcessSettings = { enable: false, states: null, actions: null };
  const [byDefault, inMyLanguage] = await Promise.all([
    screenApi<ProcessSettings>("/k/v1/app/status", "GET", { app: appId }).catch(() => none),
    screenApi<ProcessSettings>("/k/v1/app/status", "GET", { app: appId, lang: "user" }).catch(
      () => none,
    ),
  ]);
  // The same settings in two languages: states pair by index, actions by position.
  const byIndex = (settings: ProcessSettings) =>
    Object.values(settings.states ?? {}).sort((a, b) => Number(a.index) - Number(b.index));
  const shownStates = byIndex(inMyLanguage);
  const states = Object.fromEntries(
    byIndex(byDefault).map((state, i) => [state.name, shownStates[i]?.name ?? state.name]),
  );
  const actions = (byDefault.actions ?? []).map(
    (action, i) => inMyLanguage.actions?.[i]?.name ?? action.name,
  );
  return { ...byDefault, shown: { states, actions } };
}

/** An action's name as the login user sees it (and as kintone expects it from them). */
export function shownAction(
  process: ProcessSettings,
  action: { name: string; from: string },
): string {
  const index = (process.actions ?? []).findIndex(
    (each) => each.name === action.name && each.from === action.from,
  );
  return process.shown?.actions[index] ?? action.name;
}

export function shownState(process: ProcessSettings, name: string): string {
  return process.shown?.states[name] ?? name;
}

/** Field codes in the order the form shows them: the layout first, then any field it left out. */
export function orderedFieldCodes(data: AppData): string[] {
  const codes: string[] = [];
  const visit = (items: LayoutItem[]) => {
    for (const item of items) {
      if (item.type === "GROUP") {
        codes.push(item.code);
        visit(item.layout);
      } else if (item.type === "SUBTABLE") codes.push(item.code);
      else for (const field of item.fields) if (field.code) codes.push(field.code);
    }
  };
  visit(data.layout);
  for (const code of Object.keys(data.fields)) if (!codes.includes(code)) codes.push(code);
  return codes;
}
