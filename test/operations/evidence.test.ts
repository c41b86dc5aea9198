import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AuditFindings } from "../../src/core/audit/report";
import { buildEvidence, type EvidenceLogEntry } from "../../src/core/export/evidence";
import {
  buildBundle,
  entryHash,
  GENESIS_HASH,
  poolFingerprint,
  verifyBundle,
  verifyChain,
} from "../../src/core/lottery";
import { parseCsv } from "./support/parseCsv";

const SEED = "5f".repeat(32);

const application = (id: number, eligibility: string, status: string, notes = "") => ({
  $id: { value: String(id) },
  application_no: { value: String(id) },
  company_name: { value: `会社${id}` },
  eligibility: { value: eligibility },
  eligibility_notes: { value: notes },
  ステータス: { type: "STATUS", value: status },
});

const CLEAN_AUDIT = {
  counts: { applications: 7, questionnaires: 0, logEntries: 2 },
  violations: [],
  drawMismatches: [],
  visitProblems: [],
  chain: { ok: true },
  bundles: [],
  logFindings: [],
  chainHead: "c".repeat(64),
} as const;

async function evidenceFolder(
  audit: AuditFindings = CLEAN_AUDIT,
  promotedRank: number | undefined = 3,
) {
  const bundle = await buildBundle({ seed: SEED, quota: 2, ids: [3, 10, 4, 12, 7] });
  const draw: EvidenceLogEntry = {
    sequence: 1,
    run_id: "run-1",
    kind: "抽選",
    algorithm: bundle.algorithm,
    seed: bundle.seed,
    pool_fingerprint: bundle.pool_fingerprint,
    pool_size: 5,
    quota: 2,
    pool: bundle.pool,
    ranking: bundle.ranking,
    reason: "",
    previous_hash: GENESIS_HASH,
    entry_hash: "",
    state: "完了",
    createdAt: "2024-08-21T01:00:00Z",
    createdBy: "事務局A",
  };
  const promotion: EvidenceLogEntry = {
    ...draw,
    sequence: 2,
    run_id: "run-1-p1",
    kind: "繰り上げ",
    seed: "",
    pool: null,
    ranking: { declined: ["3"], promoted: [{ key: "10", rank: promotedRank, waitlist_no: 1 }] },
    reason: "辞退のため",
  };
  draw.entry_hash = await entryHash(draw);
  promotion.previous_hash = draw.entry_hash;
  promotion.entry_hash = await entryHash(promotion);
  const applications = [
    ...[3, 4, 7, 10, 12].map((id) => application(id, "適格", "当選")),
    application(5, "対象外", "対象外", "主たる事業所が東京都ではありません"),
    application(6, "適格", "辞退"),
  ];
  const files = await buildEvidence({
    draw,
    bundle,
    bundleVerdict: await verifyBundle(bundle),
    log: [draw, promotion],
    chain: await verifyChain([draw, promotion]),
    applications,
    programSettings: { quota: 2 },
    audit,
    exportedAt: "2024-08-22T00:00:00.000Z",
  });
  const dir = mkdtempSync(path.join(tmpdir(), "evidence-"));
  for (const file of files) writeFileSync(path.join(dir, file.name), file.content);
  return { dir, bundle, read: (name: string) => readFileSync(path.join(dir, name), "utf8") };
}

const rows = (csv: string) => parseCsv(csv.replace(/^\uFEFF/, ""));

describe("evidence folder", () => {
  it("gives promotions their rank (also from the draw when an old entry lacks it), times in JST", async () => {
    for (const logged of [3, undefined]) {
      const { read } = await evidenceFolder(CLEAN_AUDIT, logged);
      const events = read("events.csv");
      expect(events).toContain("繰り上げ: レコード 10（順位 3・補欠順位 1）");
      expect(events).toContain("2024-08-21 10:00 (+09:00)");
      for (const name of ["README.md", "events.csv", "settings.json"]) {
        expect(read(name)).not.toContain("undefined");
      }
      expect(read("README.md")).toContain("| 抽選日時 | 2024-08-21 10:00 (+09:00) |");
      expect(read("README.md")).toContain("| 出力日時 | 2024-08-22 09:00 (+09:00) |");
      expect(JSON.parse(read("settings.json")).drawn_at).toBe("2024-08-21T10:00:00+09:00");
    }
  });

  it("says in its summary what followup audit says", async () => {
    const clean = await evidenceFolder();
    expect(clean.read("README.md")).toContain("| 申込と抽選記録の監査 | 問題なし");
    expect(clean.read("README.md")).toContain(`| 抽選記録のチェーンの先頭 | ${"c".repeat(64)} |`);
    const troubled = await evidenceFolder({
      ...CLEAN_AUDIT,
      logFindings: [{ id: "PLACES_OVER_QUOTA", message: { ja: "x", en: "x" } }],
    });
    expect(troubled.read("README.md")).toContain(
      "| 申込と抽選記録の監査 | 問題 1 件（followup audit と同じ確認）: 当選枠を超える当選・参加 (PLACES_OVER_QUOTA) |",
    );
  });

  it("lists every application with why it was left out of the pool", async () => {
    const { read } = await evidenceFolder();
    const pool = rows(read("pool.csv"));
    expect(pool[0]).toEqual([
      "レコードID",
      "受付番号",
      "企業名",
      "審査結果",
      "現在の状態",
      "抽選",
      "除外理由",
    ]);
    const byId = new Map(pool.slice(1).map((row) => [row[0], row]));
    expect(byId.size).toBe(7);
    expect(byId.get("5")?.[5]).toBe("除外");
    expect(byId.get("5")?.[6]).toContain("主たる事業所が東京都ではありません");
    expect(byId.get("6")?.[6]).toBe("抽選前に辞退");
    expect(byId.get("12")?.[5]).toBe("対象");
  });

  it("recomputes to the same ranking from bundle.json", async () => {
    const { read } = await evidenceFolder();
    expect(await verifyBundle(JSON.parse(read("bundle.json")))).toEqual({ ok: true });
  });

  it("hashes pool.txt to the fingerprint, as the README tells the auditor", async () => {
    const { read, bundle } = await evidenceFolder();
    expect(await poolFingerprint(read("pool.txt").split("\n"))).toBe(bundle.pool_fingerprint);
  });

  it("gives the same ranking by hand with the README's openssl recipe", async () => {
    const { dir, read, bundle } = await evidenceFolder();
    const readme = read("README.md");
    const recipe = /```sh\n\s*(SEED=\$\(cat seed\.txt\)[\s\S]*?)```/.exec(readme)?.[1];
    expect(recipe).toBeDefined();
    const output = execFileSync("bash", ["-c", recipe ?? ""], { cwd: dir, encoding: "utf8" });
    const byHand = output
      .trim()
      .split("\n")
      .map((line) => line.trim().split(" "));
    expect(byHand.map(([rank, key]) => [Number(rank), key])).toEqual(
      bundle.ranking.map((entry) => [entry.rank, entry.key]),
    );
    const ranking = rows(read("ranking.csv"));
    expect(byHand.map(([, key, score]) => [key, score])).toEqual(
      ranking.slice(1).map((row) => [row[1], row[5]]),
    );
  });

  it("rechecks the hash chain by hand with the README's Python recipe", async () => {
    const { dir, read } = await evidenceFolder();
    expect(read("README.md")).toContain("| 抽選記録のハッシュチェーン | 一致（問題なし） |");
    const recipe = /```sh\n(python3 - <<'PY'[\s\S]*?PY)\n```/.exec(read("README.md"))?.[1] ?? "";
    const check = () => execFileSync("bash", ["-c", recipe], { cwd: dir, encoding: "utf8" });
    expect(check()).toBe("1 抽選 OK\n2 繰り上げ OK\n");
    const [first, ...rest] = JSON.parse(read("lottery-log.json")) as Array<{ reason: string }>;
    const log = [{ ...first, reason: "あとから書き換え" }, ...rest];
    writeFileSync(path.join(dir, "lottery-log.json"), JSON.stringify(log));
    expect(check()).toBe("1 抽選 NG\n2 繰り上げ OK\n");
  });

  it("lists promotions and cancellations from the log", async () => {
    const { read } = await evidenceFolder();
    const events = rows(read("events.csv"));
    expect(events).toHaveLength(2);
    expect(events[1]?.[2]).toBe("繰り上げ");
    expect(events[1]?.[6]).toContain("繰り上げ: レコード 10");
    expect(events[1]?.[7]).toBe("辞退のため");
  });
});
