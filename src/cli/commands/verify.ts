/**
 * `followup verify --bundle FILE`: recomputes a draw from its verification bundle (spec §5.8)
 * and exits non-zero with the first difference. Offline: needs no kintone.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { verifyBundle } from "../../core/lottery";
import { pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import { type Command, CommandError, UsageError } from "../command";

const OPTIONS = { bundle: { type: "string" }, lang: { type: "string" } } as const;

export const verifyCommand: Command = {
  summary: "recompute a lottery from its verification bundle (offline)",
  async run(context) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    if (!values.bundle) {
      throw new UsageError(
        pick(lang, { ja: "--bundle FILE を指定してください", en: "--bundle FILE is required" }),
      );
    }
    let bundle: unknown;
    try {
      bundle = JSON.parse(readFileSync(path.resolve(context.cwd, values.bundle), "utf8"));
    } catch (error) {
      throw new UsageError(
        pick(lang, {
          ja: `検証用データを読めません: ${values.bundle}（${(error as Error).message}）`,
          en: `cannot read the bundle ${values.bundle}: ${(error as Error).message}`,
        }),
      );
    }
    const verdict = await verifyBundle(bundle);
    if (!verdict.ok) {
      throw new CommandError(
        pick(lang, {
          ja: `検証に失敗しました。最初の相違: ${verdict.difference}`,
          en: `verification failed; first difference: ${verdict.difference}`,
        }),
      );
    }
    const b = bundle as {
      ranking: unknown[];
      quota: number;
      pool_fingerprint: string;
      seed: string;
    };
    context.stdout.write(
      pick(lang, {
        ja: `検証OK: ${b.ranking.length}件の順位を再計算し一致しました（当選枠 ${b.quota}、母集団の指紋 ${b.pool_fingerprint}、シード ${b.seed}）\n`,
        en: `verified: all ${b.ranking.length} ranks recomputed and equal (quota ${b.quota}, pool fingerprint ${b.pool_fingerprint}, seed ${b.seed})\n`,
      }),
    );
    return 0;
  },
};
