/**
 * The layer rules of eslint.config.js fire (issue 15, acceptance 2): each forbidden import or call,
 * written into a file of the layer it is forbidden in, is an error; the same line where it is
 * allowed is not. Linted in memory with the project's own config, so the config is what is tested.
 */
import path from "node:path";
import { type Linter as LinterType, Linter } from "eslint";

// The project's flat config as `npm run lint` reads it (CommonJS, so no dynamic import in jest).
const config = require("../../eslint.config.js") as LinterType.Config[];
const root = path.resolve(__dirname, "../..");
const linter = new Linter({ cwd: root, configType: "flat" });

async function layerErrors(file: string, code: string): Promise<string[]> {
  return linter
    .verify(code, config, path.join(root, file))
    .filter((m) => m.ruleId?.startsWith("no-restricted") === true)
    .map((m) => m.message);
}

const cases: Array<[string, string, string, RegExp]> = [
  [
    "an import of sandbox/ from src/",
    "src/cli/commands/example.ts",
    'import { startSandbox } from "../../../sandbox/server";\nexport const s = startSandbox;\n',
    /never imports the development sandbox/,
  ],
  [
    "node:fs from a browser entry",
    "src/desktop/example.ts",
    'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
    /Node modules stay/,
  ],
  [
    "a bare Node module from a browser entry",
    "src/config/example.ts",
    'import path from "path";\nexport const p = path;\n',
    /Node modules stay/,
  ],
  [
    "the REST client outside src/adapters",
    "src/desktop/example.ts",
    'import { KintoneRestAPIClient } from "@kintone/rest-api-client";\nexport const c = KintoneRestAPIClient;\n',
    /Only src\/adapters talks to kintone/,
  ],
  [
    "kintone.api called outside src/adapters",
    "src/desktop/example.ts",
    'export const r = kintone.api("/k/v1/records.json", "GET", {});\n',
    /Only src\/adapters calls kintone.api/,
  ],
  [
    "zod in a record screen",
    "src/mobile/example.ts",
    'import * as z from "zod/mini";\nexport const s = z.string();\n',
    /without zod/,
  ],
  [
    "kintone-ui-component in the desktop screens",
    "src/desktop/example.ts",
    'import { Button } from "kintone-ui-component/lib/button";\nexport const b = Button;\n',
    /bundle budget/,
  ],
  [
    "an adapter imported into src/core",
    "src/core/example.ts",
    'import { readAllRecords } from "../adapters/applications";\nexport const r = readAllRecords;\n',
    /src\/core is pure/,
  ],
  [
    "the DOM used in src/core",
    "src/core/example.ts",
    "export const title = () => document.title;\n",
    /src\/core is pure/,
  ],
];

describe("layer rules", () => {
  it.each(cases)("%s is an error", async (_name, file, code, message) => {
    expect(await layerErrors(file, code)).toEqual(
      expect.arrayContaining([expect.stringMatching(message)]),
    );
  });

  it("allows each where its layer may: node in the CLI, the REST client and kintone.api in adapters, KUC on the settings page", async () => {
    expect(
      await layerErrors(
        "src/cli/commands/example.ts",
        'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "src/adapters/example.ts",
        'import { KintoneRestAPIClient } from "@kintone/rest-api-client";\nexport const c = KintoneRestAPIClient;\nexport const r = (k: { api(p: string): unknown }) => k.api("/k/v1/records.json");\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "src/core/example.ts",
        'import { STATES } from "./vocabulary";\nimport { DEFAULT_PROCESS_NAMES } from "./workflow/process";\nexport const s = [STATES, DEFAULT_PROCESS_NAMES];\n',
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        "src/config/example.ts",
        'import { Button } from "kintone-ui-component/lib/button";\nexport const b = Button;\n',
      ),
    ).toEqual([]);
  });
});
