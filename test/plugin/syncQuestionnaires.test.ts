/**
 * Questionnaires move confirmed applications to 質問票回答済, against the sandbox's REST API: the
 * apps as setupApps makes them, statuses reached by kintone's own actions.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KintoneRestAPIClient } from "@kintone/rest-api-client";
import type { ProgramAppIds } from "../../src/adapters/appIds";
import {
  advanceAfterQuestionnaire,
  syncQuestionnaires,
} from "../../src/adapters/screening/syncQuestionnaires";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { setupApps } from "../../src/setup/setupApps";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let sandbox: TestSandbox;
let admin: KintoneRestAPIClient;
let apps: ProgramAppIds;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  admin = sandbox.clientAs("admin");
  const cwd = mkdtempSync(path.join(tmpdir(), "followup-sync-"));
  ({ appIds: apps } = await setupApps(admin, {
    cwd,
    baseUrl: sandbox.baseUrl,
    pollIntervalMs: 20,
  }));
});
afterAll(() => sandbox.close());

const program = () => defaultProgram(admin, apps);

/** A new application taken to `status` by kintone's actions; its record id. */
async function application(status: "当選" | "参加確定"): Promise<string> {
  const { id } = await admin.record.addRecord({
    app: apps.applications,
    record: {
      company_name: { value: "株式会社テスト" },
      lottery_result: { value: "当選" },
      participation_intent: { value: "参加する" },
    },
  });
  const actions = status === "当選" ? ["当選登録"] : ["当選登録", "参加確定"];
  for (const action of actions) {
    await admin.record.updateRecordStatus({ app: apps.applications, id, action });
  }
  return id;
}

const questionnaire = (applicationNo: string) =>
  admin.record.addRecord({
    app: apps.questionnaires,
    record: { application_no: { value: applicationNo } },
  });

async function statusOf(id: string): Promise<string> {
  const { record } = await admin.record.getRecord({ app: apps.applications, id });
  return String(record["ステータス"]?.value);
}

/** Writing requests the sandbox received since the last stats reset (a bulk request is one). */
async function writes(): Promise<number> {
  const { requests } = (await sandbox.control("/__sandbox/stats")) as {
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
    await sandbox.control("/__sandbox/stats/reset", {});
    expect((await syncQuestionnaires(program(), { dryRun: true })).moved).toEqual([confirmed]);
    expect(await writes()).toBe(0);
    expect(await statusOf(confirmed)).toBe("参加確定");
    // Moved once, nothing is left to move: the second run writes nothing.
    await syncQuestionnaires(program());
    expect(await writes()).toBeGreaterThan(0);
    await sandbox.control("/__sandbox/stats/reset", {});
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
