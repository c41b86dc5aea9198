import {
  advanceAfterQuestionnaire,
  syncQuestionnaires,
} from "../../src/adapters/screening/syncQuestionnaires";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import type { KintoneClient } from "../../src/adapters/kintoneClient";
import { fakeClient } from "./support/fakeClient";

const programOf = (client: KintoneClient) =>
  defaultProgram(client, { applications: 1, questionnaires: 2 });

const application = (id: number, status: string) => ({
  $id: { value: String(id) },
  application_no: { value: String(id) },
  ステータス: { type: "STATUS", value: status },
});
const questionnaire = (id: number, applicationNo: number) => ({
  $id: { value: String(id) },
  application_no: { value: String(applicationNo) },
});

describe("syncQuestionnaires", () => {
  it("moves only confirmed applications that have a questionnaire, with 質問票回答", async () => {
    const { client, mock } = fakeClient({
      1: [application(1, "参加確定"), application(2, "参加確定"), application(3, "当選")],
      2: [questionnaire(10, 1), questionnaire(11, 3)],
    });
    const result = await syncQuestionnaires(programOf(client));
    expect(result).toEqual({ moved: ["1"], waiting: ["2"] });
    expect(mock.bulkRequest).toHaveBeenCalledWith({
      requests: [
        {
          method: "PUT",
          endpointName: "records/status",
          payload: { app: 1, records: [{ id: "1", action: "質問票回答" }] },
        },
      ],
    });
  });

  it("a dry run and a round with nothing to move write nothing", async () => {
    const { client, mock } = fakeClient({
      1: [application(1, "参加確定")],
      2: [questionnaire(5, 1)],
    });
    expect((await syncQuestionnaires(programOf(client), { dryRun: true })).moved).toEqual(["1"]);
    const empty = fakeClient({ 1: [application(1, "参加確定")], 2: [] });
    await syncQuestionnaires(programOf(empty.client));
    expect(mock.bulkRequest).not.toHaveBeenCalled();
    expect(empty.mock.bulkRequest).not.toHaveBeenCalled();
  });
});

describe("advanceAfterQuestionnaire", () => {
  it("says what happened for a missing, an unconfirmed and a confirmed application", async () => {
    const { client, mock } = fakeClient({
      1: [application(4, "当選"), application(5, "参加確定")],
    });
    expect(await advanceAfterQuestionnaire(programOf(client), "99")).toEqual({
      outcome: "not-found",
    });
    expect((await advanceAfterQuestionnaire(programOf(client), "4")).outcome).toBe("not-confirmed");
    expect((await advanceAfterQuestionnaire(programOf(client), "5")).outcome).toBe("moved");
    expect(mock.record.updateRecordStatus).toHaveBeenCalledTimes(1);
  });
});
