/**
 * Save-time checks (create, edit, inline edit; desktop and mobile): the eligibility rules of one
 * application, each blocking message on its field and a summary at the top. Warnings never block.
 *
 * What blocks depends on what staff can still fix: a new application (create) and an edit while
 * the record is 申込受付 are blocked by errors, except that an edit is not blocked by the window
 * rules (the receipt time is a fact, not an input). Past 申込受付 (当選 … 対象外, 辞退) the record is
 * decided; its findings are only shown, so staff can still record visit dates, notes and so on.
 */
import { applicationFromRecord } from "../core/application";
import { screenApplication, type Violation } from "../core/eligibility";
import type { Program } from "../adapters/program";
import { pick } from "../core/i18n";
import { statusOf } from "../core/workflow/record";
import { APPLICATION_FIELDS, STAFF_DECISIONS } from "../core/vocabulary";

export type Notify = (text: string, kind: "info" | "danger") => void;

/** A new record (create) or a change to an existing one (edit, inline edit in the list). */
export type SaveKind = "create" | "edit";

interface SubmitEvent {
  record: Record<string, { value?: unknown; error?: string | null; type?: string } | undefined>;
  error?: string | null;
}

/** Rules about when the application arrived: staff cannot change that on an existing record. */
const WINDOW_RULES: ReadonlySet<string> = new Set([
  "APPLIED_BEFORE_WINDOW",
  "APPLIED_AFTER_WINDOW",
]);

/**
 * Whether an error of this rule blocks the save. Past 申込受付 nothing blocks; an unknown status
 * (no process management) counts as 申込受付.
 */
function blockingRule(kind: SaveKind, status: string, program: Program) {
  if (kind === "create") return () => true;
  if (status !== "" && status !== program.states.applied) return () => false;
  return (rule: string) => !WINDOW_RULES.has(rule);
}

/** What blocks a save: a message for a field. */
type FieldProblem = Pick<Violation, "field" | "message">;

/** A staff_decision (適格とする / 対象外とする) needs its reason (spec v2 §2.1). */
function decisionWithoutReason(event: SubmitEvent, program: Program): FieldProblem[] {
  const { lang } = program;
  const decision = event.record[program.field("staff_decision")]?.value;
  const reason = event.record[program.field("staff_decision_reason")]?.value;
  const decided = decision === STAFF_DECISIONS.eligible || decision === STAFF_DECISIONS.ineligible;
  if (!decided || (typeof reason === "string" && reason.trim() !== "")) return [];
  return [
    {
      field: "staff_decision_reason",
      message: pick(lang, {
        ja: "事務局の判断を記録するときは、判断の理由を入力してください。",
        en: "Enter the reason for the secretariat's decision.",
      }),
    },
  ];
}

export function validateOnSubmit(
  event: SubmitEvent,
  program: Program,
  notify: Notify,
  kind: SaveKind,
  now: Date = new Date(),
): SubmitEvent {
  const { lang } = program;
  const application = applicationFromRecord(event.record, program.field, program.optionMap);
  const { violations } = screenApplication(application, program.settings, { lang, now });
  for (const field of APPLICATION_FIELDS) {
    const target = event.record[program.field(field)];
    if (target) target.error = null;
  }
  const blocks = blockingRule(kind, statusOf(event.record), program);
  const blocking: FieldProblem[] = violations.filter(
    (v) => v.severity === "error" && blocks(v.rule),
  );
  blocking.push(...decisionWithoutReason(event, program));
  const shown = violations.filter((v) => !blocking.includes(v));
  const unplaced: FieldProblem[] = [];
  for (const violation of blocking) {
    const target = event.record[program.field(violation.field)];
    if (!target) {
      unplaced.push(violation);
      continue;
    }
    target.error = target.error ? `${target.error}\n${violation.message}` : violation.message;
  }
  if (blocking.length > 0) {
    const head = pick(lang, {
      ja: `入力内容に ${blocking.length} 件の不備があります。各項目のメッセージを確認してください。`,
      en: `${blocking.length} problem(s) in this application. See the message on each field.`,
    });
    event.error = [head, ...unplaced.map((v) => v.message)].join("\n");
  }
  if (shown.length > 0) {
    const head = pick(lang, {
      ja: "確認してください（保存はされます）：",
      en: "Please check (saved anyway):",
    });
    notify([head, ...shown.map((v) => v.message)].join("\n"), "info");
  }
  return event;
}
