/**
 * `followup audit [--lang en]`: re-checks over all records what REST, CSV import and FormBridge can
 * bypass (spec §3): every process invariant (core/workflow), the lottery log's hash chain and each
 * completed draw's bundle (core/lottery), and whether the applications still carry the results the
 * latest draw gave them (core/audit). Prints a readable report; exit code 1 when anything is wrong.
 */
import { readAllRecords } from "../../adapters/applications";
import { appOf } from "../../adapters/program";
import { readLotteryLog } from "../../adapters/lottery";
import { collectAuditFindings } from "../../core/audit/collect";
import { auditPassed, formatAuditReport } from "../../core/audit/report";
import { pick } from "../../core/i18n";
import { parseCommandArgs } from "../args";
import type { Command, CommandContext } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import { openProgram, tellSettings, TARGET_OPTIONS } from "../program";

const OPTIONS = {
  ...TARGET_OPTIONS,
  head: { type: "string" },
} as const;

export const auditCommand: Command = {
  summary: "check every record against the process invariants and the lottery log's hash chain",
  async run(context: CommandContext) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    const { program, target } = await openProgram(context, values, [
      "applications",
      "questionnaires",
      "lotteryLog",
    ]);
    tellSettings(context, program.source);
    const { client } = program;
    const apps = {
      applications: appOf(program, "applications"),
      questionnaires: appOf(program, "questionnaires"),
    };
    const linkField = program.config.questionnaireLinkField;
    const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
    try {
      const applications = await readAllRecords(client, {
        app: apps.applications,
        onPage: (read, total) => progress.update(read, total),
      });
      const questionnaires = await readAllRecords(client, {
        app: apps.questionnaires,
        fields: [linkField],
      });
      const log = await readLotteryLog(program);
      progress.finish();
      const links = questionnaires.map((record) => String(record[linkField]?.value ?? ""));
      const findings = await collectAuditFindings({
        applications,
        questionnaireLinks: links,
        log,
        settings: program.settings,
        names: program,
        field: program.field,
        head: values.head,
      });
      context.stdout.write(formatAuditReport(findings, lang));
      return auditPassed(findings) ? 0 : 1;
    } catch (error) {
      progress.finish();
      throw explainKintoneFailure(error, lang, target.baseUrl);
    }
  },
};
