import {
  type AppDefinition,
  type AppPermission,
  appRights,
  type AppRightName,
  type ProgramAppKey,
  type StateDefinition,
} from "./model";

/**
 * Spec v2 §3: who may do what, set by `followup setup` so that neither the screens nor the REST API
 * let anyone else act. The group codes are cybozu.com's: `Administrators` (kintone administrators,
 * built in), `everyone` (every user), and the secretariat's own group.
 */
export const SECRETARIAT_GROUP = "secretariat";
const ADMINISTRATORS = "Administrators";
const EVERYONE = "everyone";

function group(code: string, granted: Partial<Record<AppRightName, boolean>>): AppPermission {
  return { entity: { type: "GROUP", code }, includeSubs: false, ...appRights(false), ...granted };
}

/** kintone administrators keep every right: they run setup and may repair a record by hand. */
const administrators = group(ADMINISTRATORS, appRights(true));

const secretariatEdits = group(SECRETARIAT_GROUP, {
  recordViewable: true,
  recordAddable: true,
  recordEditable: true,
  recordExportable: true,
});

/** App permissions per app, in kintone's priority order (Everyone last, left out = no rights). */
export const APP_PERMISSIONS: Record<ProgramAppKey, AppPermission[]> = {
  applications: [administrators, secretariatEdits, group(EVERYONE, { recordViewable: true })],
  questionnaires: [administrators, secretariatEdits],
  // Append-only: the secretariat adds and reads entries; nobody but an administrator edits or deletes.
  lotteryLog: [
    administrators,
    group(SECRETARIAT_GROUP, { recordViewable: true, recordAddable: true, recordExportable: true }),
  ],
};

/**
 * Status assignees: the secretariat group, any one of whom may act ("次のユーザーのうち1人"), so
 * that only the secretariat can run actions. kintone lets the first status have only the record's
 * creator or nobody as assignee, so 申込受付 has none: its actions are held by their conditions,
 * which only the draw and screening satisfy, and `followup audit` re-checks them.
 */
export function secretariatAssignee(index: number): StateDefinition["assignee"] {
  if (index === 0) return { type: "ONE", entities: [] };
  return { type: "ANY", entities: [{ entity: { type: "GROUP", code: SECRETARIAT_GROUP } }] };
}

/**
 * The definitions with another group code for the secretariat (a domain whose group is not
 * `secretariat`): in the app permissions and in every status assignee.
 */
export function withSecretariatGroup(
  definitions: Record<ProgramAppKey, AppDefinition>,
  code: string,
): Record<ProgramAppKey, AppDefinition> {
  if (code === SECRETARIAT_GROUP) return definitions;
  const swap = <T extends { entity: { type: string; code: string | null } }>(entry: T): T =>
    entry.entity.type === "GROUP" && entry.entity.code === SECRETARIAT_GROUP
      ? { ...entry, entity: { ...entry.entity, code } }
      : entry;
  const swapped = (definition: AppDefinition): AppDefinition => ({
    ...definition,
    permissions: definition.permissions?.map(swap),
    process: definition.process && {
      ...definition.process,
      states: definition.process.states.map((state) => ({
        ...state,
        assignee: {
          ...state.assignee,
          entities: (
            state.assignee.entities as Array<{ entity: { type: string; code: string } }>
          ).map(swap),
        },
      })),
    },
  });
  return {
    applications: swapped(definitions.applications),
    questionnaires: swapped(definitions.questionnaires),
    lotteryLog: swapped(definitions.lotteryLog),
  };
}
