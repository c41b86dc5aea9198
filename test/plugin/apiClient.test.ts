/**
 * The browser's KintoneClient over `kintone.api`, against the sandbox's REST API. The `kintone`
 * global here answers as kintone documents it: `kintone.api` resolves with the JSON answer and
 * rejects with kintone's error body; `kintone.api.url(path, true)` gives the guest-space URL on a
 * guest-space page (the sandbox's own kintone.api.url, which the browser tests also use).
 */
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { kintoneApiClient, KintoneApiError } from "../../src/adapters/kintone-js/apiClient";
import { kintoneApiUrl } from "../../sandbox/web/rest";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const SPACE = 7;
let t: TestSandbox;
let app: number;
let guestApp: number;

/** A deployed app with one text field `name`, created through `client` (a guest space's apps live there). */
async function createApp(client: KintoneRestAPIClient): Promise<number> {
  const id = Number((await client.app.addApp({ name: "thin client" })).app);
  await client.app.addFormFields({
    app: id,
    properties: { name: { type: "SINGLE_LINE_TEXT", code: "name", label: "名前" } },
  });
  await client.app.deployApp({ apps: [{ app: id }] });
  while ((await client.app.getDeployStatus({ apps: [id] })).apps[0]?.status !== "SUCCESS");
  return id;
}

beforeAll(async () => {
  t = await startTestSandbox();
  app = await createApp(t.clientAs("admin"));
  guestApp = await createApp(
    new KintoneRestAPIClient({
      baseUrl: t.baseUrl,
      auth: { username: "admin", password: "admin" },
      guestSpaceId: SPACE,
    }),
  );
});
afterAll(() => t.close());

/** A `kintone` global on the page `pagePath`, logged in as admin; records every URL it is asked for. */
function kintoneOn(pagePath: string, answers: Array<Record<string, unknown>> = []) {
  const urls: string[] = [];
  const bodies: unknown[] = [];
  const api = async (url: string, method: string, params: object) => {
    urls.push(new URL(url).pathname);
    bodies.push(params);
    const canned = answers.shift();
    if (canned) throw canned;
    const get = method === "GET";
    const query = new URLSearchParams();
    if (get) {
      for (const [key, value] of Object.entries(params)) {
        if (Array.isArray(value)) value.forEach((v, i) => query.append(`${key}[${i}]`, String(v)));
        else query.append(key, String(value));
      }
    }
    const response = await fetch(get ? `${url}?${query}` : url, {
      method,
      headers: {
        "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64"),
        ...(get ? {} : { "Content-Type": "application/json" }),
      },
      ...(get ? {} : { body: JSON.stringify(params) }),
    });
    const body = (await response.json()) as unknown;
    if (!response.ok) throw body;
    return body;
  };
  const page = { origin: t.baseUrl, pathname: pagePath };
  api.url = (path: string, detectGuestSpace?: boolean) =>
    kintoneApiUrl(page, path, detectGuestSpace);
  return { k: { api, getRequestToken: () => "" }, urls, bodies };
}

describe("kintoneApiClient", () => {
  it("reads, adds and updates records through kintone.api, answering as rest-api-client does", async () => {
    const { k, urls } = kintoneOn(`/k/${app}/`);
    const client = kintoneApiClient(k);
    const { ids } = await client.record.addRecords({
      app,
      records: [{ name: { value: "一" } }, { name: { value: "二" } }],
    });
    expect(ids).toHaveLength(2);
    const page = await client.record.getRecords({
      app,
      fields: ["$id", "name"],
      query: "order by $id asc",
      totalCount: true,
    });
    expect(page.totalCount).toBe("2");
    expect(page.records.map((r) => r.name?.value)).toEqual(["一", "二"]);
    const { properties } = await client.app.getFormFields({ app, preview: true });
    expect(properties.name).toMatchObject({ type: "SINGLE_LINE_TEXT", label: "名前" });
    expect(urls).toEqual([
      "/k/v1/records.json",
      "/k/v1/records.json",
      "/k/v1/preview/app/form/fields.json",
    ]);
  });

  it("on a guest-space page sends every request, and every request inside a bulk, to the guest path", async () => {
    const { k, urls, bodies } = kintoneOn(`/k/guest/${SPACE}/${guestApp}/`);
    const client = kintoneApiClient(k);
    const { ids } = await client.record.addRecords({
      app: guestApp,
      records: [{ name: { value: "客" } }],
    });
    const { results } = await client.bulkRequest({
      requests: [
        {
          method: "PUT",
          endpointName: "records",
          payload: {
            app: guestApp,
            records: [{ id: ids[0], record: { name: { value: "客2" } } }],
          },
        },
      ],
    });
    expect(results).toHaveLength(1);
    const { record } = await client.record.getRecord({ app: guestApp, id: ids[0] ?? "" });
    expect(record.name?.value).toBe("客2");
    expect(urls).toEqual([
      "/k/guest/7/v1/records.json",
      "/k/guest/7/v1/bulkRequest.json",
      "/k/guest/7/v1/record.json",
    ]);
    expect(bodies[1]).toMatchObject({ requests: [{ api: "/k/guest/7/v1/records.json" }] });
  });

  it("turns a refused bulk into an error with kintone's code and the refused request's index", async () => {
    const { k } = kintoneOn(`/k/${app}/`);
    const client = kintoneApiClient(k);
    const { ids, revisions } = await client.record.addRecords({
      app,
      records: [{ name: { value: "版" } }],
    });
    const stale = String(Number(revisions[0]) + 5);
    const failure = client.bulkRequest({
      requests: [
        { method: "POST", endpointName: "record", payload: { app, record: {} } },
        {
          method: "PUT",
          endpointName: "record",
          payload: { app, id: ids[0], revision: stale, record: { name: { value: "x" } } },
        },
      ],
    });
    await expect(failure).rejects.toBeInstanceOf(KintoneApiError);
    await expect(failure).rejects.toMatchObject({ code: "GAIA_CO02", bulkRequestIndex: 1 });
  });

  it("retries kintone's 429 (GAIA_TO04) and gives up on anything else at once", async () => {
    const busy = { code: "GAIA_TO04", id: "x", message: "同時リクエスト数が上限を超えています。" };
    const { k, urls } = kintoneOn(`/k/${app}/`, [busy]);
    const retry = { sleep: () => Promise.resolve() };
    const page = await kintoneApiClient(k, retry).record.getRecords({ app, query: "limit 1" });
    expect(page.records).toHaveLength(1);
    expect(urls).toHaveLength(2);

    const denied = { code: "CB_NO02", id: "y", message: "権限がありません。" };
    const refused = kintoneOn(`/k/${app}/`, [denied]);
    await expect(
      kintoneApiClient(refused.k, retry).record.getRecords({ app }),
    ).rejects.toMatchObject({ code: "CB_NO02" });
    expect(refused.urls).toHaveLength(1);
  });
});
