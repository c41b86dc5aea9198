import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import {
  drawLottery,
  LotteryRefusal,
  prepareDraw,
  promoteFromWaitlist,
} from "../../src/adapters/lottery";
import { operatorAllowed } from "../../src/adapters/lottery/context";
import { defaultProgram } from "../../src/adapters/defaultProgram";

/** A client that fails the test if the refusal needed kintone at all. */
const untouchable = new Proxy({} as KintoneRestAPIClient, {
  get() {
    throw new Error("no request should be made");
  },
});
const apps = { applications: 1, lotteryLog: 2 };

async function refusalOf(promise: Promise<unknown>): Promise<LotteryRefusal> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LotteryRefusal);
  return error as LotteryRefusal;
}

describe("refusals decided before any request", () => {
  test.each([0, -3, 1.5, Number.NaN])("quota %p is not a positive integer", async (quota) => {
    const refusal = await refusalOf(
      prepareDraw({ program: defaultProgram(untouchable, apps), quota }),
    );
    expect(refusal.code).toBe("invalid-quota");
    expect(refusal.text.ja).toContain("1以上の整数");
    expect(refusal.text.en).toContain("positive integer");
  });

  test("an operator outside the plugin's draw permission may not draw or promote", async () => {
    const restricted = {
      program: defaultProgram(untouchable, apps),
      allowed: { users: ["staff1"], groups: ["lottery"] },
      operator: { code: "staff2", groups: ["secretariat"] },
    };
    expect((await refusalOf(drawLottery({ ...restricted, quota: 5 }))).code).toBe("not-allowed");
    expect((await refusalOf(promoteFromWaitlist(restricted))).code).toBe("not-allowed");
  });

  test("empty allow-lists let nobody draw or promote, as in the plugin settings", async () => {
    const nobody = {
      program: defaultProgram(untouchable, apps),
      allowed: { users: [], groups: [] },
      operator: { code: "staff1", groups: ["secretariat"] },
    };
    const refusal = await refusalOf(drawLottery({ ...nobody, quota: 5 }));
    expect(refusal.code).toBe("not-allowed");
    expect(refusal.text.ja).toContain("抽選");
    expect((await refusalOf(prepareDraw({ ...nobody, quota: 5 }))).code).toBe("not-allowed");
    expect((await refusalOf(promoteFromWaitlist(nobody))).code).toBe("not-allowed");
  });

  test("an operator allowed through a group passes the check", () => {
    const allowed = { users: [], groups: ["secretariat"] };
    expect(
      operatorAllowed({ allowed, operator: { code: "staff9", groups: ["secretariat"] } }),
    ).toBe(true);
    expect(operatorAllowed({ allowed, operator: { code: "staff9", groups: [] } })).toBe(false);
    // The CLI passes no allow-list: kintone's own permissions decide.
    expect(operatorAllowed({})).toBe(true);
  });

  test.each([0, 901, 2.5])("promotion count %p is refused", async (count) => {
    expect(
      (await refusalOf(promoteFromWaitlist({ program: defaultProgram(untouchable, apps), count })))
        .code,
    ).toBe("invalid-count");
  });
});

test("an operator seed that is not 64 hex characters is refused before anything is written", async () => {
  const plan = {
    quota: 1,
    poolSize: 1,
    poolFingerprint: "",
    keys: ["1"],
    revisions: new Map([["1", "1"]]),
    log: [],
    statusField: "ステータス",
    openPlaces: 0,
  };
  const refusal = await refusalOf(
    drawLottery({ program: defaultProgram(untouchable, apps), quota: 1, plan, seed: "beacon" }),
  );
  expect(refusal.code).toBe("invalid-seed");
});
