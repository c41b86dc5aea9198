import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { type Sandbox, startSandbox } from "../../sandbox/server";

export interface TestSandbox {
  baseUrl: string;
  sandbox: Sandbox;
  /** A REST client logged in as a demo user (password = user code), e.g. clientAs("admin"). */
  clientAs(user: string, options?: { password?: string }): KintoneRestAPIClient;
  /** A REST client using API tokens (comma-joined for several apps, as rest-api-client sends). */
  clientWithToken(tokens: string | string[]): KintoneRestAPIClient;
  /** Makes an API token of an app (kintone does this on an admin screen). */
  createApiToken(
    app: number | string,
    permissions?: Partial<Record<"view" | "add" | "edit" | "delete" | "manage", boolean>>,
  ): Promise<string>;
  /** Calls a test-only control endpoint: /__sandbox/faults, /__sandbox/stats, ... */
  control(path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** A fresh sandbox for one test file: in-memory database, random port, test mode on. */
export async function startTestSandbox(): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, dataDir: ":memory:", testMode: true });
  const { baseUrl } = sandbox;
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    baseUrl,
    sandbox,
    clientAs: (user, options = {}) =>
      new KintoneRestAPIClient({
        baseUrl,
        auth: { username: user, password: options.password ?? user },
      }),
    clientWithToken: (tokens) => new KintoneRestAPIClient({ baseUrl, auth: { apiToken: tokens } }),
    createApiToken: async (app, permissions = {}) => {
      const answer = (await control("/__sandbox/api-tokens", {
        app: Number(app),
        permissions,
      })) as {
        token: string;
      };
      return answer.token;
    },
    control,
    close: () => sandbox.close(),
  };
}
