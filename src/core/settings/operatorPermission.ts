/**
 * Whether the login user may use a staff operation, when kintone may not tell us all their groups.
 *
 * In a guest space `kintone.user.getGroups()` answers only the Everyone and Administrators groups
 * (cybozu.dev js-api/kintone/get-groups), so membership of any other group (e.g. the
 * secretariat's) cannot be known there. The plugin then decides by the listed users, and a
 * permission that only a group could grant is "unknown": no button, and the list screen says why
 * and what to change (list the users on the settings page). We deliberately do not guess from
 * what kintone says the user may do on the app (records/acl/evaluate): edit rights cannot tell the
 * three permission lists apart, and a button shown to someone the list does not name would be
 * offered and then refused.
 */
import type { Principals } from "./pluginConfig";

/** Groups whose membership kintone still reports in a guest space. */
export const GROUPS_KNOWN_IN_GUEST_SPACE: readonly string[] = ["everyone", "Administrators"];

/** The user's groups as far as kintone tells them; `complete: false` in a guest space. */
export interface GroupMembership {
  groups: readonly string[];
  complete: boolean;
}

export type PermissionDecision = "allowed" | "denied" | "unknown";

export function decidePermission(
  allowed: Principals,
  user: { code: string },
  membership: GroupMembership,
): PermissionDecision {
  if (allowed.users.includes(user.code)) return "allowed";
  if (allowed.groups.some((g) => membership.groups.includes(g))) return "allowed";
  if (membership.complete) return "denied";
  return groupsUnknownInGuestSpace(allowed.groups).length > 0 ? "unknown" : "denied";
}

/** The listed groups kintone cannot confirm in a guest space (what the settings page warns about). */
export function groupsUnknownInGuestSpace(groups: readonly string[]): string[] {
  return groups.filter((g) => !GROUPS_KNOWN_IN_GUEST_SPACE.includes(g));
}
