/**
 * kintone answers an unselected 審査結果 (DROP_DOWN) as null. The draw reads such an application
 * as not screened yet (its query's `in ("")` and its read of the value), exactly as one whose
 * value is "" — it refuses the draw and names it.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { LotteryRefusal, prepareDraw } from "../../src/adapters/lottery";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { addPool, provisionLotteryApps } from "./provision";

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
});
afterAll(() => sandbox.close());

test("an application whose 審査結果 reads null refuses the draw as not screened", async () => {
  const apps = await provisionLotteryApps(admin);
  await addPool(admin, apps.applications, 3);
  const [unset] = await addPool(admin, apps.applications, 1, "");
  const { record } = await admin.record.getRecord({ app: apps.applications, id: String(unset) });
  expect(record.eligibility?.value).toBeNull();
  const error = await prepareDraw({
    program: defaultProgram(admin, apps, { retry: { baseDelayMs: 1, maxDelayMs: 5 } }),
    quota: 2,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LotteryRefusal);
  expect((error as LotteryRefusal).code).toBe("unscreened-records");
  expect((error as LotteryRefusal).recordIds).toEqual([unset]);
});
