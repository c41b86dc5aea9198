import type { KintoneClient } from "../../src/adapters/kintoneClient";
import { defaultProgram } from "../../src/adapters/defaultProgram";
import { confirmIneligible } from "../../src/adapters/screening/decisions";
import {
  screenAllApplications,
  screeningState,
} from "../../src/adapters/screening/screenAllApplications";
import {
  defaultProgramSettings,
  type ProgramSettings,
} from "../../src/core/settings/programSettings";
import { validApplicationValues } from "./support/applications";

type Fields = Record<string, { value: unknown; type?: string }>;

function application(id: number, overrides: Record<string, unknown> = {}): Fields {
  const values = validApplicationValues({
    company_name: `株式会社テスト${id}`,
    contact_email: `user${id}@example.jp`,
    contact_phone: `03-1234-${String(1000 + id)}`,
    eligibility: "未判定",
    ...overrides,
  });
  const record: Fields = {
    $id: { type: "__ID__", value: String(id) },
    $revision: { type: "__REVISION__", value: "1" },
    application_no: { type: "RECORD_NUMBER", value: String(id) },
    ステータス: { type: "STATUS", value: (overrides.status as string) ?? "申込受付" },
  };
  for (const [code, value] of Object.entries(values))
    if (code !== "status" && code !== "application_no") record[code] = { value };
  return record;
}

function fakeClient(records: Fields[]) {
  const bulkCalls: Array<
    Array<{ endpointName: string; payload: { records: Array<Record<string, unknown>> } }>
  > = [];
  const client = {
    record: {
      getRecords: jest.fn(async ({ query }: { query: string }) => {
        const lastId = Number(/\$id > (\d+)/.exec(query)?.[1] ?? 0);
        return { records: records.filter((r) => Number(r.$id?.value) > lastId).slice(0, 500) };
      }),
    },
    bulkRequest: jest.fn(async ({ requests }: { requests: (typeof bulkCalls)[number] }) => {
      bulkCalls.push(requests);
      return {
        results: requests.map((r) => ({
          records: r.payload.records.map((rec) => ({ id: rec.id, revision: "2" })),
        })),
      };
    }),
  };
  return { client: client as unknown as KintoneClient, bulkCalls, raw: client };
}

/** The Program of app 1 over a fake client, with these rules and this language. */
function programOf(
  client: KintoneClient,
  settings: ProgramSettings = defaultProgramSettings(),
  lang: "ja" | "en" = "ja",
) {
  return defaultProgram(
    client,
    { applications: 1 },
    { lang, adjust: (c) => (c.program = settings) },
  );
}

describe("screenAllApplications (screening proposes, people decide)", () => {
  const settings = defaultProgramSettings();
  const now = new Date("2024-08-10T00:00:00Z");

  it("writes proposals only where they change and never moves a status", async () => {
    const records = [
      application(1),
      application(2, { contact_phone: "03-1234-5678（内線12）" }),
      application(3, { status: "対象外" }),
    ];
    const { client, bulkCalls } = fakeClient(records);
    const summary = await screenAllApplications(programOf(client, settings), { now });
    expect(summary.read).toBe(3);
    expect(summary.screened).toBe(2);
    expect(summary.counts).toEqual({ eligible: 1, review: 0, ineligible: 1 });
    expect(summary.proposedIneligible.map((e) => e.id)).toEqual(["2"]);
    expect(summary.proposedIneligible[0]?.violations[0]?.message).toContain(
      "内線番号などは書かないでください",
    );
    expect(bulkCalls).toHaveLength(1);
    const apis = bulkCalls.flat().map((request) => request.endpointName);
    expect(apis).toEqual(["records"]);
    const written = bulkCalls[0]?.[0]?.payload.records ?? [];
    expect(written.map((r) => [r.id, r.revision])).toEqual([
      ["1", "1"],
      ["2", "1"],
    ]);
    const second = JSON.stringify(written[1]);
    expect(second).toContain("対象外");
    expect(second).toMatch(/"screening_signature":\{"value":"s1:[0-9a-f]{64}"\}/);
    expect(second).not.toContain("PHONE_FORMAT");
  });

  it("writes nothing again for the same data, in either language", async () => {
    const { client } = fakeClient([
      application(1),
      application(2, { address: "神奈川県横浜市1-1" }),
    ]);
    const first = await screenAllApplications(programOf(client, settings), { now, dryRun: true });
    const stored = [1, 2].map((id, index) => {
      const entry = first.entries[index];
      return application(id, {
        ...(id === 2 ? { address: "神奈川県横浜市1-1" } : {}),
        eligibility: entry?.after,
        eligibility_notes: entry?.notes,
        screening_signature: entry?.signature,
      });
    });
    for (const lang of ["ja", "en"] as const) {
      const again = fakeClient(stored);
      const summary = await screenAllApplications(programOf(again.client, settings, lang), { now });
      expect(summary.changed).toEqual([]);
      expect(again.bulkCalls).toEqual([]);
    }
  });

  it("a dry run writes nothing; onlyUnscreened leaves screened records alone", async () => {
    const records = [application(1), application(2, { eligibility: "要確認" })];
    const { client, bulkCalls } = fakeClient(records);
    const dry = await screenAllApplications(programOf(client, settings), { now, dryRun: true });
    expect(dry.changed.map((c) => c.id)).toEqual(["1", "2"]);
    expect(bulkCalls).toEqual([]);
    const only = await screenAllApplications(programOf(client, settings), {
      now,
      onlyUnscreened: true,
      dryRun: true,
    });
    expect(only.changed.map((c) => c.id)).toEqual(["1"]);
  });

  it("splits writes into 100 records per request and 20 requests per bulkRequest", async () => {
    const records = Array.from({ length: 2101 }, (_, i) => application(i + 1));
    const { client, bulkCalls } = fakeClient(records);
    await screenAllApplications(programOf(client, settings), { now });
    expect(bulkCalls.map((bulk) => bulk.length)).toEqual([20, 2]);
    expect(bulkCalls[1]?.[1]?.payload.records).toHaveLength(1);
  });

  it("a corrected re-application is not a duplicate of an excluded (対象外) one", async () => {
    const shared = { corporate_number: "7010705000725", company_name: "株式会社あおば" };
    const records = [
      application(1, { ...shared, status: "対象外", contact_phone: "03-1234-5678（内線12）" }),
      application(2, shared),
    ];
    const { client } = fakeClient(records);
    const summary = await screenAllApplications(programOf(client, settings), { now, dryRun: true });
    expect(summary.entries.map((e) => [e.id, e.proposal])).toEqual([["2", "eligible"]]);
  });

  describe("a person's decision", () => {
    const warned = { address: "神奈川県横浜市西区1-1" };
    const screened = async (overrides: Record<string, unknown>, lang: "ja" | "en" = "ja") => {
      const { client } = fakeClient([application(1, overrides)]);
      const summary = await screenAllApplications(programOf(client, settings, lang), {
        now,
        dryRun: true,
      });
      return summary.entries[0];
    };

    it("holds while the signature is unchanged, in either language and with another template", async () => {
      const entry = await screened(warned);
      const decided = {
        ...warned,
        eligibility: "要確認",
        eligibility_notes: entry?.notes,
        screening_signature: entry?.signature,
        staff_decision: "適格とする",
        staff_decision_reason: "本社は都内（登記簿で確認）",
      };
      const templated = defaultProgramSettings();
      templated.messages = { ADDRESS_PREFECTURE_MISMATCH: { ja: "所在地を確認。", en: "Check." } };
      for (const [lang, custom] of [
        ["en", settings],
        ["ja", settings],
        ["ja", templated],
      ] as const) {
        const { client, bulkCalls } = fakeClient([application(1, decided)]);
        const summary = await screenAllApplications(programOf(client, custom, lang), { now });
        expect(summary.decidedByStaff.map((e) => [e.id, e.effective])).toEqual([["1", "eligible"]]);
        expect(summary.needsReview).toEqual([]);
        expect(bulkCalls).toEqual([]);
      }
    });

    it("is flagged when the data under it changed, and stays flagged", async () => {
      const entry = await screened(warned);
      const decided = {
        ...warned,
        employees: "6",
        eligibility: "要確認",
        eligibility_notes: entry?.notes,
        screening_signature: entry?.signature,
        staff_decision: "適格とする",
        staff_decision_reason: "確認済み",
      };
      const { client, bulkCalls } = fakeClient([application(1, decided)]);
      const summary = await screenAllApplications(programOf(client, settings), { now });
      expect(summary.flagged.map((e) => e.id)).toEqual(["1"]);
      expect(summary.decidedByStaff).toEqual([]);
      const write = bulkCalls[0]?.[0]?.payload.records[0] as {
        record: Record<string, { value: string }>;
      };
      expect(write.record.eligibility_notes?.value).toMatch(
        /^【要確認】事務局の判断の後に申込内容が変わりました/,
      );
      // The old signature stays, so the next screening flags it again.
      expect(write.record.screening_signature?.value).toBe(entry?.signature);
    });

    it("once a person keeps the decision for the new data, the flag line goes with the next write", async () => {
      const entry = await screened(warned);
      const kept = {
        ...warned,
        eligibility: "要確認",
        eligibility_notes: `【要確認】事務局の判断の後に申込内容が変わりました。判断を見直してください。\n${entry?.notes}`,
        screening_signature: entry?.signature,
        staff_decision: "適格とする",
        staff_decision_reason: "確認済み",
      };
      const { client, bulkCalls } = fakeClient([application(1, kept)]);
      const summary = await screenAllApplications(programOf(client, settings), { now });
      expect(summary.decidedByStaff.map((e) => e.id)).toEqual(["1"]);
      const write = bulkCalls[0]?.[0]?.payload.records[0] as {
        record: Record<string, { value: string }>;
      };
      expect(write.record.eligibility_notes?.value).toBe(entry?.notes);
    });

    it("screeningState: a holding 適格とする is in the pool, a flagged one keeps the draw waiting", async () => {
      const entry = await screened(warned);
      const decided = {
        ...warned,
        eligibility: "要確認",
        screening_signature: entry?.signature,
        staff_decision: "適格とする",
        staff_decision_reason: "確認済み",
      };
      const records = [
        application(1, decided),
        application(2, { ...decided, employees: "6" }),
        application(3),
        application(4, warned),
      ];
      const { client, bulkCalls } = fakeClient(records);
      const state = await screeningState(programOf(client, settings));
      expect(state).toEqual({ eligible: ["1", "3"], pending: ["4", "2"] });
      expect(bulkCalls).toEqual([]);
    });

    it("対象外とする makes an eligible proposal wait for confirmation", async () => {
      const entry = await screened({});
      const decided = {
        eligibility: "適格",
        eligibility_notes: "",
        screening_signature: entry?.signature,
        staff_decision: "対象外とする",
        staff_decision_reason: "虚偽の申告",
      };
      const { client } = fakeClient([application(1, decided)]);
      const summary = await screenAllApplications(programOf(client, settings), { now });
      expect(summary.proposedIneligible.map((e) => [e.id, e.proposal, e.effective])).toEqual([
        ["1", "eligible", "ineligible"],
      ]);
    });
  });

  it("confirmIneligible registers every confirmed record in one bulk request with its revision", async () => {
    const { client, bulkCalls } = fakeClient([]);
    const progress: Array<[number, number]> = [];
    const records = Array.from({ length: 250 }, (_, i) => ({ id: String(i + 1), revision: "3" }));
    await confirmIneligible(programOf(client), {
      records,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(bulkCalls).toHaveLength(1);
    expect(bulkCalls[0]?.map((r) => [r.endpointName, r.payload.records.length])).toEqual([
      ["records/status", 100],
      ["records/status", 100],
      ["records/status", 50],
    ]);
    expect(bulkCalls[0]?.[0]?.payload.records[0]).toEqual({
      id: "1",
      action: "対象外登録",
      revision: "3",
    });
    expect(progress).toEqual([
      [0, 250],
      [250, 250],
    ]);
  });
});
