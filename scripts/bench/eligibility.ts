// Eligibility screening throughput: 100,000 synthetic applications in kintone REST format, read with
// applicationFromRecord and screened with screenApplications (batch duplicate rules included).
import { performance } from "node:perf_hooks";
import { applicationFromRecord, type KintoneRecordLike } from "../../src/core/application";
import { corporateNumberCheckDigit, screenApplications } from "../../src/core/eligibility";
import { defaultProgramSettings } from "../../src/core/settings/programSettings";
import { DECLARATIONS, INDUSTRIES, PARTICIPATION_CATEGORIES } from "../../src/core/vocabulary";
import { seededRandom } from "../../src/apps/demoApplications";

const COUNT = 100_000;
const ROUNDS = 3;

/** Mostly valid applications, with the mix a real round has: full-width input, a few duplicates and mistakes. */
function syntheticRecords(count: number): KintoneRecordLike[] {
  const random = seededRandom(20240712);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const opensAt = Date.parse("2024-07-11T15:00:00Z");
  const span = Date.parse("2024-08-09T08:30:00Z") - opensAt;
  return Array.from({ length: count }, (_, index) => {
    // About 1% reuse an earlier corporate number or phone number.
    const serial = random() < 0.01 && index > 0 ? Math.floor(random() * index) : index;
    const base = String(100_000_000_000 + serial);
    const corporateNumber = `${corporateNumberCheckDigit(`0${base}`)}${base}`;
    const phone = `03${String(10_000_000 + (random() < 0.01 ? serial : index)).slice(-8)}`;
    const soleProprietor = random() < 0.2;
    return {
      $id: { value: String(index + 1) },
      company_name: { value: `株式会社ベンチ${index}` },
      entity_type: { value: soleProprietor ? "個人事業主" : "会社" },
      corporate_number: { value: soleProprietor ? "" : corporateNumber },
      postal_code: { value: random() < 0.1 ? "１６３－８００１" : "163-8001" },
      prefecture: { value: random() < 0.02 ? "神奈川県" : "東京都" },
      address: { value: "東京都新宿区西新宿2-8-1" },
      industry: { value: pick(INDUSTRIES) },
      capital_yen: {
        value: String(Math.floor(random() * (random() < 0.95 ? 50 : 500)) * 1_000_000),
      },
      employees: { value: random() < 0.01 ? "多数" : String(Math.floor(random() * 120)) },
      participation_category: { value: pick(PARTICIPATION_CATEGORIES) },
      consent_survey: { value: random() < 0.02 ? [] : ["同意する"] },
      declarations: { value: random() < 0.02 ? DECLARATIONS.slice(1) : [...DECLARATIONS] },
      contact_email: { value: `user${index}@example.co.jp` },
      contact_phone: { value: phone },
      applied_at: { value: new Date(opensAt + Math.floor(random() * span)).toISOString() },
    };
  });
}

export async function run(): Promise<void> {
  const records = syntheticRecords(COUNT);
  const settings = defaultProgramSettings();
  const times: number[] = [];
  let statuses: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const results = screenApplications(
      records.map((record) => applicationFromRecord(record)),
      settings,
      { lang: "ja", now: new Date("2024-08-01T00:00:00Z") },
    );
    times.push(performance.now() - started);
    statuses = {};
    for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  const best = Math.min(...times);
  console.log(`records: ${COUNT.toLocaleString("en-US")} (batch rules included)`);
  console.log(`rounds (ms): ${times.map((time) => time.toFixed(0)).join(", ")}`);
  console.log(
    `best: ${best.toFixed(0)} ms = ${Math.round((COUNT / best) * 1000).toLocaleString("en-US")} records/s`,
  );
  console.log(`statuses: ${JSON.stringify(statuses)}`);
}
