import {
  defaultProgramSettings,
  migrateProgramSettings,
  parseProgramSettings,
  PROGRAM_SETTINGS_VERSION,
  ProgramSettingsError,
  programSettingsSchema,
  safeParseProgramSettings,
} from "../../src/core/settings/programSettings";

describe("program settings", () => {
  test("defaults follow spec §1: four industry groups, window, quota 50", () => {
    const settings = defaultProgramSettings();
    expect(settings.version).toBe(PROGRAM_SETTINGS_VERSION);
    expect(settings.quota).toBe(50);
    expect(settings.window).toEqual({
      opensAt: "2024-07-12T00:00:00+09:00",
      closesAt: "2024-08-09T17:00:00+09:00",
    });
    const enabled = settings.industries.filter((row) => row.enabled);
    expect(enabled.map((row) => [row.industry, row.capitalLimitYen, row.employeeLimit])).toEqual([
      ["製造業・建設業・運輸業・その他", 300_000_000, 300],
      ["卸売業", 100_000_000, 100],
      ["サービス業", 50_000_000, 100],
      ["小売業", 50_000_000, 50],
    ]);
  });

  test("政令 rows are present but off by default", () => {
    const ordinance = defaultProgramSettings().industries.filter((row) => row.ordinance);
    expect(
      ordinance.map((row) => [row.industry, row.capitalLimitYen, row.employeeLimit, row.enabled]),
    ).toEqual([
      ["ゴム製品製造業", 300_000_000, 900, false],
      ["ソフトウェア業・情報処理サービス業", 300_000_000, 300, false],
      ["旅館業", 50_000_000, 200, false],
    ]);
  });

  test("nothing stored gives the defaults; the schema fills every missing part", () => {
    expect(parseProgramSettings(undefined)).toEqual(defaultProgramSettings());
    expect(parseProgramSettings({})).toEqual(defaultProgramSettings());
    expect(programSettingsSchema.parse({ version: 1 })).toEqual(defaultProgramSettings());
  });

  test("stored values survive a JSON round trip", () => {
    const settings = defaultProgramSettings();
    settings.quota = 30;
    settings.industries = settings.industries.map((row, index) =>
      index === 4 ? { ...row, enabled: true } : row,
    );
    settings.messages = { CONSENT_REQUIRED: { ja: "同意してください。" } };
    expect(parseProgramSettings(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });

  test("a document saved before versioning is migrated to the current version", () => {
    expect(migrateProgramSettings({ quota: 10 })).toEqual({
      quota: 10,
      version: PROGRAM_SETTINGS_VERSION,
    });
    expect(parseProgramSettings({ quota: 10 }).quota).toBe(10);
  });

  test("a version newer than this code is refused rather than guessed", () => {
    expect(() => parseProgramSettings({ version: 99 })).toThrow(ProgramSettingsError);
    expect(safeParseProgramSettings({ version: 99 })).toEqual({
      success: false,
      issues: [expect.stringContaining("version 99")],
    });
  });

  test.each([
    ["quota 0", { quota: 0 }, "quota"],
    ["fractional quota", { quota: 1.5 }, "quota"],
    [
      "negative employee limit",
      { industries: [{ industry: "卸売業", capitalLimitYen: 1, employeeLimit: -1 }] },
      "industries.0.employeeLimit",
    ],
    [
      "blank industry name",
      { industries: [{ industry: " ", capitalLimitYen: 1, employeeLimit: 1 }] },
      "industries.0.industry",
    ],
    [
      "the same industry twice",
      {
        industries: [
          { industry: "卸売業", capitalLimitYen: 1, employeeLimit: 1 },
          { industry: "卸売業", capitalLimitYen: 2, employeeLimit: 2 },
        ],
      },
      "industries",
    ],
    [
      "window without offset",
      { window: { opensAt: "2024-07-12T00:00:00", closesAt: "2024-08-09T17:00:00+09:00" } },
      "window.opensAt",
    ],
    [
      "window closing before it opens",
      { window: { opensAt: "2024-08-10T00:00:00+09:00", closesAt: "2024-08-09T17:00:00+09:00" } },
      "window.closesAt",
    ],
    ["message for an unknown rule", { messages: { NO_SUCH_RULE: { ja: "x" } } }, "messages"],
  ])("rejects %s, naming where", (_, stored, where) => {
    const result = safeParseProgramSettings(stored);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.some((issue) => issue.startsWith(where))).toBe(true);
  });

  test("industry rows get enabled/ordinance defaults", () => {
    const settings = parseProgramSettings({
      industries: [{ industry: "卸売業", capitalLimitYen: 1, employeeLimit: 2 }],
    });
    expect(settings.industries).toEqual([
      { industry: "卸売業", capitalLimitYen: 1, employeeLimit: 2, enabled: true, ordinance: false },
    ]);
  });
});
