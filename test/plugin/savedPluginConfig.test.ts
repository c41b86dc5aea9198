/**
 * Record screens read the saved settings without the zod schema (pluginConfigDocument.ts, issue 16):
 * what the settings page saved reads back as it was, a field added since takes its default, and
 * anything else gives the defaults with the notice to save again — never a throw.
 */
import {
  defaultPluginConfig,
  type PluginConfig,
  serializePluginConfig,
  validatePluginConfig,
} from "../../src/core/settings/pluginConfig";
import { readSavedPluginConfig } from "../../src/core/settings/pluginConfigDocument";

/** A document as the settings page saves it: parsed by the schema, every default filled. */
function saved(change: (config: PluginConfig) => void): PluginConfig {
  const config = defaultPluginConfig();
  change(config);
  const parsed = validatePluginConfig(config);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.config;
}

const raw = (document: unknown) => ({ config: JSON.stringify(document) });

describe("record screens read the saved settings without the schema", () => {
  it("a saved document reads back equal, also split over several setConfig values", () => {
    const config = saved((c) => {
      c.states.winner = "当選者";
      c.apps = { applications: 3, questionnaires: 4, lotteryLog: 5 };
      c.fieldMap.company_name = "会社名";
      c.permissions.draw.groups = ["secretariat"];
      c.program.quota = 30;
      c.program.replies.intentDeadline = "2024-09-01T17:00:00+09:00";
      c.program.roundOneParticipants = [
        { corporateNumber: "", name: "株式会社あ".repeat(40), address: "東京都".repeat(100) },
      ];
    });
    expect(readSavedPluginConfig(raw(config), defaultPluginConfig())).toEqual({
      config,
      issues: [],
    });
    const big = saved((c) => {
      c.program.roundOneParticipants = Array.from({ length: 400 }, (_, i) => ({
        corporateNumber: String(i),
        name: `株式会社${i}`.padEnd(190, "あ"),
        address: "",
      }));
    });
    const values = serializePluginConfig(big);
    expect(Object.keys(values).length).toBeGreaterThan(1);
    expect(readSavedPluginConfig(values, defaultPluginConfig()).config).toEqual(big);
  });

  it("a document saved before a field existed gets that field's default", () => {
    const document = JSON.parse(JSON.stringify(saved((c) => (c.program.quota = 20)))) as {
      actions: Record<string, unknown>;
      program: Record<string, unknown>;
      statusField?: unknown;
    };
    delete document.actions.sendBack;
    delete document.program.visits;
    delete document.statusField;
    const { config, issues } = readSavedPluginConfig(raw(document), defaultPluginConfig());
    expect(issues).toEqual([]);
    expect(config.program.quota).toBe(20);
    expect(config.actions.sendBack).toBe(defaultPluginConfig().actions.sendBack);
    expect(config.program.visits).toEqual(defaultPluginConfig().program.visits);
    expect(config.statusField).toBe(defaultPluginConfig().statusField);
  });

  it("never saved: the defaults and no notice", () => {
    expect(readSavedPluginConfig({}, defaultPluginConfig())).toEqual({
      config: defaultPluginConfig(),
      issues: [],
    });
  });

  it.each([
    ["damaged JSON", { config: '{"version":1,' }, /damaged/],
    ["an older version", raw({ quota: 30 }), /Save them again/],
    ["a newer version", raw({ ...defaultPluginConfig(), version: 2 }), /Update the plugin/],
    ["not an object", raw([1, 2]), /Save them again/],
    [
      "a part of the wrong kind",
      raw({ ...defaultPluginConfig(), states: "当選" }),
      /Save them again/,
    ],
    [
      "a nested value of the wrong kind",
      raw({ ...defaultPluginConfig(), apps: { applications: { id: 3 } } }),
      /Save them again/,
    ],
  ])("%s: the defaults and the notice to save again, no throw", (_what, values, message) => {
    const { config, issues } = readSavedPluginConfig(values, defaultPluginConfig());
    expect(config).toEqual(defaultPluginConfig());
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.en).toMatch(message);
    expect(issues[0]?.message.ja).toMatch(/設定/);
  });

  it("names where the shape is wrong", () => {
    const document = saved(() => undefined) as unknown as { program: { quota: unknown } };
    document.program.quota = "50";
    expect(readSavedPluginConfig(raw(document), defaultPluginConfig()).issues[0]?.path).toBe(
      "program.quota",
    );
  });
});
