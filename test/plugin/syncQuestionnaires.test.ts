/**
 * Questionnaires move confirmed applications to 質問票回答済, against the sandbox's REST API: the
 * apps as setupApps makes them, statuses reached by kintone's own actions.
 */
import {
  advanceAfterQuestionnaire,
  syncQuestionnaires,
} from "../../src/adapters/screening/syncQuestionnaires";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { type AppsSandbox, startAppsSandbox } from "./support/appsSandbox";

let kintone: AppsSandbox;
beforeAll(async () => {
  kintone = await startAppsSandbox();
});
afterAll(() => kintone.close());

const program = () => defaultProgram(kintone.admin, kintone.apps);

/** A new application taken to `status` by kintone's actions; its record id. */
const application = (status: "当選" | "参加確定") =>
  kintone.application(
    { company_name: "株式会社テスト", lottery_result: "当選", participation_intent: "参加する" },
    status === "当選" ? ["当選登録"] : ["当選登録", "参加確定"],
  );
const questionnaire = (applicationNo: string) => kintone.questionnaire(applicationNo);
const statusOf = (id: string) => kintone.statusOf(id);

/** Writing requests the sandbox received since the last stats reset (a bulk request is one). */
async function writes(): Promise<number> {
  const { requests } = (await kintone.sandbox.control("/__sandbox/stats")) as {
    requests: Record<string, number>;
  };
  return Object.entries(requests)
    .filter(([endpoint]) => /^(PUT|POST) /.test(endpoint))
    .reduce((sum, [, count]) => sum + count, 0);
}

describe("syncQuestionnaires", () => {
  it("moves only confirmed applications that have a questionnaire, with 質問票回答", async () => {
    const answered = await application("参加確定");
    const waiting = await application("参加確定");
    const winner = await application("当選");
    await questionnaire(answered);
    await questionnaire(winner);
    const result = await syncQuestionnaires(program());
    expect(result).toEqual({ moved: [answered], waiting: [waiting] });
    expect(await statusOf(answered)).toBe("質問票回答済");
    expect(await statusOf(waiting)).toBe("参加確定");
    expect(await statusOf(winner)).toBe("当選");
  });

  it("a dry run and a round with nothing to move write nothing", async () => {
    const confirmed = await application("参加確定");
    await questionnaire(confirmed);
    await kintone.sandbox.control("/__sandbox/stats/reset", {});
    expect((await syncQuestionnaires(program(), { dryRun: true })).moved).toEqual([confirmed]);
    expect(await writes()).toBe(0);
    expect(await statusOf(confirmed)).toBe("参加確定");
    // Moved once, nothing is left to move: the second run writes nothing.
    await syncQuestionnaires(program());
    expect(await writes()).toBeGreaterThan(0);
    await kintone.sandbox.control("/__sandbox/stats/reset", {});
    expect((await syncQuestionnaires(program())).moved).toEqual([]);
    expect(await writes()).toBe(0);
  });
});

describe("advanceAfterQuestionnaire", () => {
  it("says what happened for a missing, an unconfirmed and a confirmed application", async () => {
    const winner = await application("当選");
    const confirmed = await application("参加確定");
    expect(await advanceAfterQuestionnaire(program(), "99999")).toEqual({
      outcome: "not-found",
    });
    expect((await advanceAfterQuestionnaire(program(), winner)).outcome).toBe("not-confirmed");
    expect(await statusOf(winner)).toBe("当選");
    expect((await advanceAfterQuestionnaire(program(), confirmed)).outcome).toBe("moved");
    expect(await statusOf(confirmed)).toBe("質問票回答済");
  });
});
