/**
 * Waitlist promotion (繰り上げ, spec §5.7): walk the one ranking, never re-draw. States are compared
 * by the app's configured names (an app may call 補欠 something else), never the defaults.
 */
import { DEFAULT_PROCESS_NAMES, placesHeld, type ProcessNames } from "../workflow/process";

export interface DrawnApplication {
  key: string;
  /** Process management status, as the app names it. */
  status: string;
  lottery_result: string;
  waitlist_no: number | null;
}

/** The `count` applications still in 補欠 with the lowest waitlist numbers, in that order. */
export function nextToPromote<T extends DrawnApplication>(
  applications: readonly T[],
  count: number,
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
): T[] {
  return applications
    .filter((a) => a.status === names.states.waitlisted && a.waitlist_no !== null)
    .sort((a, b) => (a.waitlist_no ?? 0) - (b.waitlist_no ?? 0))
    .slice(0, Math.max(0, count));
}

/** Places still free: quota minus the applications that hold one (spec §3). Never negative. */
export function vacancies(
  applications: readonly DrawnApplication[],
  quota: number,
  names: ProcessNames = DEFAULT_PROCESS_NAMES,
): number {
  return Math.max(
    0,
    quota -
      placesHeld(
        applications.map((a) => a.status),
        names,
      ),
  );
}
