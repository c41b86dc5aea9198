// `npm run types`: starts a throw-away sandbox, runs `followup setup` on it, and writes the field
// types of the three apps to types/ with kintone-dts-gen. Commit the result; test/setup/types.test.ts
// fails when the app definitions and the committed types drift apart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "../src/adapters/connection";
import { generateAppTypes } from "../src/setup/appTypes";
import { setupApps } from "../src/setup/setupApps";
import { startSandbox } from "../sandbox/server";

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, dataDir: ":memory:" });
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-types-"));
  try {
    const auth = { username: "admin", password: "admin" };
    const { appIds } = await setupApps(createClient({ baseUrl: sandbox.baseUrl, auth }), {
      cwd,
      baseUrl: sandbox.baseUrl,
      pollIntervalMs: 20,
    });
    const outDir = path.join(__dirname, "..", "types");
    for (const file of await generateAppTypes(
      { baseUrl: sandbox.baseUrl, ...auth },
      appIds,
      outDir,
    )) {
      process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    }
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `generate-types: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
