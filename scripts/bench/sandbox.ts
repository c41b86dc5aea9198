/**
 * Sandbox records throughput and memory. The sandbox runs in a CHILD process (this same file,
 * started with SANDBOX_BENCH_CHILD=1) on a temporary SQLite file, so its memory is measured on
 * its own: RSS read from /proc/<pid>/status (VmRSS now, VmHWM peak) once 50,000 applications are
 * stored. The parent drives it over HTTP with @kintone/rest-api-client (password auth, as the CLI
 * does), so the figures include HTTP, auth, JSON and the query engine.
 * Prints: insert rate, requests/second for 500-record reads (by $id pages, and a filtered and
 * sorted query) and for 100-record updates, and the child's RSS (target < 300 MB).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { applicationsApp, APPLICATION_PROCESS } from "../../src/apps/applicationsApp";
import { generateDemoApplications } from "../../src/apps/demoApplications";

const RECORDS = 50_000;
const ROUNDS = 30;

async function serveAsChild(): Promise<void> {
  const { startSandbox } = await import("../../sandbox/server");
  const sandbox = await startSandbox({
    port: 0,
    dataDir: process.env.SANDBOX_BENCH_DIR ?? ":memory:",
    testMode: true,
  });
  process.stdout.write(`${JSON.stringify({ port: sandbox.port })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => {
    sandbox
      .close()
      .then(() => process.exit(0))
      .catch(() => process.exit(1));
  });
}

function startChild(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const runTs = join(__dirname, "..", "..", "bin", "run-ts.js");
  const child = spawn(process.execPath, [runTs, __filename], {
    env: { ...process.env, SANDBOX_BENCH_CHILD: "1", SANDBOX_BENCH_DIR: dataDir },
    stdio: ["pipe", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`sandbox child exited (${code})`)));
    if (!child.stdout) throw new Error("no stdout from the sandbox child");
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) =>
      resolve({ child, port: (JSON.parse(line) as { port: number }).port }),
    );
  });
}

function rssMegabytes(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { now: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

async function createApplicationsApp(client: KintoneRestAPIClient): Promise<string> {
  const { app } = await client.app.addApp({ name: "申込管理 (bench)" });
  const definition = applicationsApp({ applications: app, questionnaires: app, lotteryLog: app });
  const properties = Object.fromEntries(
    definition.fields
      .filter((field) => field.type !== "REFERENCE_TABLE" && field.type !== "RECORD_NUMBER")
      .map((field) => [field.code, field]),
  );
  await client.app.addFormFields({
    app,
    properties: properties as Parameters<
      KintoneRestAPIClient["app"]["addFormFields"]
    >[0]["properties"],
  });
  await client.app.updateProcessManagement({
    app,
    enable: true,
    states: Object.fromEntries(APPLICATION_PROCESS.states.map((s) => [s.name, s])),
    actions: APPLICATION_PROCESS.actions,
  } as Parameters<KintoneRestAPIClient["app"]["updateProcessManagement"]>[0]);
  await client.app.deployApp({ apps: [{ app }] });
  for (;;) {
    const { apps } = await client.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status !== "PROCESSING") break;
  }
  return app;
}

async function timed(
  label: string,
  rounds: number,
  call: (round: number) => Promise<unknown>,
): Promise<string> {
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await call(i);
  const seconds = (performance.now() - started) / 1000;
  return `${label}: ${(rounds / seconds).toFixed(1)} requests/s (${((seconds / rounds) * 1000).toFixed(1)} ms each, ${rounds} requests)`;
}

export async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const { child, port } = await startChild(dataDir);
  try {
    const client = new KintoneRestAPIClient({
      baseUrl: `http://localhost:${port}`,
      auth: { username: "admin", password: "admin" },
    });
    const app = await createApplicationsApp(client);
    const demo = generateDemoApplications().map((d) => d.record);
    const records = Array.from({ length: RECORDS }, (_, i) => {
      const record = demo[i % demo.length] ?? {};
      return {
        ...record,
        company_name: { value: `${String(record.company_name?.value ?? "")} ${i}` },
      };
    });
    const insertStart = performance.now();
    await client.record.addAllRecords({ app, records });
    const insertSeconds = (performance.now() - insertStart) / 1000;
    console.log(
      `stored ${RECORDS} applications in ${insertSeconds.toFixed(1)} s (${(RECORDS / insertSeconds).toFixed(0)} records/s via bulkRequest)`,
    );

    console.log(
      await timed("read 500 by $id pages ($id > n order by $id asc limit 500)", ROUNDS, (i) =>
        client.record.getRecords({
          app,
          query: `$id > ${(i * 500) % RECORDS} order by $id asc limit 500`,
        }),
      ),
    );
    console.log(
      await timed(
        "read 500, filtered and sorted (industry in (…) order by employees desc)",
        ROUNDS,
        (i) =>
          client.record.getRecords({
            app,
            query: `industry in ("小売業", "サービス業") and employees >= 1 order by employees desc, $id asc limit 500 offset ${i * 10}`,
          }),
      ),
    );
    console.log(
      await timed("update 100 records (updateRecords)", ROUNDS, (i) =>
        client.record.updateRecords({
          app,
          records: Array.from({ length: 100 }, (_, k) => ({
            id: i * 100 + k + 1,
            record: { eligibility_notes: { value: `bench round ${i}` } },
          })),
        }),
      ),
    );
    const rss = rssMegabytes(child.pid ?? 0);
    console.log(
      `sandbox child RSS with ${RECORDS} records stored: ${rss.now.toFixed(0)} MB (peak ${rss.peak.toFixed(0)} MB; target < 300 MB)`,
    );
  } finally {
    child.removeAllListeners("exit");
    child.stdin?.end();
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.env.SANDBOX_BENCH_CHILD === "1") {
  serveAsChild().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
