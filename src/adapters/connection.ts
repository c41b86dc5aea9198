import { KintoneRestAPIClient } from "@kintone/rest-api-client";

/** The local sandbox: the CLI's default target (spec §6). */
export const SANDBOX_BASE_URL = "http://localhost:3000";

export interface KintoneTarget {
  baseUrl: string;
  auth: { username: string; password: string } | { apiToken: string | string[] };
  guestSpaceId?: number;
}

/**
 * Reads the target kintone from the environment: KINTONE_BASE_URL, then
 * KINTONE_USERNAME/KINTONE_PASSWORD or KINTONE_API_TOKEN (comma-separated for several apps).
 * Against the local sandbox with no credentials at all, the demo administrator `admin` is used;
 * half a login (a name without a password, or a password without a name) is refused, never
 * replaced by the administrator: the operator would act as someone they did not choose.
 */
export function targetFromEnv(env: NodeJS.ProcessEnv): KintoneTarget {
  const baseUrl = (env.KINTONE_BASE_URL || SANDBOX_BASE_URL).replace(/\/+$/, "");
  const guestSpaceId = env.KINTONE_GUEST_SPACE_ID ? Number(env.KINTONE_GUEST_SPACE_ID) : undefined;
  if (Boolean(env.KINTONE_USERNAME) !== Boolean(env.KINTONE_PASSWORD)) {
    throw new Error(
      env.KINTONE_USERNAME
        ? "KINTONE_USERNAME が設定されていますが KINTONE_PASSWORD がありません。両方を設定してください (KINTONE_USERNAME is set without KINTONE_PASSWORD: set both)"
        : "KINTONE_PASSWORD が設定されていますが KINTONE_USERNAME がありません。両方を設定してください (KINTONE_PASSWORD is set without KINTONE_USERNAME: set both)",
    );
  }
  if (env.KINTONE_USERNAME && env.KINTONE_PASSWORD) {
    return {
      baseUrl,
      auth: { username: env.KINTONE_USERNAME, password: env.KINTONE_PASSWORD },
      guestSpaceId,
    };
  }
  if (env.KINTONE_API_TOKEN) {
    return {
      baseUrl,
      auth: { apiToken: env.KINTONE_API_TOKEN.split(",").map((t) => t.trim()) },
      guestSpaceId,
    };
  }
  if (isLocalSandbox(baseUrl)) {
    return { baseUrl, auth: { username: "admin", password: "admin" }, guestSpaceId };
  }
  throw new Error(
    "KINTONE_USERNAME と KINTONE_PASSWORD、または KINTONE_API_TOKEN を設定してください (set KINTONE_USERNAME/KINTONE_PASSWORD or KINTONE_API_TOKEN)",
  );
}

export function isLocalSandbox(baseUrl: string): boolean {
  const { hostname } = new URL(baseUrl);
  return hostname === "localhost" || hostname === "127.0.0.1";
}

export function createClient(target: KintoneTarget): KintoneRestAPIClient {
  return new KintoneRestAPIClient({
    baseUrl: target.baseUrl,
    auth: target.auth,
    ...(target.guestSpaceId ? { guestSpaceId: target.guestSpaceId } : {}),
  });
}
