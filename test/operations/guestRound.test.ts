/**
 * The round in a guest space, through the CLI with KINTONE_GUEST_SPACE_ID: setup creates the apps
 * in the space (their REST paths are /k/guest/<space>/v1/…, which the sandbox enforces as kintone
 * does), then screen and draw work on them; the ids file and every call use the guest paths.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { readAppIds } from "../../src/adapters/appIds";
import { generateDemoApplications } from "../../src/apps/demoApplications";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { runFollowup } from "./support/program";

const SPACE = 12;
let sandbox: TestSandbox;
let cwd: string;

const followup = (args: string[]) =>
  runFollowup(args, {
    env: {
      KINTONE_BASE_URL: sandbox.baseUrl,
      KINTONE_USERNAME: "admin",
      KINTONE_PASSWORD: "admin",
      KINTONE_GUEST_SPACE_ID: String(SPACE),
    },
    cwd,
  });

const guest = () =>
  new KintoneRestAPIClient({
    baseUrl: sandbox.baseUrl,
    auth: { username: "admin", password: "admin" },
    guestSpaceId: SPACE,
  });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  cwd = mkdtempSync(path.join(tmpdir(), "followup-guest-"));
});
afterAll(() => sandbox.close());

test("setup, screen and draw run in a guest space with KINTONE_GUEST_SPACE_ID", async () => {
  const setup = await followup(["setup", "--yes", "--zip", path.join(cwd, "no-plugin.zip")]);
  expect(setup.stderr).toBe("");
  expect(setup.code).toBe(0);
  const apps = readAppIds(cwd, sandbox.baseUrl);
  if (!apps) throw new Error("setup wrote no app ids");
  // The apps live in the guest space: the usual path is refused, the guest path answers.
  const plain = await kintoneFailure(
    sandbox.clientAs("admin").app.getFormFields({ app: apps.applications }),
  );
  expect(plain.code).toBe("CB_NO02");
  expect((await guest().app.getApps({})).apps.map((a) => Number(a.appId)).sort()).toEqual(
    [apps.applications, apps.questionnaires, apps.lotteryLog].sort(),
  );
  expect(
    (await followup(["setup", "--yes", "--zip", path.join(cwd, "no-plugin.zip")])).stdout,
  ).toMatch(/変更はありません/);

  const records = generateDemoApplications().map((demo) => demo.record);
  await guest().record.addAllRecords({ app: apps.applications, records });
  const screened = await followup(["screen", "--yes"]);
  expect([screened.code, screened.stderr]).toEqual([0, ""]);
  const reviews = await guest().record.getAllRecords({
    app: apps.applications,
    condition: 'eligibility in ("要確認")',
  });
  await guest().record.updateAllRecords({
    app: apps.applications,
    records: reviews.map((record) => ({
      id: String(record.$id?.value),
      record: { eligibility: { value: "適格" } },
    })),
  });
  const drawn = await followup(["draw", "--quota", "10", "--yes"]);
  expect(drawn.code).toBe(0);
  const winners = await guest().record.getAllRecords({
    app: apps.applications,
    condition: 'ステータス in ("当選")',
  });
  expect(winners).toHaveLength(10);
});
