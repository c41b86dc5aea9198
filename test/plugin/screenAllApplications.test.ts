import type { KintoneClient } from "../../src/adapters/kintoneClient";
import { screenAllApplications } from "../../src/adapters/screening/screenAllApplications";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
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

describe("screenAllApplications", () => {
  const settings = defaultProgramSettings();
  const now = new Date("2024-08-10T00:00:00Z");

  it("writes results only where they change and moves 対象外 records with 対象外登録", async () => {
    const records = [
      application(1),
      application(2, { prefecture: "神奈川県", address: "神奈川県横浜市" }),
      application(3, { eligibility: "適格" }),
      application(4, { status: "当選", eligibility: "適格" }),
    ];
    const { client, bulkCalls } = fakeClient(records);
    const summary = await screenAllApplications(client, { appId: 1, settings, now });
    expect(summary.read).toBe(4);
    expect(summary.screened).toBe(3);
    expect(summary.counts).toEqual({ eligible: 2, review: 0, ineligible: 1 });
    expect(summary.changed.map((c) => [c.id, c.after])).toEqual([
      ["1", "適格"],
      ["2", "対象外"],
    ]);
    expect(summary.movedToIneligible).toEqual(["2"]);
    const [writes, moves] = bulkCalls;
    expect(writes?.[0]?.endpointName).toBe("records");
    const written = writes?.[0]?.payload.records ?? [];
    expect(written.map((r) => [r.id, r.revision])).toEqual([
      ["1", "1"],
      ["2", "1"],
    ]);
    expect(JSON.stringify(written[1])).toContain("東京都内に主たる事業所");
    expect(moves?.[0]).toMatchObject({
      endpointName: "records/status",
      payload: { records: [{ id: "2", action: "対象外登録" }] },
    });
  });

  it("a dry run writes nothing; onlyUnscreened leaves screened records alone", async () => {
    const records = [
      application(1),
      application(2, { eligibility: "要確認", eligibility_notes: "x" }),
    ];
    const dry = fakeClient(records);
    const summary = await screenAllApplications(dry.client, {
      appId: 1,
      settings,
      now,
      dryRun: true,
    });
    expect(summary.changed).toHaveLength(2);
    expect(dry.bulkCalls).toHaveLength(0);
    const only = fakeClient(records);
    const partial = await screenAllApplications(only.client, {
      appId: 1,
      settings,
      now,
      onlyUnscreened: true,
    });
    expect(partial.changed.map((c) => c.id)).toEqual(["1"]);
  });

  it("splits writes into 100 records per request and 20 requests per bulkRequest", async () => {
    const records = Array.from({ length: 2101 }, (_, i) => application(i + 1));
    const { client, bulkCalls, raw } = fakeClient(records);
    const progress: number[] = [];
    await screenAllApplications(client, {
      appId: 1,
      settings,
      now,
      onProgress: (done) => progress.push(done),
    });
    expect(raw.record.getRecords).toHaveBeenCalledTimes(5);
    expect(bulkCalls.map((requests) => requests.length)).toEqual([20, 2]);
    expect(bulkCalls[1]?.[1]?.payload.records).toHaveLength(1);
    expect(progress).toEqual([2000, 2101]);
  });

  describe("a person's decision on a 要確認 application", () => {
    // The address names another prefecture: a warning only, so the rules give 要確認.
    const warned = { address: "神奈川県横浜市西区1-1" };
    const computedNotes = async () => {
      const { client } = fakeClient([application(1, warned)]);
      const summary = await screenAllApplications(client, {
        appId: 1,
        settings,
        now,
        dryRun: true,
      });
      return summary.needsReview[0]?.notes ?? "";
    };

    it("is kept while the data is unchanged; a kept 対象外 still moves with its revision", async () => {
      const notes = await computedNotes();
      expect(notes).toContain("所在地が「神奈川県」で始まって");
      const records = [
        application(1, { ...warned, eligibility: "適格", eligibility_notes: notes }),
        application(2, { ...warned, eligibility: "対象外", eligibility_notes: notes }),
        application(3, { ...warned, eligibility: "要確認", eligibility_notes: notes }),
      ];
      const { client, bulkCalls } = fakeClient(records);
      const summary = await screenAllApplications(client, { appId: 1, settings, now });
      expect(summary.counts).toEqual({ eligible: 1, review: 1, ineligible: 1 });
      expect(summary.decidedByStaff.map((c) => [c.id, c.after])).toEqual([
        ["1", "適格"],
        ["2", "対象外"],
      ]);
      expect(summary.needsReview.map((c) => c.id)).toEqual(["3"]);
      expect(summary.changed).toEqual([]);
      expect(summary.movedToIneligible).toEqual(["2"]);
      expect(bulkCalls).toHaveLength(1);
      expect(bulkCalls[0]?.[0]).toMatchObject({
        endpointName: "records/status",
        payload: { records: [{ id: "2", action: "対象外登録", revision: "1" }] },
      });
    });

    it("is decided again when the data changed or the rules now give an error", async () => {
      const notes = await computedNotes();
      const records = [
        // Notes differ: something about the application changed since the person decided.
        application(1, { ...warned, eligibility: "適格", eligibility_notes: "古いメモ" }),
        // An error now (outside Tokyo): the person's 適格 cannot stand.
        application(2, {
          ...warned,
          prefecture: "神奈川県",
          eligibility: "適格",
          eligibility_notes: notes,
        }),
      ];
      const { client, bulkCalls } = fakeClient(records);
      const summary = await screenAllApplications(client, { appId: 1, settings, now });
      expect(summary.decidedByStaff).toEqual([]);
      expect(summary.changed.map((c) => [c.id, c.before, c.after])).toEqual([
        ["1", "適格", "要確認"],
        ["2", "適格", "対象外"],
      ]);
      // The move carries the revision returned by the field update that just wrote the record.
      expect(bulkCalls[1]?.[0]).toMatchObject({
        endpointName: "records/status",
        payload: { records: [{ id: "2", action: "対象外登録", revision: "2" }] },
      });
    });
  });
});
