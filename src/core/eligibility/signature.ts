/**
 * The screening_signature (spec v2 §2.1, §4): what a screening result rests on, as one hash. Kept
 * apart from the rules so record screens that only preview reasons do not load the hashing code.
 */
import type { ApplicationInput } from "../application";
import { canonicalJson, sha256Hex } from "../lottery/canonical";
import type { ProgramSettings } from "../settings/programSettings";
import type { EligibilityResult } from "./types";

/** Settings that decide a result (not the messages, not the quota): part of the signature. */
function decidingParameters(settings: ProgramSettings) {
  return {
    industries: settings.industries
      .filter((row) => row.enabled)
      .map((row) => [row.industry, row.capitalLimitYen, row.employeeLimit]),
    window: [Date.parse(settings.window.opensAt), Date.parse(settings.window.closesAt)],
    roundOne: settings.roundOneParticipants.map((entry) => [
      entry.corporateNumber,
      entry.name,
      entry.address,
    ]),
  };
}

/** Version tag of the signature's recipe; a new recipe makes every old decision ask for a look. */
const SIGNATURE_VERSION = "s1";

/**
 * The screening_signature (spec v2 §2.1): SHA-256 over the rule ids (with field, severity and what
 * a batch finding rests on), the deciding settings and the application's own values. The same data
 * under the same rules gives the same signature in any language and with any message template, so
 * a person's decision holds exactly while it is unchanged.
 */
export async function screeningSignature(
  application: ApplicationInput,
  result: EligibilityResult,
  settings: ProgramSettings,
): Promise<string> {
  const { id: _id, ...values } = application;
  const inputs: Record<string, string | string[] | null> = {};
  for (const [key, value] of Object.entries(values)) inputs[key] = value ?? null;
  const findings = result.violations
    .map((v) => [v.rule, v.severity, v.field])
    .sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b)));
  const basis = [...(result.basis ?? [])].sort();
  const hash = await sha256Hex(
    canonicalJson({ findings, basis, parameters: decidingParameters(settings), inputs }),
  );
  return `${SIGNATURE_VERSION}:${hash}`;
}
