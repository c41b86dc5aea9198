/**
 * `followup screen` over 10,000 applications on the local sandbox, end to end through the CLI:
 * a first run (everything new), a run after 250 applications changed, and a run with nothing to
 * do. For each: the requests by endpoint against what kintone's limits allow (⌈N/500⌉ reads;
 * writes only the changed records, 2,000 per bulkRequest, and the 対象外 moves likewise), and the
 * wall time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { generateDemoApplications } from "../../src/apps/demoApplications";
import { main } from "../../src/cli/main";
import { setupApps } from "../../src/setup/setupApps";
import { startSandbox } from "../../sandbox/server";

const APPLICATIONS = 10_000;
const CHANGED_LATER = 250;
const PER_BULK = 2_000;

/** 10,000 applications: the demo mix (mostly eligible, every rule exercised) with unique contacts. */
function applications(): Array<Record<string, { value: string | string[] }>> {
  const records: Array<Record<string, { value: string | string[] }>> = [];
  for (let seed = 1; records.length < APPLICATIONS; seed++) {
    for (const demo of generateDemoApplications(seed)) {
      if (records.length === APPLICATIONS) break;
      const i = records.length;
      const record = { ...demo.record };
      if (demo.exercises === "eligible") {
        record.contact_email = { value: `applicant${i}@example.jp` };
        record.contact_phone = { value: `03${String(10_000_000 + i).slice(-8)}` };
      }
      records.push(record);
    }
  }
  return records;
}

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

export async function run(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, dataDir: ":memory:", testMode: true });
  const cwd = mkdtempSync(path.join(tmpdir(), "bench-screen-"));
  try {
    const client = new KintoneRestAPIClient({
      baseUrl: sandbox.baseUrl,
      auth: { username: "admin", password: "admin" },
    });
    const { appIds } = await setupApps(client, {
      cwd,
      baseUrl: sandbox.baseUrl,
      pollIntervalMs: 20,
    });
    const app = appIds.applications;
    await client.record.addAllRecords({ app, records: applications() });
    const control = async (route: string, method = "GET") =>
      (await (await fetch(`${sandbox.baseUrl}${route}`, { method })).json()) as {
        requests: Record<string, number>;
      };

    const screen = async (label: string) => {
      await control("/__sandbox/stats/reset", "POST");
      const out = sink();
      const stdin = new PassThrough();
      stdin.end();
      const started = performance.now();
      const code = await main(["screen", "--yes"], {
        stdout: out.stream,
        stderr: process.stderr,
        stdin,
        env: {
          KINTONE_BASE_URL: sandbox.baseUrl,
          KINTONE_USERNAME: "admin",
          KINTONE_PASSWORD: "admin",
        },
        cwd,
        interactive: false,
        lang: "ja",
      });
      const wallMs = performance.now() - started;
      if (code !== 0) throw new Error(`followup screen exited ${code}`);
      const match = /審査結果の更新 (\d+) 件・対象外への移動 (\d+) 件/.exec(out.text());
      const changed = Number(match?.[1]);
      const moved = Number(match?.[2]);
      const { requests } = await control("/__sandbox/stats");
      const reads = requests["GET records"] ?? 0;
      const bulks = requests["POST bulkRequest"] ?? 0;
      const other = Object.entries(requests)
        .filter(([key]) => key !== "GET records" && key !== "POST bulkRequest")
        .map(([key, count]) => `${key}×${count}`);
      const bound = {
        reads: Math.ceil(APPLICATIONS / 500),
        bulks: Math.ceil(changed / PER_BULK) + Math.ceil(moved / PER_BULK),
      };
      console.log(
        [
          label.padEnd(22),
          `${changed}`.padStart(7),
          `${moved}`.padStart(6),
          `${reads} reads + ${bulks} bulks`.padEnd(22),
          `${bound.reads} + ${bound.bulks}`.padEnd(9),
          `${wallMs.toFixed(0)} ms`.padStart(9),
          other.length > 0 ? `  other: ${other.join(", ")}` : "",
        ].join("  "),
      );
    };

    console.log(
      `${APPLICATIONS} applications; bulks hold up to ${PER_BULK} records (20 requests × 100).`,
    );
    console.log(
      "run                     changed   moved  requests                bound      wall time",
    );
    await screen("first screening");
    // 250 eligible applicants turn out to be based in Osaka: only they are written again.
    const { records: corrected } = await client.record.getRecords({
      app,
      fields: ["$id"],
      query: `eligibility in ("適格") order by $id asc limit ${CHANGED_LATER}`,
    });
    await client.record.updateAllRecords({
      app,
      records: corrected.map((record) => ({
        id: String(record.$id?.value),
        record: { prefecture: { value: "大阪府" } },
      })),
    });
    await screen(`${CHANGED_LATER} moved to Osaka`);
    await screen("nothing changed");
  } finally {
    await sandbox.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
