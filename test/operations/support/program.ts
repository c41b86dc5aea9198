/**
 * A sandbox with the three program apps set up by `setupApps` and the 120 demo applications, and
 * a way to run `followup <command>` against it in-process, as an operator would.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import type { ProgramAppIds } from "../../../src/adapters/appIds";
import { generateDemoApplications } from "../../../src/apps/demoApplications";
import type { CommandContext } from "../../../src/cli/command";
import { main } from "../../../src/cli/main";
import { setupApps } from "../../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../../support/sandbox";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ProgramSandbox {
  sandbox: TestSandbox;
  apps: ProgramAppIds;
  cwd: string;
  admin: ReturnType<TestSandbox["clientAs"]>;
  followup(
    args: string[],
    overrides?: Partial<CommandContext> & { input?: string },
  ): Promise<CliRun>;
  /** Request counts per "METHOD endpoint" since the last reset. */
  stats(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** `followup ARGS` in-process, non-interactive, with `env` and `cwd`; stdin holds `input` (default empty). */
export async function runFollowup(
  args: string[],
  context: Pick<CommandContext, "env" | "cwd"> & Partial<CommandContext> & { input?: string },
): Promise<CliRun> {
  const { input, ...overrides } = context;
  const stdout = collector();
  const stderr = collector();
  const stdin = new PassThrough();
  stdin.end(input ?? "");
  const code = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin,
    interactive: false,
    ...overrides,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export async function startProgramSandbox(
  options: { demo?: boolean } = {},
): Promise<ProgramSandbox> {
  const sandbox = await startTestSandbox();
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-ops-"));
  const admin = sandbox.clientAs("admin");
  const { appIds: apps } = await setupApps(admin, {
    cwd,
    baseUrl: sandbox.baseUrl,
    pollIntervalMs: 20,
  });
  if (options.demo !== false) {
    const records = generateDemoApplications().map((demo) => demo.record);
    await admin.record.addAllRecords({ app: apps.applications, records });
  }
  const env = {
    KINTONE_BASE_URL: sandbox.baseUrl,
    KINTONE_USERNAME: "admin",
    KINTONE_PASSWORD: "admin",
  };
  return {
    sandbox,
    apps,
    cwd,
    admin,
    followup: (args, overrides = {}) => runFollowup(args, { env, cwd, ...overrides }),
    async stats() {
      const answer = (await sandbox.control("/__sandbox/stats")) as {
        requests: Record<string, number>;
      };
      return answer.requests;
    },
    async resetStats() {
      await sandbox.control("/__sandbox/stats/reset", {});
    },
    close: () => sandbox.close(),
  };
}

/** Requests that change data (anything but GET), by endpoint. */
export function writeRequests(stats: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(stats).filter(([key]) => !key.startsWith("GET ")));
}

/**
 * Brings the demo round to just after the lottery: screened (proposed 対象外 confirmed), the 要確認 applications decided
 * 適格 by a person (through REST, as kintone's screen would), and drawn with `quota` winners.
 */
export async function drawnRound(program: ProgramSandbox, quota = 10): Promise<void> {
  const screened = await program.followup(["screen", "--confirm-ineligible", "--yes"]);
  if (screened.code !== 0) throw new Error(`screen failed: ${screened.stderr}`);
  const app = program.apps.applications;
  const reviews = await program.admin.record.getAllRecords({
    app,
    condition: 'eligibility in ("要確認")',
  });
  await program.admin.record.updateAllRecords({
    app,
    records: reviews.map((record) => ({
      id: String(record.$id?.value),
      record: { eligibility: { value: "適格" } },
    })),
  });
  const drawn = await program.followup(["draw", "--quota", String(quota), "--yes"]);
  if (drawn.code !== 0) throw new Error(`draw failed: ${drawn.stderr}`);
}
