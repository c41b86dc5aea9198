/**
 * A Program on the default settings. Apart from program.ts because the defaults come from the
 * settings schema (zod), which record screens do not bundle (issue 16).
 */
import type { Lang } from "../core/i18n";
import { defaultPluginConfig, type PluginConfig } from "../core/settings/pluginConfig";
import type { KintoneClient } from "./kintoneClient";
import { createProgram, type Program, type ProgramApps } from "./program";
import type { RetryOptions } from "./retry";

/**
 * The Program of apps as `followup setup` creates them, with the default settings of spec §1
 * (benchmarks, tests, and a CLI target where nothing was saved yet).
 */
export function defaultProgram(
  client: KintoneClient,
  apps: Partial<ProgramApps>,
  options: { adjust?: (config: PluginConfig) => void; retry?: RetryOptions; lang?: Lang } = {},
): Program {
  const config = defaultPluginConfig();
  options.adjust?.(config);
  return createProgram({
    client,
    config,
    lang: options.lang ?? "ja",
    source: { kind: "defaults" },
    apps,
    retry: options.retry,
  });
}
