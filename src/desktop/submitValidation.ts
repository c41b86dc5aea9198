/**
 * Save-time checks (create, edit, inline edit; desktop and mobile): the eligibility rules of one
 * application, each message on its field and a summary at the top. Warnings do not block the save.
 */
import { applicationFromRecord } from "../core/application";
import { screenApplication, type Violation } from "../core/eligibility";
import { type Lang, pick } from "../core/i18n";
import { type PluginConfig, fieldCodeOf } from "../core/settings/pluginConfig";
import { APPLICATION_FIELDS } from "../core/vocabulary";

export type Notify = (text: string, kind: "info" | "danger") => void;

interface SubmitEvent {
  record: Record<string, { value?: unknown; error?: string | null } | undefined>;
  error?: string | null;
}

export function validateOnSubmit(
  event: SubmitEvent,
  config: PluginConfig,
  lang: Lang,
  notify: Notify,
  now: Date = new Date(),
): SubmitEvent {
  const application = applicationFromRecord(event.record, config.fieldMap);
  const { violations } = screenApplication(application, config.program, { lang, now });
  for (const field of APPLICATION_FIELDS) {
    const target = event.record[fieldCodeOf(config, field)];
    if (target) target.error = null;
  }
  const errors = violations.filter((v) => v.severity === "error");
  const warnings = violations.filter((v) => v.severity === "warning");
  const unplaced: Violation[] = [];
  for (const violation of errors) {
    const target = event.record[fieldCodeOf(config, violation.field)];
    if (!target) {
      unplaced.push(violation);
      continue;
    }
    target.error = target.error ? `${target.error}\n${violation.message}` : violation.message;
  }
  if (errors.length > 0) {
    const head = pick(lang, {
      ja: `入力内容に ${errors.length} 件の不備があります。各項目のメッセージを確認してください。`,
      en: `${errors.length} problem(s) in this application. See the message on each field.`,
    });
    event.error = [head, ...unplaced.map((v) => v.message)].join("\n");
  }
  if (warnings.length > 0) {
    const head = pick(lang, {
      ja: "確認してください（保存はされます）：",
      en: "Please check (saved anyway):",
    });
    notify([head, ...warnings.map((v) => v.message)].join("\n"), "info");
  }
  return event;
}
