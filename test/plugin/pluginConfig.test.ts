import {
  CONFIG_KEY,
  defaultPluginConfig,
  isAllowed,
  MAX_VALUE_CHARS,
  parsePluginConfig,
  PLUGIN_CONFIG_VERSION,
  restorePluginConfig,
  serializePluginConfig,
  validatePluginConfig,
} from "../../src/core/settings/pluginConfig";

describe("plugin config document", () => {
  it("an empty config (a newly added plugin) gives the defaults of spec §1–§3", () => {
    const parsed = parsePluginConfig({});
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.config.program.quota).toBe(50);
    expect(parsed.config.states.winner).toBe("当選");
    expect(parsed.config.actions.answerQuestionnaire).toBe("質問票回答");
    expect(parsed.config.panelSpaceId).toBe("followup_panel");
    expect(parsed.config.permissions.draw).toEqual({ users: [], groups: [] });
  });

  it("gives every call its own objects, so changing one config never leaks into the next", () => {
    const first = defaultPluginConfig();
    first.states.winner = "補欠";
    first.actions.promote = "昇格";
    first.program.industries.forEach((row) => (row.employeeLimit = 1));
    first.program.window.opensAt = "2030-01-01T00:00:00+09:00";
    first.permissions.draw.users.push("staff1");
    const second = defaultPluginConfig();
    expect(second.states.winner).toBe("当選");
    expect(second.actions.promote).not.toBe("昇格");
    expect(second.program.industries[0]?.employeeLimit).toBe(300);
    expect(second.program.window.opensAt).toBe("2024-07-12T00:00:00+09:00");
    expect(second.permissions.draw.users).toEqual([]);
    // A stored document with only part of the settings gets fresh defaults for the rest too.
    const parsedA = validatePluginConfig({
      version: PLUGIN_CONFIG_VERSION,
      program: { version: 1 },
    });
    const parsedB = validatePluginConfig({
      version: PLUGIN_CONFIG_VERSION,
      program: { version: 1 },
    });
    if (!parsedA.success || !parsedB.success) throw new Error("defaults must validate");
    expect(parsedA.config.states).not.toBe(parsedB.config.states);
    expect(parsedA.config.program.industries).not.toBe(parsedB.config.program.industries);
  });

  it("round-trips through setConfig values that are all strings", () => {
    const config = defaultPluginConfig();
    config.fieldMap.company_name = "会社名";
    config.permissions.draw.users = ["staff1"];
    config.apps.lotteryLog = 3;
    const values = serializePluginConfig(config);
    expect(Object.values(values).every((v) => typeof v === "string")).toBe(true);
    const parsed = parsePluginConfig(values);
    expect(parsed).toEqual({ success: true, config });
  });

  it("splits a document longer than one value over several keys and joins it back", () => {
    const config = defaultPluginConfig();
    config.program.messages.PHONE_FORMAT = { ja: "電".repeat(70_000), en: "x" };
    const values = serializePluginConfig(config);
    expect(Object.keys(values)).toEqual([CONFIG_KEY, `${CONFIG_KEY}.1`]);
    expect(Object.values(values).every((v) => v.length <= MAX_VALUE_CHARS)).toBe(true);
    expect(parsePluginConfig(values)).toEqual({ success: true, config });
  });

  it("refuses a document over kintone's 256 KB", () => {
    const config = defaultPluginConfig();
    config.program.messages.PHONE_FORMAT = { ja: "電".repeat(100_000) };
    expect(() => serializePluginConfig(config)).toThrow(/256|262144/);
  });

  it("migrates an unversioned document with the program settings at the top level", () => {
    const legacy = { quota: 30, fieldMap: { employees: "従業員数" } };
    const parsed = parsePluginConfig({ config: JSON.stringify(legacy) });
    expect(parsed.success && parsed.config.version).toBe(PLUGIN_CONFIG_VERSION);
    expect(parsed.success && parsed.config.program.quota).toBe(30);
    expect(parsed.success && parsed.config.fieldMap.employees).toBe("従業員数");
  });

  it("refuses a newer version and damaged JSON with a message, restore falls back to defaults", () => {
    const newer = parsePluginConfig({ config: JSON.stringify({ version: 99 }) });
    expect(newer.success).toBe(false);
    expect(!newer.success && newer.issues[0]?.message.ja).toContain("新しい");
    const damaged = restorePluginConfig({ config: "{" });
    expect(damaged.config).toEqual(defaultPluginConfig());
    expect(damaged.issues[0]?.message.en).toMatch(/damaged/);
  });

  it("reports each bad input at its path in both languages", () => {
    const document = {
      ...defaultPluginConfig(),
      states: { ...defaultPluginConfig().states, winner: "補欠" },
      program: { ...defaultPluginConfig().program, quota: 0 },
      apps: { applications: null, questionnaires: -1, lotteryLog: null },
    };
    const result = validatePluginConfig(document);
    expect(result.success).toBe(false);
    if (result.success) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i.message]));
    expect(byPath.states?.ja).toContain("重複");
    expect(byPath["program.quota"]?.ja).toContain("0 より大きい");
    expect(byPath["apps.questionnaires"]?.en).toMatch(/greater than 0/);
  });
});

describe("isAllowed", () => {
  const allowed = { users: ["sato"], groups: ["secretariat"] };
  it("allows a listed user or a member of a listed group, nobody else", () => {
    expect(isAllowed(allowed, { code: "sato" }, [])).toBe(true);
    expect(isAllowed(allowed, { code: "suzuki" }, ["secretariat"])).toBe(true);
    expect(isAllowed(allowed, { code: "viewer" }, ["everyone"])).toBe(false);
    expect(isAllowed({ users: [], groups: [] }, { code: "admin" }, [])).toBe(false);
  });
});
