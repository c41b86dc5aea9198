import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_APPLICATION_COUNT } from "../../src/apps/demoApplications";
import { seedDemo } from "../../src/setup/demo";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

describe("seedDemo", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  test("sets up the apps and writes the demo applications once", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "followup-demo-"));
    const target = { baseUrl: sandbox.baseUrl, auth: { username: "admin", password: "admin" } };
    const first = await seedDemo(target, { cwd });
    expect(first.added).toBe(DEMO_APPLICATION_COUNT);
    const admin = sandbox.clientAs("admin");
    const app = first.setup.appIds.applications;
    const records = await admin.record.getAllRecords({ app, orderBy: "$id asc" });
    expect(records).toHaveLength(DEMO_APPLICATION_COUNT);
    // Receipt order: record ids follow applied_at, and the numbering starts at 受付番号 1.
    const times = records.map((r) => String(r.applied_at?.value));
    expect([...times].sort()).toEqual(times);
    expect(records[0]?.application_no?.value).toBe("1");
    expect(records.some((r) => String(r.company_name?.value).startsWith("<img"))).toBe(true);
    const questionnaires = await admin.record.getRecords({
      app: first.setup.appIds.questionnaires,
    });
    expect(questionnaires.records).toHaveLength(0);

    const second = await seedDemo(target, { cwd });
    expect(second.added).toBe(0);
    expect(await admin.record.getAllRecords({ app })).toHaveLength(DEMO_APPLICATION_COUNT);
  });
});
