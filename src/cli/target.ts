import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { type ProgramAppIds, readAppIds } from "../adapters/appIds";
import { createClient, type KintoneTarget, targetFromEnv } from "../adapters/connection";
import { pick } from "../core/i18n";
import { type CommandContext, CommandError, UsageError } from "./command";

/** parseArgs options every command that talks to kintone accepts (spec §6: app ids from setup's file, or flags). */
export const TARGET_OPTIONS = {
  "applications-app": { type: "string" },
  "questionnaires-app": { type: "string" },
  "lottery-log-app": { type: "string" },
  lang: { type: "string" },
} as const;

export interface TargetFlags {
  "applications-app"?: string;
  "questionnaires-app"?: string;
  "lottery-log-app"?: string;
}

export interface ProgramConnection<K extends keyof ProgramAppIds> {
  target: KintoneTarget;
  client: KintoneRestAPIClient;
  apps: Pick<ProgramAppIds, K>;
}

const FLAG_OF: Record<keyof ProgramAppIds, keyof TargetFlags> = {
  applications: "applications-app",
  questionnaires: "questionnaires-app",
  lotteryLog: "lottery-log-app",
};

function appIdFlag(context: CommandContext, flag: string, value: string | undefined) {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) {
    throw new UsageError(
      pick(context.lang, {
        ja: `--${flag} にはアプリID（正の整数）を指定してください: ${value}`,
        en: `--${flag} takes an app id (a positive integer): ${value}`,
      }),
    );
  }
  return Number(value);
}

/**
 * The kintone to work on (KINTONE_BASE_URL and credentials from the environment) and the program
 * apps a command `needs` there: ids from flags first, then from the file `followup setup` wrote.
 */
export function connectToProgram<K extends keyof ProgramAppIds>(
  context: CommandContext,
  flags: TargetFlags,
  needs: readonly K[],
): ProgramConnection<K> {
  let target: KintoneTarget;
  try {
    target = targetFromEnv(context.env);
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  const saved = readAppIds(context.cwd, target.baseUrl);
  const apps: Partial<ProgramAppIds> = {};
  for (const app of needs) {
    const flag = FLAG_OF[app];
    apps[app] = appIdFlag(context, flag, flags[flag]) ?? saved?.[app];
    if (!apps[app]) {
      throw new CommandError(
        pick(context.lang, {
          ja: `${target.baseUrl} のアプリIDがわかりません。先に followup setup を実行するか、--${flag} で指定してください`,
          en: `no app id for ${target.baseUrl}: run followup setup first, or pass --${flag}`,
        }),
      );
    }
  }
  return { target, client: createClient(target), apps: apps as Pick<ProgramAppIds, K> };
}
