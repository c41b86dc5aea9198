import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { DeployError, deployAndWait } from "../../src/setup/deploy";

/** A client whose deploy status answers come from a script, one list per poll. */
function scriptedClient(polls: string[][]) {
  const calls: string[] = [];
  let poll = 0;
  const client = {
    app: {
      deployApp: async (params: { apps: Array<{ app: string }> }) => {
        calls.push(`deploy ${params.apps.map((a) => a.app).join(",")}`);
        return {};
      },
      getDeployStatus: async (params: { apps: string[] }) => {
        const statuses = polls[Math.min(poll++, polls.length - 1)] ?? [];
        calls.push("status");
        return { apps: params.apps.map((app, i) => ({ app, status: statuses[i] })) };
      },
    },
  } as unknown as KintoneRestAPIClient;
  return { client, calls };
}

const noWait = { sleep: async () => undefined, pollIntervalMs: 10 };

describe("deployAndWait", () => {
  test("polls until every app is SUCCESS", async () => {
    const { client, calls } = scriptedClient([
      ["PROCESSING", "PROCESSING"],
      ["SUCCESS", "PROCESSING"],
      ["SUCCESS", "SUCCESS"],
    ]);
    await deployAndWait(client, ["1", "2"], noWait);
    expect(calls).toEqual(["deploy 1,2", "status", "status", "status"]);
  });

  test("waits 50 ms before the second poll, then twice as long each time up to the interval", async () => {
    const { client } = scriptedClient([
      ["PROCESSING"],
      ["PROCESSING"],
      ["PROCESSING"],
      ["PROCESSING"],
      ["PROCESSING"],
      ["SUCCESS"],
    ]);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    await deployAndWait(client, ["1"], { sleep, pollIntervalMs: 500 });
    expect(waits).toEqual([50, 100, 200, 400, 500]);
  });

  test("a FAIL or CANCEL names the app", async () => {
    const { client } = scriptedClient([["SUCCESS", "FAIL"]]);
    await expect(deployAndWait(client, ["1", "2"], noWait)).rejects.toMatchObject({
      name: "DeployError",
      apps: ["2"],
    });
  });

  test("gives up after the timeout instead of polling forever", async () => {
    const { client } = scriptedClient([["PROCESSING"]]);
    await expect(deployAndWait(client, ["1"], { ...noWait, timeoutMs: 50 })).rejects.toBeInstanceOf(
      DeployError,
    );
  });

  test("nothing to deploy sends nothing", async () => {
    const { client, calls } = scriptedClient([]);
    await deployAndWait(client, [], noWait);
    expect(calls).toEqual([]);
  });
});
