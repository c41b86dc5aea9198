import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { withRetry } from "../adapters/retry";

export interface DeployOptions {
  /** The longest wait between two polls (the first waits 50 ms, each next one twice as long). */
  pollIntervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** A deploy kintone reported as failed or cancelled, or one that never finished. */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly apps: string[],
  ) {
    super(message);
    this.name = "DeployError";
  }
}

const FIRST_POLL_MS = 50;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Deploys the apps' preview settings in one request and polls until kintone says every app is
 * SUCCESS (deployment is asynchronous). FAIL or CANCEL, or no answer within the timeout, throws.
 */
export async function deployAndWait(
  client: KintoneRestAPIClient,
  apps: readonly string[],
  options: DeployOptions = {},
): Promise<void> {
  if (apps.length === 0) return;
  const maxInterval = options.pollIntervalMs ?? 500;
  const timeout = options.timeoutMs ?? 300_000;
  const sleep = options.sleep ?? defaultSleep;
  await withRetry(() => client.app.deployApp({ apps: apps.map((app) => ({ app })) }));
  // A local deploy is done at the second poll: start short, so nobody waits 500 ms a step.
  let interval = Math.min(FIRST_POLL_MS, maxInterval);
  for (let waited = 0; ; waited += interval, interval = Math.min(interval * 2, maxInterval)) {
    const { apps: statuses } = await withRetry(() =>
      client.app.getDeployStatus({ apps: [...apps] }),
    );
    const failed = statuses.filter((s) => s.status === "FAIL" || s.status === "CANCEL");
    if (failed.length) {
      throw new DeployError(
        `デプロイに失敗しました (deploy failed): ${failed.map((s) => `app ${s.app} ${s.status}`).join(", ")}`,
        failed.map((s) => s.app),
      );
    }
    if (statuses.every((s) => s.status === "SUCCESS")) return;
    if (waited >= timeout) {
      throw new DeployError(
        `デプロイが ${Math.round(timeout / 1000)} 秒以内に終わりませんでした (deploy did not finish in time)`,
        [...apps],
      );
    }
    await sleep(interval);
  }
}
