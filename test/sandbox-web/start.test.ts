import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoPluginConfig, pluginNeedsBuild } from "../../tools/dev/start";
import { parsePluginConfig, serializePluginConfig } from "../../src/core/settings/pluginConfig";

describe("npm start", () => {
  it("gives the plugin valid settings naming the demo apps and letting the secretariat use the buttons", () => {
    const parsed = parsePluginConfig(
      serializePluginConfig(
        demoPluginConfig("applications", { applications: 1, questionnaires: 2, lotteryLog: 3 }),
      ),
    );
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.config.role).toBe("applications");
    expect(parsed.config.apps).toEqual({ applications: 1, questionnaires: 2, lotteryLog: 3 });
    expect(parsed.config.permissions.draw.groups).toContain("secretariat");
  });

  it("rebuilds the plugin only when the zip is missing or older than a source file", () => {
    const project = mkdtempSync(join(tmpdir(), "followup-build-"));
    try {
      mkdirSync(join(project, "src"), { recursive: true });
      writeFileSync(join(project, "src", "a.ts"), "");
      writeFileSync(join(project, "manifest.json"), "{}");
      expect(pluginNeedsBuild(project)).toBe(true);
      mkdirSync(join(project, "dist"));
      writeFileSync(join(project, "dist", "plugin.zip"), "");
      const past = new Date(Date.now() - 60_000);
      utimesSync(join(project, "src", "a.ts"), past, past);
      utimesSync(join(project, "manifest.json"), past, past);
      expect(pluginNeedsBuild(project)).toBe(false);
      writeFileSync(join(project, "src", "a.ts"), "changed");
      utimesSync(
        join(project, "src", "a.ts"),
        new Date(Date.now() + 60_000),
        new Date(Date.now() + 60_000),
      );
      expect(pluginNeedsBuild(project)).toBe(true);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
