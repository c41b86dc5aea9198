import { readFileSync } from "node:fs";
import path from "node:path";
import ICAL from "ical.js";
import { calendarVisitsOf } from "../../src/core/visits";
import { STATES } from "../../src/core/vocabulary";
import { startProgramSandbox, type ProgramSandbox } from "../operations/support/program";

interface ReadEvent {
  uid: string;
  summary: string;
  location: string;
  zone: string;
  start: number;
  end: number;
  status: string;
}

/** Reads a file back with ical.js, its own VTIMEZONE registered, as a calendar program would. */
function readCalendar(file: string): ReadEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      zone: event.startDate.zone?.tzid ?? "",
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      status: String(component.getFirstPropertyValue("status")),
    };
  });
}

describe("followup export visits", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox({ demo: false });
    const book = (company: string, address: string, visit: string[]) =>
      program.admin.record.addRecord({
        app: program.apps.applications,
        record: {
          company_name: { value: company },
          address: { value: address },
          visit_date: { value: visit[0] },
          visit_start: { value: visit[1] },
          visit_minutes: { value: visit[2] },
          expert_name: { value: visit[3] },
        },
      });
    await book("株式会社あさひ; 本社", "東京都千代田区1-1, 3階", [
      "2024-09-17",
      "10:00",
      "90",
      "山田 太郎",
    ]);
    await book("合同会社ゆうひ", "東京都港区2-2", ["2024-09-18", "16:00", "60", "鈴木 花子"]);
    await book("株式会社みちゅう", "", ["2024-09-19", "", "", ""]);
  });
  afterAll(() => program.close());

  it("writes an iCalendar file read back with the right Japan times and the same UIDs every time", async () => {
    const first = path.join(program.cwd, "visits-1.ics");
    const second = path.join(program.cwd, "visits-2.ics");
    const run1 = await program.followup(["export", "visits", "--out", first]);
    expect(run1.code).toBe(0);
    expect(run1.stdout).toContain("2 件の訪問");
    expect(run1.stderr).toContain("株式会社みちゅう");
    expect((await program.followup(["export", "visits", "--out", second])).code).toBe(0);

    const events = readCalendar(first);
    expect(events).toHaveLength(2);
    const [asahi, yuhi] = events;
    expect(asahi).toMatchObject({
      summary: "訪問: 株式会社あさひ; 本社（山田 太郎）",
      location: "東京都千代田区1-1, 3階",
      zone: "Asia/Tokyo",
      status: "CONFIRMED",
      start: Date.parse("2024-09-17T10:00:00+09:00"),
      end: Date.parse("2024-09-17T11:30:00+09:00"),
    });
    expect(yuhi?.start).toBe(Date.parse("2024-09-18T16:00:00+09:00"));
    expect(yuhi?.end).toBe(Date.parse("2024-09-18T17:00:00+09:00"));
    expect(readCalendar(second).map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(new Set(events.map((e) => e.uid)).size).toBe(2);
    expect(
      readFileSync(first, "utf8")
        .split("\r\n")
        .every((line) => Buffer.byteLength(line) <= 75),
    ).toBe(true);
  });

  it("writes one expert's visits with --expert, whatever the spacing of the name", async () => {
    const file = path.join(program.cwd, "yamada.ics");
    const run = await program.followup([
      "export",
      "visits",
      "--out",
      file,
      "--expert",
      "山田　太郎",
    ]);
    expect(run.code).toBe(0);
    expect(readCalendar(file).map((e) => e.summary)).toEqual([
      "訪問: 株式会社あさひ; 本社（山田 太郎）",
    ]);
  });

  it("marks a declined application's visit cancelled under the same UID", () => {
    const record = (status: string) => ({
      $id: { value: "7" },
      $revision: { value: "3" },
      ステータス: { type: "STATUS", value: status },
      company_name: { value: "株式会社辞退" },
      visit_date: { value: "2024-09-17" },
      visit_start: { value: "10:00" },
      visit_minutes: { value: "60" },
      expert_name: { value: "山田 太郎" },
    });
    const [booked] = calendarVisitsOf([record(STATES.questionnaireDone)], "1", STATES).visits;
    const [declined] = calendarVisitsOf([record(STATES.declined)], "1", STATES).visits;
    expect(booked?.cancelled).toBe(false);
    expect(declined?.cancelled).toBe(true);
    expect(declined?.recordId).toBe(booked?.recordId);
  });
});
