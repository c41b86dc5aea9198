/**
 * A small fake of the `kintone` global, faithful to the parts of the contract the plugin relies on:
 * handlers accumulate, thenables are awaited, the last handler's return wins, a handler that
 * returns nothing is a bug (kintone would drop its changes), and plugin config values must be
 * strings within kintone's limits.
 */
import type { KintoneApi, KintoneEventHandler } from "../../../src/adapters/kintone-js/kintoneApi";

export interface FakeKintoneOptions {
  config?: Record<string, string>;
  user?: { code: string; name?: string; language?: string };
  groups?: string[];
  appId?: number;
  /** The app is in this guest space: guest API paths, and getGroups answers Everyone/Administrators only. */
  guestSpaceId?: number;
}

export function fakeKintone(options: FakeKintoneOptions = {}) {
  const handlers = new Map<string, KintoneEventHandler[]>();
  const savedConfigs: Array<Record<string, string>> = [];
  const headerMenu = document.createElement("div");
  const spaces = new Map<string, HTMLElement>();
  document.body.append(headerMenu);
  const space = (id: string) => {
    if (!spaces.has(id)) {
      const node = document.createElement("div");
      document.body.append(node);
      spaces.set(id, node);
    }
    return spaces.get(id) ?? null;
  };
  const appApi = {
    getId: () => options.appId ?? 1,
    getHeaderSpaceElement: () => null,
    getHeaderMenuSpaceElement: () => headerMenu,
    record: { getId: () => null, getSpaceElement: space },
  };
  const k = {
    events: {
      on(event: string | string[], handler: KintoneEventHandler) {
        for (const type of Array.isArray(event) ? event : [event]) {
          handlers.set(type, [...(handlers.get(type) ?? []), handler]);
        }
      },
    },
    api: Object.assign(
      jest.fn(async (path: string) => {
        if (path === "/v1/user/groups.json") {
          return { groups: (options.groups ?? []).map((code) => ({ code, name: code })) };
        }
        throw new Error(`unexpected kintone.api ${path}`);
      }),
      // kintone.api.url: the path with `.json`; with `true` in a guest space, its guest path.
      {
        url: (path: string, detectGuestSpace?: boolean) => {
          const json = path.endsWith(".json") ? path : `${path}.json`;
          return detectGuestSpace && options.guestSpaceId !== undefined
            ? json.replace(/^\/k\/v1\//, `/k/guest/${options.guestSpaceId}/v1/`)
            : json;
        },
      },
    ),
    ...(options.guestSpaceId === undefined
      ? {}
      : {
          user: {
            getGroups: async () =>
              [{ code: "everyone" }].concat(
                (options.groups ?? [])
                  .filter((g) => g === "Administrators")
                  .map((code) => ({ code })),
              ),
          },
        }),
    getRequestToken: () => "fake-request-token",
    app: appApi,
    mobile: { app: appApi },
    plugin: {
      app: {
        getConfig: (pluginId: string) => {
          if (!pluginId) throw new Error("pluginId is required");
          return { ...(options.config ?? {}) };
        },
        setConfig: jest.fn((config: Record<string, string>) => {
          let bytes = 0;
          for (const [key, value] of Object.entries(config)) {
            if (typeof value !== "string")
              throw new Error(`config value of ${key} must be a string`);
            if (value.length > 65_535) throw new Error(`config value of ${key} is too long`);
            bytes += new TextEncoder().encode(key + value).length;
          }
          if (bytes > 256 * 1024) throw new Error("config is over 256 KB");
          savedConfigs.push(config);
        }),
      },
    },
    getLoginUser: () => ({
      code: options.user?.code ?? "staff1",
      name: options.user?.name ?? "事務局 一郎",
      language: options.user?.language ?? "ja",
    }),
  } satisfies KintoneApi;

  /** Runs an event through every handler as kintone does; resolves to the event kintone would use. */
  async function fire<E extends object>(type: string, event: E): Promise<E | false> {
    let current: unknown = event;
    for (const handler of handlers.get(type) ?? []) {
      const returned = await handler(current);
      if (returned === undefined) throw new Error(`a handler of ${type} returned nothing`);
      if (returned === false) return false;
      current = returned;
    }
    return current as E;
  }

  return { k, fire, handlers, headerMenu, space, savedConfigs };
}

/** A kintone event record: `{code: {type?, value}}`. */
export function eventRecord(values: Record<string, unknown>, status?: string) {
  const record: Record<string, { value: unknown; type?: string; error?: string | null }> = {};
  for (const [code, value] of Object.entries(values)) record[code] = { value };
  if (status !== undefined) record["ステータス"] = { type: "STATUS", value: status };
  return record;
}
