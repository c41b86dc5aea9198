import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { programApps, PROGRAM_APP_KEYS } from "../../src/apps/program";
import { generateAppTypes, typesFileOf } from "../../src/setup/appTypes";
import { setupApps } from "../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const COMMITTED = path.join(__dirname, "..", "..", "types");

/** Field code → type name in a dts-gen file (`code: kintone.fieldTypes.Type;`), first interface only. */
function declaredFields(dts: string): Record<string, string> {
  const body = dts.split(/interface Saved/)[0] ?? "";
  return Object.fromEntries(
    [...body.matchAll(/^\s+(\w+): kintone\.fieldTypes\.(\w+);/gm)].map((m) => [m[1], m[2]]),
  );
}

describe("committed types/ (npm run types)", () => {
  test("declare every data field of the app definitions", () => {
    const apps = programApps({ applications: "1", questionnaires: "2", lotteryLog: "3" });
    for (const key of PROGRAM_APP_KEYS) {
      const declared = declaredFields(readFileSync(typesFileOf(COMMITTED, key), "utf8"));
      const defined = apps[key].fields
        .filter((f) => !["RECORD_NUMBER", "REFERENCE_TABLE"].includes(f.type))
        .map((f) => f.code);
      expect(Object.keys(declared).sort()).toEqual([...defined].sort());
    }
  });

  describe("against a sandbox", () => {
    let sandbox: TestSandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox();
    });
    afterAll(() => sandbox.close());

    test("are what kintone-dts-gen writes for the apps setup builds (run npm run types if not)", async () => {
      const cwd = mkdtempSync(path.join(tmpdir(), "followup-types-"));
      const { appIds } = await setupApps(sandbox.clientAs("admin"), {
        cwd,
        baseUrl: sandbox.baseUrl,
        pollIntervalMs: 20,
      });
      const auth = { username: "admin", password: "admin" };
      await generateAppTypes({ baseUrl: sandbox.baseUrl, ...auth }, appIds, cwd);
      for (const key of PROGRAM_APP_KEYS) {
        const fresh = readFileSync(typesFileOf(cwd, key), "utf8");
        expect({ key, types: readFileSync(typesFileOf(COMMITTED, key), "utf8") }).toEqual({
          key,
          types: fresh,
        });
      }
    }, 120_000);
  });
});
