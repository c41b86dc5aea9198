import { createClient, type KintoneTarget } from "../adapters/connection";
import { withRetry } from "../adapters/retry";
import {
  DEMO_SEED,
  type DemoWindow,
  demoWindow,
  generateDemoApplications,
} from "../apps/demoApplications";
import type { ApplicationsVariant } from "../apps/staffTableVariant";
import { type SetupReport, setupApps } from "./setupApps";
import { RECORDS_PER_WRITE } from "../adapters/kintoneLimits";

export interface SeedDemoOptions {
  /** Where followup.apps.json is read and written (default: the current directory). */
  cwd?: string;
  seed?: number;
  /** Builds the applications app as this demo variant (default: the program's own app). */
  variant?: ApplicationsVariant;
  /** The day the demo data is created (default: now): the round's window is dated from it. */
  createdAt?: Date;
}

export interface SeedDemoResult {
  setup: SetupReport;
  /** Applications written; 0 when the applications app already had records. */
  added: number;
  /** The application window of the demo round just written (see demoWindow); absent when nothing was added. */
  window?: DemoWindow;
}

/**
 * Runs setup, then fills the applications app with the demo applications (see
 * generateDemoApplications). An app that already holds records is left alone, so starting the demo
 * twice does not double the data. The questionnaires and lottery log apps stay empty.
 */
export async function seedDemo(
  target: KintoneTarget,
  options: SeedDemoOptions = {},
): Promise<SeedDemoResult> {
  const client = createClient(target);
  const setup = await setupApps(client, {
    cwd: options.cwd ?? process.cwd(),
    baseUrl: target.baseUrl,
    variant: options.variant,
  });
  const app = setup.appIds.applications;
  const existing = await withRetry(() =>
    client.record.getRecords({ app, fields: ["$id"], query: "limit 1", totalCount: true }),
  );
  if (Number(existing.totalCount) > 0) return { setup, added: 0 };
  const createdAt = options.createdAt ?? new Date();
  const records = generateDemoApplications(options.seed ?? DEMO_SEED, createdAt).map(
    (demo) => demo.record,
  );
  for (let start = 0; start < records.length; start += RECORDS_PER_WRITE) {
    const chunk = records.slice(start, start + RECORDS_PER_WRITE);
    await withRetry(() => client.record.addRecords({ app, records: chunk }));
  }
  return { setup, added: records.length, window: demoWindow(createdAt) };
}
