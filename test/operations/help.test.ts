/**
 * `followup help COMMAND` and `followup COMMAND --help` (issue 15): every command has help naming
 * its flags, what it writes and an example, and asking for it touches nothing (no kintone here).
 */
import { PassThrough } from "node:stream";
import { main } from "../../src/cli/main";

async function run(args: string[], lang = "ja") {
  let out = "";
  let err = "";
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(args, {
    stdout,
    stderr,
    // Nothing listens here: help must not try to reach kintone.
    env: { KINTONE_BASE_URL: "http://localhost:9", FOLLOWUP_LANG: lang },
    interactive: false,
  });
  return { code, out, err };
}

const COMMANDS = [
  "check",
  "screen",
  "audit",
  "settings",
  "export",
  "draw",
  "commit",
  "cancel",
  "decline",
  "promote",
  "verify",
  "setup",
  "upload",
  "doctor",
];

describe("followup help", () => {
  it.each(COMMANDS)(
    "%s: help and --help give its flags, what it writes and an example",
    async (name) => {
      const viaHelp = await run(["help", name]);
      const viaFlag = await run([name, "--help"]);
      expect(viaHelp.code).toBe(0);
      expect(viaFlag).toEqual(viaHelp);
      expect(viaHelp.out).toMatch(new RegExp(`^usage: followup ${name}`));
      expect(viaHelp.out).toMatch(/\n {2}--\S+/);
      expect(viaHelp.out).toContain("書き込むもの: ");
      expect(viaHelp.out).toMatch(new RegExp(`例: followup ${name}`));
    },
  );

  it("lists every command with its usage, in English too", async () => {
    const list = await run(["help"], "en");
    expect(list.code).toBe(0);
    for (const name of COMMANDS) expect(list.out).toContain(`  ${name}`);
    const draw = await run(["draw", "--help"], "en");
    expect(draw.out).toContain("writes: one lottery log entry");
    expect(draw.out).toContain("--quota N");
  });

  it("an unknown topic is a usage error", async () => {
    expect((await run(["help", "nope"])).code).toBe(2);
  });
});
