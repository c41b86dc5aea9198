import { APPLICATIONS_APP_NAME, applicationsApp } from "./applicationsApp";
import { LOTTERY_LOG_APP_NAME, lotteryLogApp } from "./lotteryLogApp";
import type { AppDefinition, ProgramAppKey, ProgramAppRefs } from "./model";
import { APP_PERMISSIONS } from "./permissions";
import { QUESTIONNAIRES_APP_NAME, questionnairesApp } from "./questionnairesApp";
import { type ApplicationsVariant, applicationsVariant } from "./staffTableVariant";

/** The three apps of spec §2, in the order they are created and reported. */
export const PROGRAM_APP_KEYS: readonly ProgramAppKey[] = [
  "applications",
  "questionnaires",
  "lotteryLog",
];

export const PROGRAM_APP_NAMES: Record<ProgramAppKey, string> = {
  applications: APPLICATIONS_APP_NAME,
  questionnaires: QUESTIONNAIRES_APP_NAME,
  lotteryLog: LOTTERY_LOG_APP_NAME,
};

/** The desired definition of every app; lookups and related records point at `refs`. */
export function programApps(
  refs: ProgramAppRefs,
  variant: ApplicationsVariant = "standard",
): Record<ProgramAppKey, AppDefinition> {
  return {
    applications: {
      ...applicationsVariant(applicationsApp(refs), variant),
      permissions: APP_PERMISSIONS.applications,
    },
    questionnaires: { ...questionnairesApp(refs), permissions: APP_PERMISSIONS.questionnaires },
    lotteryLog: { ...lotteryLogApp(), permissions: APP_PERMISSIONS.lotteryLog },
  };
}
