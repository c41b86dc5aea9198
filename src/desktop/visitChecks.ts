/**
 * The visit rules on kintone's screens (desktop and mobile): on save, each problem on its field,
 * and in the 訪問完了 guard, one message. Overlaps need the expert's other bookings that day,
 * read in one request.
 */
import { appOf, type Program } from "../adapters/program";
import type { KintoneRecordLike } from "../core/application";
import { pick } from "../core/i18n";
import {
  activeBookings,
  checkVisit,
  hasBooking,
  type VisitBooking,
  visitBookingFromRecord,
  type VisitProblem,
} from "../core/visits";
import { quote } from "../adapters/kintoneQuery";

type EventRecord = Record<string, { value?: unknown; error?: string | null } | undefined>;

/** The other bookings on `date` that still hold an expert's time (at most 500 a day). */
async function bookingsOn(program: Program, date: string): Promise<VisitBooking[]> {
  const { records } = await program.call(() =>
    program.client.record.getRecords({
      app: appOf(program, "applications"),
      query: `${program.field("visit_date")} = ${quote(date)} limit 500`,
    }),
  );
  return activeBookings(records, program.states, program.field);
}

/** Every problem of the booking in `record` (none when no visit field is filled in). */
export async function visitProblemsOf(
  record: EventRecord,
  recordId: string,
  program: Program,
  options: { complete?: boolean } = {},
): Promise<VisitProblem[]> {
  const booking = visitBookingFromRecord(record as KintoneRecordLike, program.field, recordId);
  if (!hasBooking(booking) && !options.complete) return [];
  const dateIsValid = /^\d{4}-\d{2}-\d{2}$/.test(booking.date.trim());
  const others = dateIsValid ? await bookingsOn(program, booking.date.trim()) : [];
  return checkVisit(booking, others, program.settings.visits, options);
}

interface SubmitEvent {
  record: EventRecord;
  recordId?: number;
  appId?: number;
  error?: string | null;
}

/** Save-time check: each problem on its field and a summary; the save is cancelled when any. */
export async function checkVisitOnSubmit<E extends SubmitEvent>(
  event: E,
  program: Program,
): Promise<E> {
  const { lang } = program;
  let problems: VisitProblem[];
  try {
    problems = await visitProblemsOf(event.record, String(event.recordId ?? ""), program);
  } catch (error) {
    // The event is this handler's own until it is returned.
    // eslint-disable-next-line require-atomic-updates
    event.error = pick(lang, {
      ja: `訪問予定の重なりを確認できなかったため保存を中止しました：${String(error)}`,
      en: `Not saved: the visit could not be checked against the expert's other visits: ${String(error)}`,
    });
    return event;
  }
  if (problems.length === 0) return event;
  const unplaced: string[] = [];
  for (const problem of problems) {
    const target = event.record[program.field(problem.field)];
    const message = pick(lang, problem.message);
    if (!target) {
      if (!unplaced.includes(message)) unplaced.push(message);
    } else target.error = target.error ? `${target.error}\n${message}` : message;
  }
  const head = pick(lang, {
    ja: `訪問予定に ${problems.length} 件の問題があります。`,
    en: `${problems.length} problem(s) with the visit booking.`,
  });
  const before = event.error ? [event.error] : [];

  event.error = [...before, head, ...unplaced].join("\n");
  return event;
}

/** The 訪問完了 guard's visit check: why the visit cannot be completed, or null. */
export async function visitCompletionRefusal(
  record: EventRecord,
  recordId: string,
  program: Program,
): Promise<string | null> {
  const { lang } = program;
  const problems = await visitProblemsOf(record, recordId, program, { complete: true });
  if (problems.length === 0) return null;
  const unique = [...new Set(problems.map((problem) => pick(lang, problem.message)))];
  return [
    pick(lang, {
      ja: "訪問予定が条件を満たしていないため訪問完了にできません。",
      en: "The visit cannot be completed: its booking breaks the visit rules.",
    }),
    ...unique,
  ].join("\n");
}
