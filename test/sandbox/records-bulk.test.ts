import { KintoneRestAPIError } from "@kintone/rest-api-client";
import { type ContractTarget, startContractTarget } from "../support/contractTarget";
import { createApplicationsApp } from "./records-fixtures";

// Dual mode: a fresh sandbox, or a real kintone (see test/support/contractTarget.ts).
let sandbox: ContractTarget;
let app: string;

beforeAll(async () => {
  sandbox = await startContractTarget();
  app = await createApplicationsApp(sandbox.clientAs("admin"));
  sandbox.track(app);
});
afterAll(() => sandbox.close());

describe("bulkRequest", () => {
  test("runs requests in order and returns each result", async () => {
    const client = sandbox.clientAs("staff1");
    const { results } = await client.bulkRequest({
      requests: [
        {
          method: "POST",
          api: "/k/v1/record.json",
          payload: { app, record: { company_name: { value: "B1" } } },
        },
        {
          method: "POST",
          endpointName: "records",
          payload: {
            app,
            records: [{ company_name: { value: "B2" } }, { company_name: { value: "B3" } }],
          },
        },
        {
          method: "PUT",
          endpointName: "record",
          payload: { app, id: 1, record: { expert_name: { value: "山田" } } },
        },
      ],
    });
    expect(results).toEqual([
      { id: "1", revision: "1" },
      { ids: ["2", "3"], revisions: ["1", "1"] },
      { revision: "2" },
    ]);
  });

  test("a failure rolls every request back and reports its index (rest-api-client's bulkRequestIndex)", async () => {
    const client = sandbox.clientAs("staff1");
    const before = await client.record.getRecords({ app, totalCount: true });
    // Query on company_name first, so the sandbox's in-memory query values hold that field.
    expect(
      (await client.record.getRecords({ app, query: 'company_name = "B1"' })).records,
    ).toHaveLength(1);
    let caught: unknown;
    try {
      await client.bulkRequest({
        requests: [
          {
            method: "PUT",
            endpointName: "record",
            payload: { app, id: 1, record: { company_name: { value: "rolled back" } } },
          },
          {
            method: "POST",
            endpointName: "record",
            payload: { app, record: { company_name: { value: "rolled back" } } },
          },
          {
            method: "PUT",
            endpointName: "record",
            payload: { app, id: 1, record: {}, revision: 99 },
          },
          { method: "DELETE", endpointName: "records", payload: { app, ids: [2] } },
        ],
      });
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBeInstanceOf(KintoneRestAPIError);
    const error = caught as KintoneRestAPIError;
    expect([error.bulkRequestIndex, error.status, error.code]).toEqual([2, 409, "GAIA_CO02"]);
    const after = await client.record.getRecords({ app, totalCount: true });
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.records.map((r) => r.company_name?.value)).not.toContain("rolled back");
    const queried = await client.record.getRecords({
      app,
      query: 'company_name in ("rolled back", "B1")',
    });
    expect(queried.records.map((r) => r.company_name?.value)).toEqual(["B1"]);
  });

  test("field errors inside a bulk request keep their keys", async () => {
    const response = await fetch(`${sandbox.baseUrl}/k/v1/bulkRequest.json`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Cybozu-Authorization": sandbox.passwordHeader("staff1"),
      },
      body: JSON.stringify({
        requests: [
          {
            method: "POST",
            api: "/k/v1/record.json",
            payload: { app, record: { company_name: { value: "ok" } } },
          },
          { method: "POST", api: "/k/v1/records.json", payload: { app, records: [{}] } },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { results: Array<Record<string, unknown>> };
    expect(body.results[0]).toEqual({});
    expect(body.results[1]).toMatchObject({
      code: "CB_VA01",
      errors: { "records[0].company_name.value": { messages: ["必須です。"] } },
    });
  });

  test("more than 20 requests, or an API bulkRequest cannot run, is refused", async () => {
    const send = (requests: unknown[]) =>
      fetch(`${sandbox.baseUrl}/k/v1/bulkRequest.json`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Cybozu-Authorization": sandbox.passwordHeader("staff1"),
        },
        body: JSON.stringify({ requests }),
      });
    const one = {
      method: "POST",
      api: "/k/v1/record.json",
      payload: { app, record: { company_name: { value: "x" } } },
    };
    const tooMany = await send(Array.from({ length: 21 }, () => one));
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { code: string }).code).toBe("CB_VA01");
    const read = await send([one, { method: "GET", api: "/k/v1/records.json", payload: { app } }]);
    expect(read.status).toBe(400);
    const body = (await read.json()) as { results: Array<{ code?: string }> };
    expect(body.results[1]?.code).toBe("CB_VA01");
  });

  test("addAllRecords (bulk chunks of 2000) stores 2,500 records", async () => {
    const client = sandbox.clientAs("staff1");
    const before = Number((await client.record.getRecords({ app, totalCount: true })).totalCount);
    await client.record.addAllRecords({
      app,
      records: Array.from({ length: 2500 }, (_, i) => ({ company_name: { value: `all${i}` } })),
    });
    const after = Number((await client.record.getRecords({ app, totalCount: true })).totalCount);
    expect(after - before).toBe(2500);
  });
});
