/**
 * Finds the program's apps on a kintone by the names `followup setup` gives them, so a command
 * run from any directory reaches the same apps (followup.apps.json is only a cache of this).
 */
import { PROGRAM_APP_NAMES } from "../apps/program";
import type { KintoneClient } from "./kintoneClient";
import type { ProgramAppKey } from "./program";
import { type RetryOptions, withRetry } from "./retry";

/** The app named exactly `name` (the oldest, when several are), or undefined. */
async function appNamed(
  client: KintoneClient,
  name: string,
  retry?: RetryOptions,
): Promise<number | undefined> {
  // `name` is a partial match in kintone: keep the exact one.
  const { apps } = await withRetry(() => client.app.getApps({ name, limit: 100 }), retry);
  const ids = apps.filter((app) => app.name === name).map((app) => Number(app.appId));
  return ids.length > 0 ? Math.min(...ids) : undefined;
}

export async function findAppByName(
  client: KintoneClient,
  app: ProgramAppKey,
  retry?: RetryOptions,
): Promise<number | undefined> {
  return appNamed(client, PROGRAM_APP_NAMES[app], retry);
}
