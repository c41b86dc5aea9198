import { readAllRecords } from "../../src/adapters/applications";
import { type ProgramSandbox, startProgramSandbox } from "./support/program";

describe("readAllRecords", () => {
  let program: ProgramSandbox;
  beforeAll(async () => {
    program = await startProgramSandbox({ demo: false });
    const records = Array.from({ length: 1000 }, (_, i) => ({
      company_name: { value: `株式会社${i + 1}` },
      employees: { value: String(i % 7) },
    }));
    await program.admin.record.addAllRecords({ app: program.apps.applications, records });
  });
  afterAll(() => program.close());

  it("reads a multiple of 500 in exactly N/500 requests, in $id order", async () => {
    await program.resetStats();
    const pages: number[] = [];
    const records = await readAllRecords(program.admin, {
      app: program.apps.applications,
      fields: ["company_name"],
      onPage: (read) => pages.push(read),
    });
    expect(records).toHaveLength(1000);
    expect(pages).toEqual([500, 1000]);
    const ids = records.map((record) => Number(record.$id?.value));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(1000);
    expect((await program.stats())["GET records"]).toBe(2);
  });

  it("keeps to a condition and retries a 503", async () => {
    await program.sandbox.control("/__sandbox/faults", { status: 503, next: 1 });
    const records = await readAllRecords(program.admin, {
      app: program.apps.applications,
      condition: "employees = 0",
      retry: { sleep: async () => undefined },
    });
    expect(records).toHaveLength(143);
    expect(records.every((record) => record.employees?.value === "0")).toBe(true);
  });
});
