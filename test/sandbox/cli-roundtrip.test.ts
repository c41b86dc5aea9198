/**
 * @kintone/cli (cli-kintone) against the sandbox, unchanged: export an app's records to CSV
 * (with attachments) and import them into a second app with the same fields. cli-kintone talks
 * plain http to `localhost`; its record commands do not look at NODE_ENV (only `plugin pack`
 * does), so running under jest (NODE_ENV=test) is fine.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createApplicationsApp } from "./records-fixtures";

const run = promisify(execFile);
const CLI = join(__dirname, "../../node_modules/.bin/cli-kintone");

let sandbox: TestSandbox;
let dir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), "cli-roundtrip-"));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const auth = ["--base-url", sandbox.baseUrl, "--username", "admin", "--password", "admin"];
  return run(CLI, [...args, ...auth], { maxBuffer: 64 * 1024 * 1024 });
}

test("record export → record import copies every value, attachments included", async () => {
  const admin = sandbox.clientAs("admin");
  const source = await createApplicationsApp(admin);
  const target = await createApplicationsApp(admin);
  const { fileKey } = await admin.file.uploadFile({
    file: { name: "bundle.json", data: '{"seed":"ab"}' },
  });
  await admin.record.addRecords({
    app: source,
    records: [
      {
        company_name: { value: '東京, "商事"' },
        employees: { value: "12" },
        declarations: { value: ["ア", "イ"] },
        notes: { value: "一行目\n二行目" },
        applied_at: { value: "2024-08-09T08:00:00Z" },
        bundle: { value: [{ fileKey }] },
      },
      {
        company_name: { value: "大阪" },
        visit_date: { value: "2024-09-01" },
        industry: { value: "小売業" },
      },
    ],
  });

  const attachments = join(dir, "files");
  const exported = await cli([
    "record",
    "export",
    "--app",
    source,
    "--attachments-dir",
    attachments,
  ]);
  const csv = join(dir, "records.csv");
  writeFileSync(csv, exported.stdout);
  expect(exported.stdout.split("\n")[0]).toContain('"company_name"');

  await cli([
    "record",
    "import",
    "--app",
    target,
    "--file-path",
    csv,
    "--attachments-dir",
    attachments,
  ]);

  const fields = [
    "company_name",
    "employees",
    "declarations",
    "notes",
    "applied_at",
    "visit_date",
    "industry",
  ];
  const read = async (app: string) =>
    (
      await admin.record.getRecords({
        app,
        query: "order by $id asc",
        fields: [...fields, "bundle"],
      })
    ).records;
  const [before, after] = [await read(source), await read(target)];
  expect(after).toHaveLength(2);
  for (const [i, record] of after.entries()) {
    for (const code of fields)
      expect([code, record[code]?.value]).toEqual([code, before[i]?.[code]?.value]);
  }
  const [copied] = after[0]?.bundle?.value as Array<{ fileKey: string; name: string }>;
  expect(copied?.name).toBe("bundle.json");
  const data = await admin.file.downloadFile({ fileKey: copied?.fileKey ?? "" });
  expect(Buffer.from(data).toString("utf8")).toBe('{"seed":"ab"}');
  expect(readFileSync(csv, "utf8")).toContain("一行目");
}, 60_000);

test("record import --update-key upserts: updates the matching record, adds the new one", async () => {
  const admin = sandbox.clientAs("admin");
  const app = await createApplicationsApp(admin);
  const { id } = await admin.record.addRecord({
    app,
    record: { company_name: { value: "更新前" }, corporate_number: { value: "1111111111111" } },
  });
  const csv = join(dir, "upsert.csv");
  writeFileSync(
    csv,
    '"corporate_number","company_name"\n"1111111111111","更新後"\n"2222222222222","新規"\n',
  );
  await cli([
    "record",
    "import",
    "--app",
    app,
    "--file-path",
    csv,
    "--update-key",
    "corporate_number",
  ]);
  const { records } = await admin.record.getRecords({ app, query: "order by $id asc" });
  expect(
    records.map((r) => [r.$id?.value, r.company_name?.value, r.corporate_number?.value]),
  ).toEqual([
    [id, "更新後", "1111111111111"],
    [String(Number(id) + 1), "新規", "2222222222222"],
  ]);
  expect(records[0]?.$revision?.value).toBe("2");
}, 60_000);
