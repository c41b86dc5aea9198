import type { KintoneRestAPIClient } from "@kintone/rest-api-client";

type Rec = Record<string, { value: unknown; type?: string }>;

/**
 * A REST client fake over in-memory apps. Queries understand only what the plugin sends:
 * `$id > N`, `code = "v"` / `code = N`, `code in ("v")`, `limit N`.
 */
export function fakeClient(
  apps: Record<number, Rec[]>,
  formFields: Array<{ code: string; type: string; label: string }> = [],
) {
  const matches = (record: Rec, fullQuery: string) => {
    const query = fullQuery.replace(/[()]/g, " ").replace(/\s+/g, " ");
    const lastId = /\$id > (\d+)/.exec(query);
    if (lastId && Number(record.$id?.value) <= Number(lastId[1])) return false;
    const equals = /(\w+) = "?([^"\s]+)"?/.exec(query.replace(/\$id > \d+/, ""));
    if (equals && String(record[equals[1] as string]?.value) !== equals[2]) return false;
    const within = /(\S+) in "([^"]+)"/.exec(query);
    if (within && String(record[within[1] as string]?.value) !== within[2]) return false;
    return true;
  };
  const client = {
    record: {
      getRecords: jest.fn(async ({ app, query }: { app: number; query: string }) => {
        const limit = Number(/limit (\d+)/.exec(query)?.[1] ?? 500);
        return { records: (apps[app] ?? []).filter((r) => matches(r, query)).slice(0, limit) };
      }),
      updateRecordStatus: jest.fn(async () => ({ revision: "2" })),
    },
    bulkRequest: jest.fn(async ({ requests }: { requests: unknown[] }) => ({
      results: requests.map(() => ({})),
    })),
    app: {
      // The caller may view every app it asks about.
      getApps: jest.fn(async ({ ids = [] }: { ids?: number[] }) => ({
        apps: ids.map((id) => ({ appId: String(id), code: "", name: `app ${id}` })),
      })),
      // An app without names per language: every language answers the same (empty) settings.
      getProcessManagement: jest.fn(async () => ({
        enable: true,
        states: null,
        actions: [],
        revision: "1",
      })),
      getFormFields: jest.fn(async () => ({
        properties: Object.fromEntries(formFields.map((f) => [f.code, f])),
        revision: "1",
      })),
    },
  };
  return { client: client as unknown as KintoneRestAPIClient, mock: client };
}
