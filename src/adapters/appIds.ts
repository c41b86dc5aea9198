import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The three apps of spec §2, by the ids that `followup setup` created on one kintone. */
export interface ProgramAppIds {
  applications: number;
  questionnaires: number;
  lotteryLog: number;
}

/** Written by `followup setup`, keyed by base URL so a sandbox and a real kintone never mix. */
export const APP_IDS_FILE = "followup.apps.json";

type AppIdsFile = Record<string, ProgramAppIds>;

function readAll(cwd: string): AppIdsFile {
  const file = path.join(cwd, APP_IDS_FILE);
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, "utf8")) as AppIdsFile;
}

export function readAppIds(cwd: string, baseUrl: string): ProgramAppIds | undefined {
  return readAll(cwd)[baseUrl];
}

export function writeAppIds(cwd: string, baseUrl: string, ids: ProgramAppIds): void {
  const all = readAll(cwd);
  all[baseUrl] = ids;
  writeFileSync(path.join(cwd, APP_IDS_FILE), JSON.stringify(all, null, 2) + "\n");
}
