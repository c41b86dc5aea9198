/**
 * @jest-environment jsdom
 */
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { ELIGIBILITY_LABELS, STAFF_DECISIONS, STATES } from "../../src/core/vocabulary";
import type { WorkflowRecord } from "../../src/core/workflow";
import { LIST_BUTTON_LABELS } from "../../src/desktop/buttonLabels";
import { nextStep } from "../../src/desktop/detailPanel";

const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** An app whose administrator named every state and action in English. */
function englishNamedApp() {
  const config = defaultPluginConfig();
  for (const key of Object.keys(config.states) as Array<keyof typeof config.states>) {
    config.states[key] = `state-${key}`;
  }
  for (const key of Object.keys(config.actions) as Array<keyof typeof config.actions>) {
    config.actions[key] = `action-${key}`;
  }
  return config;
}

function record(status: string, eligibility = ""): WorkflowRecord {
  return {
    id: "1",
    applicationNo: "12",
    status,
    eligibility,
    lotteryResult: "",
    lotteryRank: null,
    waitlistNo: 3,
    lotteryRunId: "",
    participationIntent: "",
    visitDate: "",
    expertName: "",
    withdrawalReason: "",
  };
}

const stateKeys = Object.keys(STATES) as Array<keyof typeof STATES>;

describe("next step", () => {
  it("names the list buttons as they read in the user's language", () => {
    const config = defaultPluginConfig();
    const unscreened = nextStep(record(config.states.applied), config);
    expect(unscreened.en).toContain(`"${LIST_BUTTON_LABELS.screen.en}"`);
    expect(unscreened.ja).toContain(`「${LIST_BUTTON_LABELS.screen.ja}」`);
    const waitlisted = nextStep(record(config.states.waitlisted), config);
    expect(waitlisted.en).toContain(`"${LIST_BUTTON_LABELS.promote.en}"`);
    expect(waitlisted.ja).toContain(`「${LIST_BUTTON_LABELS.promote.ja}」`);
  });

  it("English texts carry no Japanese but the app's own names, which come from the settings", () => {
    const config = englishNamedApp();
    const texts = [
      ...stateKeys.map((key) => nextStep(record(config.states[key]), config).en),
      ...Object.values(ELIGIBILITY_LABELS).map(
        (label) => nextStep(record(config.states.applied, label), config).en,
      ),
      nextStep(record("unknown"), config).en,
    ];
    for (const text of texts) {
      // The result field's options are the app's data: quoted as the dropdown shows them.
      const withoutOptions = [
        ...Object.values(ELIGIBILITY_LABELS),
        ...Object.values(STAFF_DECISIONS),
      ].reduce((rest, label) => rest.split(`"${label}"`).join(""), text);
      expect(withoutOptions).not.toMatch(japanese);
    }
    expect(nextStep(record(config.states.winner), config).en).toContain('"action-confirm"');
    expect(
      nextStep(record(config.states.applied, ELIGIBILITY_LABELS.ineligible), config).ja,
    ).toContain("「action-registerIneligible」");
  });
});
