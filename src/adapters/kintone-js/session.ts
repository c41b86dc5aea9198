import { type Lang, toLang } from "../../core/i18n";
import {
  type ConfigIssue,
  type Permission,
  type PluginConfig,
  isAllowed,
  restorePluginConfig,
} from "../../core/settings/pluginConfig";
import type { KintoneClient } from "../kintoneClient";
import { kintoneApiClient } from "./apiClient";
import { createProgram, type Program } from "../program";
import type { KintoneApi } from "./kintoneApi";

/** Creates the REST client a screen uses; tests replace it. */
export type ClientFactory = () => KintoneClient;

/** In kintone's screens the client is `kintone.api`: the user's session, the page's request token. */
export const sessionClient =
  (k: KintoneApi): ClientFactory =>
  () =>
    kintoneApiClient(k);

export function userLang(k: KintoneApi): Lang {
  return toLang(k.getLoginUser()?.language);
}

export function readPluginConfig(
  k: KintoneApi,
  pluginId: string,
): { config: PluginConfig; issues: ConfigIssue[] } {
  const raw: unknown = k.plugin.app.getConfig(pluginId);
  const values: Record<string, string> = {};
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw))
      if (typeof value === "string") values[key] = value;
  }
  return restorePluginConfig(values);
}

/**
 * The Program of this screen, from the plugin config: in the applications app the app itself is
 * the applications app (whatever the document says); in the questionnaire app it is the
 * questionnaire app. `issues` are the config's problems (the Program then runs on the defaults).
 */
export function programOfScreen(
  k: KintoneApi,
  pluginId: string,
  client: KintoneClient,
  appId: number | null,
): { program: Program; issues: ConfigIssue[] } {
  const { config, issues } = readPluginConfig(k, pluginId);
  const here = appId ?? undefined;
  const program = createProgram({
    client,
    config,
    lang: userLang(k),
    source: { kind: "plugin" },
    apps: config.role === "questionnaires" ? { questionnaires: here } : { applications: here },
  });
  return { program, issues };
}

/**
 * The login user's group codes: `kintone.user.getGroups()` where kintone has it and it answers,
 * else the cybozu User API. Empty when neither answers (then only the listed users are allowed).
 */
export async function userGroupCodes(k: KintoneApi, userCode: string): Promise<string[]> {
  if (k.user?.getGroups) {
    try {
      return (await k.user.getGroups()).map((g) => g.code).filter((c) => typeof c === "string");
    } catch {
      // Some kintone screens refuse it; the User API below answers the same question.
    }
  }
  try {
    const answer = (await k.api("/v1/user/groups.json", "GET", { code: userCode })) as {
      groups?: Array<{ code?: unknown }>;
    };
    return (answer.groups ?? []).flatMap((g) => (typeof g.code === "string" ? [g.code] : []));
  } catch {
    return [];
  }
}

/** Which of the staff operations the login user may use, by the config's users and groups. */
export async function allowedOperations(
  k: KintoneApi,
  config: PluginConfig,
): Promise<{ allowed: Record<Permission, boolean>; operator: { code: string; groups: string[] } }> {
  const user = k.getLoginUser();
  const needsGroups = Object.values(config.permissions).some((p) => p.groups.length > 0);
  const groups = needsGroups ? await userGroupCodes(k, user.code) : [];
  return {
    allowed: {
      screen: isAllowed(config.permissions.screen, user, groups),
      draw: isAllowed(config.permissions.draw, user, groups),
      promote: isAllowed(config.permissions.promote, user, groups),
    },
    operator: { code: user.code, groups },
  };
}

/** A kintone error as a person reads it: kintone's own message, else the error text. */
export function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message !== "") return message;
  }
  return String(error);
}
