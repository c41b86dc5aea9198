import { problemCount, problemTitles } from "../audit/report";
import { japanTimeWithOffset } from "../settings/japanWallClock";
import { LOTTERY_LOG_KINDS } from "../vocabulary";
import type { EvidenceInput } from "./evidence";

function verdictText(ok: boolean, problem: string): string {
  return ok ? "一致（問題なし）" : `不一致: ${problem}`;
}

/**
 * The evidence folder's README, in Japanese for the program office and its auditors: what each
 * file is, and two independent ways to recompute the draw (the CLI, and by hand with openssl).
 */
export function evidenceReadme(input: EvidenceInput): string {
  const { bundle, draw, chain, bundleVerdict } = input;
  const count = (kind: string) => input.log.filter((entry) => entry.kind === kind).length;
  const winners = bundle.ranking.filter((entry) => entry.waitlist_no === null).length;
  const problems = problemCount(input.audit);
  const auditText =
    problems === 0
      ? "問題なし（followup audit と同じ確認）"
      : `問題 ${problems} 件（followup audit と同じ確認）: ${problemTitles(input.audit, "ja").join("、")}`;
  return `# 抽選の証跡（抽選ID ${draw.run_id}）

セキュリティ対策点検・専門家派遣の抽選について、監査・第三者確認のための資料です。
このフォルダの内容だけで、抽選結果を誰でも再計算して確かめられます。

## 概要

| 項目 | 値 |
|---|---|
| 抽選ID | ${draw.run_id} |
| アルゴリズム | ${bundle.algorithm} |
| 抽選日時 | ${japanTimeWithOffset(draw.createdAt)} |
| 実行者 | ${draw.createdBy} |
| 当選枠 | ${bundle.quota} |
| 母集団の件数 | ${bundle.pool.length}（当選 ${winners}・補欠 ${bundle.pool.length - winners}） |
| 母集団の指紋（SHA-256） | ${bundle.pool_fingerprint} |
| シード | ${bundle.seed} |
| 抽選予告（シードのSHA-256） | ${bundle.commitment ?? "なし"} |
| 検証データの再計算 | ${verdictText(bundleVerdict.ok, bundleVerdict.ok ? "" : bundleVerdict.difference)} |
| 抽選記録のハッシュチェーン | ${verdictText(chain.ok, chain.ok ? "" : `通番 ${chain.sequence}: ${chain.problem}`)} |
| 繰り上げ・取消の記録 | 繰り上げ ${count(LOTTERY_LOG_KINDS.promotion)} 件・取消 ${count(LOTTERY_LOG_KINDS.cancellation)} 件 |
| 申込と抽選記録の監査 | ${auditText} |
| 抽選記録のチェーンの先頭 | ${input.audit.chainHead ?? "-"} |
| 出力日時 | ${japanTimeWithOffset(input.exportedAt)} |

## ファイル

- \`settings.json\`: 抽選時の設定（アルゴリズム、当選枠、母集団の件数と指紋、審査の基準・受付期間などプログラムの設定）。
- \`pool.csv\`: すべての申込と、抽選の対象か除外か、除外した理由（審査結果と審査メモ）。
- \`pool.txt\`: 母集団のキー（レコードID）を昇順に改行区切りで並べたもの。末尾に改行はありません。
- \`seed.txt\`: シード（64 桁の 16 進数 = 32 バイト）。
- \`ranking.csv\`: 全順位。キーごとのスコア（HMAC-SHA256）、結果（当選／補欠）、補欠順位。
- \`bundle.json\`: 検証データ（アルゴリズム、シード、当選枠、母集団、指紋、順位）。
- \`events.csv\`: 抽選後の繰り上げと取消のすべて（日時、実行者、内容、理由、記録のハッシュ）。
- \`lottery-log.json\`: 抽選記録アプリの全記録（ハッシュチェーンの再計算用）。

## 抽選の方法（${bundle.algorithm}）

1. 母集団: 審査結果が「適格」で状態が「申込受付」の申込。キーはレコードIDの 10 進文字列で、数値の昇順に並べます。
2. 指紋: キーを改行（\\n）でつないだ文字列（末尾に改行なし）の SHA-256。
3. スコア: HMAC-SHA256（鍵 = シードの 32 バイト、メッセージ = キーの UTF-8）を小文字 16 進で表したもの。
4. 順位: スコアの昇順に 1 位から。順位が当選枠以下なら「当選」、それ以外は「補欠」で、補欠順位 = 順位 − 当選枠。
5. 繰り上げ: 辞退などで枠が空いたときは、補欠のうち補欠順位の最も小さい申込から順に繰り上げます。抽選のやり直しはしません。

## 再計算のしかた

### A. followup コマンドで

\`\`\`sh
npx followup verify --bundle bundle.json
\`\`\`

シードと母集団から順位を計算し直し、bundle.json と一致するかを表示します。違いがあれば最初の違いを示します。
抽選記録のハッシュチェーンと、申込の状態・項目の整合性は \`npx followup audit\` で確認できます。

### B. 手作業で（openssl など任意のツールで）

1. 母集団の指紋を確かめる（pool.txt は末尾に改行がないので、そのまま SHA-256 を計算します）:

   \`\`\`sh
   sha256sum pool.txt        # macOS: shasum -a 256 pool.txt
   \`\`\`

   表示された値が上の「母集団の指紋」と同じであることを確認します。

2. キーごとにスコアを計算する（例: キー 12 の場合）:

   \`\`\`sh
   printf '%s' 12 | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(cat seed.txt)
   \`\`\`

   ranking.csv の「スコア」と同じ値になります。printf は改行を付けないこと（echo は使わない）。

3. 全キーのスコアを計算し、昇順に並べて順位を付ける:

   \`\`\`sh
   SEED=$(cat seed.txt)
   while IFS= read -r key || [ -n "$key" ]; do
     score=$(printf '%s' "$key" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED | awk '{print $NF}')
     printf '%s %s\\n' "$score" "$key"
   done < pool.txt | LC_ALL=C sort | awk '{print NR, $2, $1}'
   \`\`\`

   出力は「順位 キー スコア」です。ranking.csv の順位・レコードID・スコアと一致すること、
   順位が当選枠（${bundle.quota}）以下が当選、それより後が補欠（補欠順位 = 順位 − ${bundle.quota}）であることを確認します。

4. 繰り上げは events.csv の順に、ranking.csv の補欠順位の小さい順になっていることを確認します。

## 抽選記録のハッシュチェーン

抽選記録の各記録の entry_hash は、その記録の内容（通番、抽選ID、種別、アルゴリズム、シード、指紋、件数、当選枠、
母集団、順位、理由、直前の記録のハッシュ）を、キーを並べ替えて空白を入れない JSON にしたものの SHA-256 です。
各記録は直前の記録のハッシュを含むため、途中の記録を書き換えたり削除したりすると、それ以降のハッシュがすべて合わなくなります。
\`npx followup audit\` が同じ確認を行います。lottery-log.json から手作業で確かめるには、たとえば Python 3 で:

\`\`\`sh
python3 - <<'PY'
import hashlib, json
FIELDS = ["sequence", "run_id", "kind", "algorithm", "seed", "pool_fingerprint", "pool_size",
          "quota", "pool", "ranking", "reason", "previous_hash"]
previous = "0" * 64
for entry in sorted(json.load(open("lottery-log.json", encoding="utf-8")), key=lambda e: e["sequence"]):
    content = json.dumps({k: entry[k] for k in FIELDS}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()
    ok = digest == entry["entry_hash"] and entry["previous_hash"] == previous
    print(entry["sequence"], entry["kind"], "OK" if ok else "NG")
    previous = entry["entry_hash"]
PY
\`\`\`

すべての行が OK なら、記録は抽選時から変わっていません。
`;
}
