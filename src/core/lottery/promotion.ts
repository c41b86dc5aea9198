/**
 * Waitlist promotion (繰り上げ, spec §5.7): walk the one ranking, never re-draw.
 */
import { STATES } from "../vocabulary";

export interface DrawnApplication {
  key: string;
  /** Process management status. */
  status: string;
  lottery_result: string;
  waitlist_no: number | null;
}

/** States that hold one of the quota's places. */
export const PLACE_HOLDING_STATES: readonly string[] = [
  STATES.winner,
  STATES.confirmed,
  STATES.questionnaireDone,
  STATES.visited,
];

/** The `count` applications still in 補欠 with the lowest waitlist numbers, in that order. */
export function nextToPromote<T extends DrawnApplication>(
  applications: readonly T[],
  count: number,
): T[] {
  return applications
    .filter((a) => a.status === STATES.waitlisted && a.waitlist_no !== null)
    .sort((a, b) => (a.waitlist_no ?? 0) - (b.waitlist_no ?? 0))
    .slice(0, Math.max(0, count));
}

/** Places still free: quota minus the applications that hold one. Never negative. */
export function vacancies(applications: readonly DrawnApplication[], quota: number): number {
  const held = applications.filter((a) => PLACE_HOLDING_STATES.includes(a.status)).length;
  return Math.max(0, quota - held);
}
