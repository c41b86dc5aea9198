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
  }> | null;
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
  return screenApi<ProcessSettings>("/k/v1/app/status", "GET", { app: appId }).catch(() => ({
    enable: false,
    states: null,
    actions: null,
  }));
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
