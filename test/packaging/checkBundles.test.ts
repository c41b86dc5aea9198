import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const { BUDGETS, checkBundles } = require("../../scripts/check-bundles.js") as {
  BUDGETS: Record<string, number>;
  checkBundles(
    dir: string,
    budgets?: Record<string, number>,
  ): Array<{ name: string; gzipped?: number; problems: string[] }>;
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "followup-bundles-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the bundle check CI runs after the build", () => {
  it("holds the plugin to 50 KB desktop, 40 KB mobile and 40 KB config, gzipped", () => {
    expect(BUDGETS).toEqual({ "desktop.js": 51_200, "mobile.js": 40_960, "config.js": 40_960 });
  });

  it("passes bundles within budget and fails one a byte over (random bytes do not compress)", () => {
    writeFileSync(path.join(dir, "small.js"), "x".repeat(10_000));
    writeFileSync(path.join(dir, "big.js"), randomBytes(3_000));
    const [small, big] = checkBundles(dir, { "small.js": 1_024, "big.js": 2_048 });
    expect(small?.problems).toEqual([]);
    expect(big?.gzipped).toBeGreaterThan(2_048);
    expect(big?.problems).toEqual([expect.stringMatching(/^OVER BUDGET by /)]);
  });

  it("fails a missing bundle and one carrying a source map", () => {
    writeFileSync(
      path.join(dir, "mapped.js"),
      "a();\n//# sourceMappingURL=data:application/json,{}",
    );
    const [missing, mapped] = checkBundles(dir, { "missing.js": 1_024, "mapped.js": 1_024 });
    expect(missing?.problems).toEqual([expect.stringMatching(/^missing/)]);
    expect(mapped?.problems).toEqual(["carries a source map"]);
  });
});
