/**
 * Issue 15, acceptance 3: every state and every action of the applications app renamed, as an
 * administrator does in kintone's process-management settings (here over REST: preview PUT, then
 * deploy). Records follow a renamed state, so this may run after records exist.
 */
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { applicationsApp } from "../../src/apps/applicationsApp";
import { ACTIONS, type ActionKey, STATES, type StateKey } from "../../src/core/vocabulary";

const renamedState = (name: string) => `${name}（改）`;
const renamedAction = (name: string) => `${name}する（改）`;

export const renamedStates = Object.fromEntries(
  (Object.keys(STATES) as StateKey[]).map((key) => [key, renamedState(STATES[key])]),
) as Record<StateKey, string>;
export const renamedActions = Object.fromEntries(
  (Object.keys(ACTIONS) as ActionKey[]).map((key) => [key, renamedAction(ACTIONS[key])]),
) as Record<ActionKey, string>;

/** Renames every state (keyed by its current name, so it is the same state) and every action. */
export async function renameProcess(admin: KintoneRestAPIClient, app: number): Promise<void> {
  const process = applicationsApp({
    applications: "0",
    questionnaires: "0",
    lotteryLog: "0",
  }).process;
  if (!process) throw new Error("no process");
  await admin.app.updateProcessManagement({
    app,
    states: Object.fromEntries(
      process.states.map((s) => [s.name, { ...s, name: renamedState(s.name) }]),
    ) as never,
    actions: process.actions.map((a) => ({
      ...a,
      name: renamedAction(a.name),
      from: renamedState(a.from),
      to: renamedState(a.to),
    })) as never,
  });
  await admin.app.deployApp({ apps: [{ app }] });
  for (;;) {
    const { apps } = await admin.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status === "SUCCESS") return;
    if (apps[0]?.status !== "PROCESSING") throw new Error(`deploy: ${apps[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
