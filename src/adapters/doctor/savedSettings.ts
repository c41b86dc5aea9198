/**
 * The settings in force as the plugin's settings page saved them: the newest 設定 entry of the
 * lottery log (its `reason` holds the settings document). Interim reader until the shared one of
 * the Program context lands (see COORDINATION.md).
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { validatePluginConfig } from "../../core/settings/pluginConfig";
import { LOTTERY_LOG_KINDS } from "../../core/vocabulary";
import type { SavedSettings } from "../../apps/doctor/pluginChecks";
import { quote } from "../kintoneQuery";

export async function readLatestSettings(
  client: KintoneRestAPIClient,
  lotteryLog: number,
): Promise<SavedSettings | undefined> {
  const { records } = await client.record.getRecords({
    app: lotteryLog,
    query: `kind in (${quote(LOTTERY_LOG_KINDS.settings)}) order by sequence desc limit 1`,
  });
  const [entry] = records;
  if (!entry) return undefined;
  const created = Object.values(entry).find((field) => field.type === "CREATED_TIME");
  const parsed = validatePluginConfig(JSON.parse(String(entry.reason?.value ?? "")));
  if (!parsed.success) {
    throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message.en}`).join("; "));
  }
  return { config: parsed.config, savedAt: String(created?.value ?? "") };
}
