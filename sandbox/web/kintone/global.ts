import type { Bootstrap } from "../bootstrap";
import { callApi, kintoneApiUrl, queryString, RestError } from "../rest";
import { cloneRecord, type EventRecord } from "./effects";
import { EventRegistry } from "./events";
import { createPluginApi } from "./pluginApi";
import { screen } from "./screen";
import { createUserApi } from "./user";

export const events = new EventRegistry();

/** Record calls that kintone forbids inside `kintone.events.on` handlers throw here as well. */
function outsideHandlers(name: string): void {
  if (events.dispatching) {
    throw new Error(
      `${name}() cannot be called inside a kintone.events.on handler; return the event object instead`,
    );
  }
}

type ApiCallback = (response: any) => void;

function createApi() {
  const api = (
    pathOrUrl: string,
    method: string,
    params: Record<string, unknown> = {},
    success?: ApiCallback,
    failure?: ApiCallback,
  ) => {
    const call = callApi(pathOrUrl, method, params).catch((error: unknown) => {
      throw error instanceof RestError ? error.body : error;
    });
    if (!success) return call;
    call.then(success, failure);
    return undefined;
  };
  api.url = (path: string, detectGuestSpace?: boolean) =>
    kintoneApiUrl(location, path, detectGuestSpace);
  api.urlForGet = (
    path: string,
    params: Record<string, unknown> = {},
    detectGuestSpace?: boolean,
  ) => {
    const query = queryString(params);
    return query ? `${api.url(path, detectGuestSpace)}?${query}` : api.url(path, detectGuestSpace);
  };
  api.getConcurrencyLimit = () => Promise.resolve({ limit: 100, running: 0 });
  return api;
}

/** The `kintone` object of kintone's JavaScript API, backed by the sandbox's REST API and the current page. */
export function createKintone(boot: Bootstrap) {
  const appId = boot.appId ?? null;
  const onDesktop = !boot.mobile;
  const onMobile = boot.mobile;
  const recordGet = (name: string) => (): { record: EventRecord } | null => {
    outsideHandlers(name);
    const record = screen.record?.();
    return record ? { record: cloneRecord(record) } : null;
  };
  const recordSet = (name: string) => (value: { record: EventRecord }) => {
    outsideHandlers(name);
    if (!screen.setRecord)
      throw new Error(`${name}() can be used only on the record create and edit screens`);
    if (!value || typeof value.record !== "object") throw new Error(`${name}() needs {record}`);
    screen.setRecord(value.record);
  };
  const recordApi = (prefix: string) => ({
    getId: () => screen.recordId?.() ?? null,
    get: recordGet(`${prefix}.record.get`),
    set: recordSet(`${prefix}.record.set`),
    getSpaceElement: (elementId: string) => screen.spaceElement?.(elementId) ?? null,
    getFieldElement: (code: string) => screen.fieldElement?.(code) ?? null,
    getHeaderMenuSpaceElement: () => screen.recordHeaderMenuSpace?.() ?? null,
    setFieldShown: (code: string, shown: boolean) => screen.setFieldShown?.(code, shown),
    setGroupFieldOpen: (code: string, open: boolean) => screen.setGroupFieldOpen?.(code, open),
  });
  const appApi = (prefix: string) => ({
    getId: () => appId,
    getHeaderMenuSpaceElement: () => screen.headerMenuSpace?.() ?? null,
    getHeaderSpaceElement: () => screen.headerSpace?.() ?? null,
    getQuery: () => screen.query?.() ?? null,
    getQueryCondition: () => screen.queryCondition?.() ?? null,
    getFieldElements: (code: string) => screen.fieldElements?.(code) ?? null,
    getRelatedRecordsTargetAppId: (code: string) =>
      screen.relatedRecordsTargetAppId?.(code) ?? null,
    getLookupTargetAppId: (code: string) => screen.lookupTargetAppId?.(code) ?? null,
    // cybozu.dev "ログインユーザーのアプリに対するアクセス権を取得する": {addRecord, editApp}.
    getPermissions: () =>
      Promise.resolve({
        addRecord: boot.rights?.add ?? false,
        editApp: boot.rights?.manage ?? false,
      }),
    record: recordApi(prefix),
  });
  const desktopApp = appApi("kintone.app");
  const mobileApp = appApi("kintone.mobile.app");
  const inert = <T extends object>(api: T, active: boolean): T => (active ? api : disabled(api));
  const pluginApp = createPluginApi(boot);

  return {
    events: {
      on: events.on.bind(events),
      off: events.off.bind(events),
    },
    api: createApi(),
    app: inert(desktopApp, onDesktop),
    mobile: { app: inert(mobileApp, onMobile) },
    plugin: { app: pluginApp },
    proxy: (url: string, method: string, headers?: Record<string, string>, data?: unknown) =>
      pluginApp.proxy("", url, method, headers, data),
    user: createUserApi(boot.loginUser?.code, undefined, Boolean(boot.guestSpaceId)),
    getLoginUser: () => (boot.loginUser ? { ...boot.loginUser } : null),
    getRequestToken: () => boot.requestToken ?? "",
    getUiVersion: () => 2,
    Promise,
    $PLUGIN_ID: "",
  };
}

/** The same API shape, answering null: e.g. `kintone.mobile.app.getId()` on a desktop page. */
function disabled<T extends object>(api: T): T {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    copy[key] = typeof value === "function" ? () => null : disabled(value as object);
  }
  return copy as T;
}
