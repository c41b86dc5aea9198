import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { withRetry } from "../adapters/retry";

export interface DeployOptions {
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
  const interval = options.pollIntervalMs ?? 500;
  const timeout = options.timeoutMs ?? 300_000;
  const sleep = options.sleep ?? defaultSleep;
  await withRetry(() => client.app.deployApp({ apps: apps.map((app) => ({ app })) }));
  for (let waited = 0; ; waited += interval) {
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
