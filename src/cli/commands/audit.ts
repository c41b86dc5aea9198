/**
 * `followup audit [--lang en]`: re-checks over all records what REST, CSV import and FormBridge can
 * bypass (spec §3): every process invariant (core/workflow), the lottery log's hash chain and each
 * completed draw's bundle (core/lottery), and whether the applications still carry the results the
 * latest draw gave them (core/audit). Prints a readable report; exit code 1 when anything is wrong.
 */
import { readAllRecords } from "../../adapters/applications";
import { readLotteryLog } from "../../adapters/lottery";
import { findDrawMismatches } from "../../core/audit/drawRecords";
import { findLogFindings } from "../../core/audit/logFindings";
import { auditPassed, type AuditFindings, formatAuditReport } from "../../core/audit/report";
import { pick } from "../../core/i18n";
import { bundleOfDrawEntry } from "../../core/export/evidence";
import { verifyBundle, verifyChain } from "../../core/lottery";
import {
  LOTTERY_LOG_KINDS,
  LOTTERY_LOG_STATES,
  QUESTIONNAIRE_LINK_FIELD,
  STATES,
} from "../../core/vocabulary";
import { findVisitProblems } from "../../core/visits";
import { DEFAULT_PROCESS_NAMES, findInvariantViolations } from "../../core/workflow";
import { parseCommandArgs } from "../args";
import type { Command, CommandContext } from "../command";
import { explainKintoneFailure } from "../kintoneFailure";
import { startProgress } from "../progress";
import { readSettingsFile } from "../settingsFile";
import { connectToProgram, TARGET_OPTIONS } from "../target";

const OPTIONS = {
  ...TARGET_OPTIONS,
  settings: { type: "string" },
  head: { type: "string" },
} as const;

export const auditCommand: Command = {
  summary: "check every record against the process invariants and the lottery log's hash chain",
  async run(context: CommandContext) {
    const { values } = parseCommandArgs(context, OPTIONS);
    const { lang } = context;
    const { settings } = readSettingsFile(context.cwd, values.settings, lang);
    const { client, apps, target } = connectToProgram(context, values, [
      "applications",
      "questionnaires",
      "lotteryLog",
    ]);
    const progress = startProgress(context, pick(lang, { ja: "読み込み中", en: "reading" }));
    try {
      const applications = await readAllRecords(client, {
        app: apps.applications,
        onPage: (read, total) => progress.update(read, total),
      });
      const questionnaires = await readAllRecords(client, {
        app: apps.questionnaires,
        fields: [QUESTIONNAIRE_LINK_FIELD],
      });
      const log = await readLotteryLog({ client, apps });
      progress.finish();
      const links = questionnaires.map((record) =>
        String(record[QUESTIONNAIRE_LINK_FIELD]?.value ?? ""),
      );
      const completedDraws = log.filter(
        (entry) =>
          entry.kind === LOTTERY_LOG_KINDS.draw && entry.state === LOTTERY_LOG_STATES.completed,
      );
      const latestDraw = completedDraws[completedDraws.length - 1];
      // The configured state names come with the Program context (settings in the log).
      const names = DEFAULT_PROCESS_NAMES;
      const findings: AuditFindings = {
        counts: {
          applications: applications.length,
          questionnaires: questionnaires.length,
          logEntries: log.length,
        },
        violations: findInvariantViolations(applications, links, {
          names,
          completedDrawRunIds: new Set(completedDraws.map((entry) => entry.run_id)),
        }),
        drawMismatches: latestDraw ? findDrawMismatches(applications, latestDraw, log, names) : [],
        visitProblems: findVisitProblems(applications, settings.visits, STATES),
        chain: await verifyChain(log),
        bundles: await Promise.all(
          completedDraws.map(async (entry) => ({
            runId: entry.run_id,
            verdict: await verifyBundle(bundleOfDrawEntry(entry, log)),
          })),
        ),
        logFindings: findLogFindings({ log, applications, names, head: values.head }),
        chainHead: log[log.length - 1]?.entry_hash,
      };
      context.stdout.write(formatAuditReport(findings, lang));
      return auditPassed(findings) ? 0 : 1;
    } catch (error) {
      progress.finish();
      throw explainKintoneFailure(error, lang, target.baseUrl);
    }
  },
};
