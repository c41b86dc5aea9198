/**
 * Action names per display language: kintone answers GET app/status in the default names
 * (`lang: "default"`) or the caller's (`lang: "user"`), lists the actions in the same order and
 * keeps each state's index; a status update takes the action in the caller's language, and the
 * screen's process event names it so. The fake below answers like that for an English user.
 */
import type { KintoneClient } from "../../src/adapters/kintoneClient";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { createProgram } from "../../src/adapters/program";
import { callerActionNames, readShownNames } from "../../src/adapters/processNames";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { ACTIONS, STATES } from "../../src/core/vocabulary";
import { guardProcessAction } from "../../src/desktop/processGuard";
import { APPLICATION_PROCESS } from "../../src/apps/applicationsApp";
import { validApplicationValues } from "./support/applications";
import { eventRecord } from "./support/fakeKintone";

const ENGLISH_STATES: Record<string, string> = {
  [STATES.applied]: "Applied",
  [STATES.winner]: "Won",
  [STATES.confirmed]: "Confirmed",
};
const ENGLISH_ACTIONS: Record<string, string> = {
  [ACTIONS.registerWinner]: "Register as winner",
  [ACTIONS.confirm]: "Confirm participation",
};
const english = (names: Record<string, string>, name: string) => names[name] ?? name;

/** GET app/status as kintone answers it, for a caller whose display language is English. */
function clientFor(userLanguage: "en" | "ja") {
  const getProcessManagement = jest.fn(async ({ lang }: { lang?: string }) => {
    const shown = lang === "user" && userLanguage === "en";
    const state = (name: string) => (shown ? english(ENGLISH_STATES, name) : name);
    return {
      enable: true,
      states: Object.fromEntries(
        APPLICATION_PROCESS.states.map((s) => [
          state(s.name),
          { name: state(s.name), index: s.index },
        ]),
      ),
      actions: APPLICATION_PROCESS.actions.map((a) => ({
        name: shown ? english(ENGLISH_ACTIONS, a.name) : a.name,
        from: state(a.from),
        to: state(a.to),
      })),
      revision: "3",
    };
  });
  const client = { app: { getProcessManagement } } as unknown as KintoneClient;
  return { client, getProcessManagement };
}

describe("action names per display language", () => {
  it("gives the caller's name for each action the settings keep by its default name", async () => {
    const { client } = clientFor("en");
    const spoken = await callerActionNames(client, 1, { ...ACTIONS });
    expect(spoken.registerWinner).toBe("Register as winner");
    expect(spoken.confirm).toBe("Confirm participation");
    expect(spoken.promote).toBe(ACTIONS.promote); // no English name set: the default
    const shown = await readShownNames(client, 1);
    expect(shown.states.get(STATES.winner)).toBe("Won");
  });

  it("keeps the names for a Japanese user", async () => {
    const { client } = clientFor("ja");
    expect(await callerActionNames(client, 1, { ...ACTIONS })).toEqual(ACTIONS);
  });

  it("a Program looks the caller's names up once, however many writes use them", async () => {
    const { client, getProcessManagement } = clientFor("en");
    const program = defaultProgram(client, { applications: 1 });
    const [first, second] = await Promise.all([program.callerActions(), program.callerActions()]);
    expect(first.confirm).toBe("Confirm participation");
    expect(await program.callerActions()).toBe(second);
    // one GET in the caller's names, one in the default names (they differ)
    expect(getProcessManagement).toHaveBeenCalledTimes(2);
  });

  it("a Program forgets a failed lookup, so the next use asks again", async () => {
    const { client, getProcessManagement } = clientFor("ja");
    getProcessManagement.mockRejectedValueOnce(new Error("offline"));
    const program = defaultProgram(client, { applications: 1 });
    await expect(program.callerActions()).rejects.toThrow("offline");
    expect(await program.callerActions()).toEqual(ACTIONS);
    expect(getProcessManagement).toHaveBeenCalledTimes(2);
  });

  it("a Program uses the lookup the CLI started only for the app the settings name", async () => {
    const { client, getProcessManagement } = clientFor("ja");
    const started = client.app.getProcessManagement({ app: 1, lang: "user" });
    const program = (app: number) =>
      createProgram({
        client,
        config: defaultPluginConfig(),
        lang: "ja",
        source: { kind: "defaults" },
        apps: { applications: app },
        callerProcess: { app: 1, read: started },
      });
    expect(await program(1).callerActions()).toEqual(ACTIONS);
    expect(getProcessManagement).toHaveBeenCalledTimes(1); // the started read only
    expect(await program(2).callerActions()).toEqual(ACTIONS);
    expect(getProcessManagement).toHaveBeenLastCalledWith({ app: 2, lang: "user" });
  });

  const proceed = (values: Record<string, unknown>) => ({
    recordId: 5,
    record: eventRecord(validApplicationValues(values), "Won"),
    action: { value: "Confirm participation" },
    status: { value: "Won" },
    nextStatus: { value: "Confirmed" },
  });

  it("guards an action the English screen names in English as the action it is", async () => {
    const { client } = clientFor("en");
    const config = defaultPluginConfig();
    const refused = await guardProcessAction(
      proceed({ participation_intent: "未回答" }),
      defaultProgram(client, { applications: 1 }, { lang: "en" }),
    );
    // The 参加確定 guard speaks (participation intent), not "not in the plugin settings".
    expect(refused.error).toMatch(/参加する/);
    const allowed = await guardProcessAction(
      proceed({ participation_intent: "参加する" }),
      defaultProgram(client, { applications: 1 }, { lang: "en" }),
    );
    expect(allowed.error).toBeUndefined();
  });

  it("reads no process settings when the screen uses the names the settings know", async () => {
    const { client, getProcessManagement } = clientFor("ja");
    await guardProcessAction(
      {
        recordId: 5,
        record: eventRecord(
          validApplicationValues({ participation_intent: "参加する" }),
          STATES.winner,
        ),
        action: { value: ACTIONS.confirm },
        status: { value: STATES.winner },
        nextStatus: { value: STATES.confirmed },
      },
      defaultProgram(client, { applications: 1 }, { lang: "ja" }),
    );
    expect(getProcessManagement).not.toHaveBeenCalled();
  });
});
