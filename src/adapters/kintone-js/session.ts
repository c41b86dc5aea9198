import { type Lang, toLang } from "../../core/i18n";
import type { Permission, PluginConfig } from "../../core/settings/pluginConfig";
import { type ConfigIssue, readSavedPluginConfig } from "../../core/settings/pluginConfigDocument";
import { decidePermission, type GroupMembership } from "../../core/settings/operatorPermission";
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

/** The plugin's setConfig values in this app (the string values of `getConfig`). */
export function pluginConfigValues(k: KintoneApi, pluginId: string): Record<string, string> {
  const raw: unknown = k.plugin.app.getConfig(pluginId);
  const values: Record<string, string> = {};
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw))
      if (typeof value === "string") values[key] = value;
  }
  return values;
}

/**
 * `defaultPluginConfig()` as JSON, computed with the schema at build time (webpack.config.js's
 * DefinePlugin; test/support/bakedDefaults.ts in jest), so record screens fill defaults without
 * bundling zod (issue 16).
 */
declare const __DEFAULT_PLUGIN_CONFIG__: string;

/** A record screen's settings: the saved document over the defaults, or the defaults and why. */
export function readScreenConfig(
  k: KintoneApi,
  pluginId: string,
): { config: PluginConfig; issues: ConfigIssue[] } {
  const defaults = JSON.parse(__DEFAULT_PLUGIN_CONFIG__) as PluginConfig;
  return readSavedPluginConfig(pluginConfigValues(k, pluginId), defaults);
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
  const { config, issues } = readScreenConfig(k, pluginId);
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
 * Whether this page belongs to an app in a guest space: `kintone.api.url(path, true)` gives the
 * guest-space path (`/k/guest/<id>/v1/…`) exactly there (cybozu.dev js-api get-url).
 */
export function inGuestSpace(k: KintoneApi): boolean {
  return /\/k\/guest\/\d+\//.test(k.api.url("/k/v1/app.json", true));
}

/**
 * The login user's group codes: `kintone.user.getGroups()` where kintone has it and it answers,
 * else the cybozu User API. Empty when neither answers (then only the listed users are allowed).
 * In a guest space getGroups answers only Everyone/Administrators, so the membership is marked
 * incomplete; the User API is not asked there: it cannot read guest users, and kintone does not
 * document it for a guest space's pages (the stricter reading: decide by the listed users).
 */
export async function userGroups(k: KintoneApi, userCode: string): Promise<GroupMembership> {
  const guest = inGuestSpace(k);
  if (k.user?.getGroups) {
    try {
      const groups = (await k.user.getGroups()).map((g) => g.code);
      return { groups: groups.filter((c) => typeof c === "string"), complete: !guest };
    } catch {
      // Some kintone screens refuse it; the User API below answers the same question.
    }
  }
  if (guest) return { groups: [], complete: false };
  try {
    const answer = (await k.api("/v1/user/groups.json", "GET", { code: userCode })) as {
      groups?: Array<{ code?: unknown }>;
    };
    const groups = (answer.groups ?? []).flatMap((g) =>
      typeof g.code === "string" ? [g.code] : [],
    );
    return { groups, complete: true };
  } catch {
    return { groups: [], complete: true };
  }
}

/** The group codes kintone tells for the login user (in a guest space: Everyone/Administrators only). */
export async function userGroupCodes(k: KintoneApi, userCode: string): Promise<string[]> {
  return [...(await userGroups(k, userCode)).groups];
}

/**
 * Which of the staff operations the login user may use, by the config's users and groups;
 * `unknown` lists those only a group could grant where kintone does not say who is in it (a guest
 * space): their buttons are not shown, and the list screen says so once.
 */
export async function allowedOperations(
  k: KintoneApi,
  config: PluginConfig,
): Promise<{
  allowed: Record<Permission, boolean>;
  unknown: Permission[];
  operator: { code: string; groups: string[] };
}> {
  const user = k.getLoginUser();
  const needsGroups = Object.values(config.permissions).some((p) => p.groups.length > 0);
  const membership: GroupMembership = needsGroups
    ? await userGroups(k, user.code)
    : { groups: [], complete: true };
  const permissions: Permission[] = ["screen", "draw", "promote"];
  const decisions = permissions.map(
    (p) => [p, decidePermission(config.permissions[p], user, membership)] as const,
  );
  return {
    allowed: Object.fromEntries(decisions.map(([p, d]) => [p, d === "allowed"])) as Record<
      Permission,
      boolean
    >,
    unknown: decisions.filter(([, d]) => d === "unknown").map(([p]) => p),
    operator: { code: user.code, groups: [...membership.groups] },
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
