import { startProgramSandbox, type ProgramSandbox } from "../operations/support/program";

/** A booking written over REST bypasses the screens; `followup audit` names it. */
describe("followup audit and visits", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox({ demo: false });
  });
  afterAll(() => program.close());

  const book = (company: string, visit: Record<string, string>) =>
    program.admin.record.addRecord({
      app: program.apps.applications,
      record: Object.fromEntries(
        Object.entries({ company_name: company, ...visit }).map(([code, value]) => [
          code,
          { value },
        ]),
      ),
    });

  it("passes good bookings and names a holiday visit and an expert's double booking", async () => {
    await book("株式会社よい日", {
      visit_date: "2024-09-17",
      visit_start: "10:00",
      visit_minutes: "90",
      expert_name: "山田 太郎",
    });
    const clean = await program.followup(["audit"]);
    expect(clean.stdout).not.toContain("VISIT_BOOKING_INVALID");

    const { id } = await book("株式会社元日訪問", {
      visit_date: "2025-01-01",
      visit_start: "10:00",
      visit_minutes: "60",
      expert_name: "鈴木 花子",
    });
    await book("株式会社重複", {
      visit_date: "2024-09-17",
      visit_start: "11:00",
      visit_minutes: "60",
      expert_name: "山田太郎",
    });
    const result = await program.followup(["audit"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("訪問予定が訪問の条件に合わない (VISIT_BOOKING_INVALID): 3");
    expect(result.stdout).toContain(`レコードID ${id}`);
    expect(result.stdout).toMatch(/「株式会社元日訪問」の訪問予定: .*祝日（元日）/);
    expect(result.stdout).toMatch(/「株式会社重複」の訪問予定: .*「株式会社よい日」/);
  });
});
