import { PassThrough, Writable } from "node:stream";
import { type CommandContext, CommandError } from "../../src/cli/command";
import { confirmWrite } from "../../src/cli/confirm";
import { startProgress } from "../../src/cli/progress";

function context(input: string, interactive: boolean) {
  let errText = "";
  const stdin = new PassThrough();
  stdin.end(input);
  const stderr = new Writable({
    write(chunk, _encoding, done) {
      errText += String(chunk);
      done();
    },
  });
  const ctx: CommandContext = {
    args: [],
    stdout: new PassThrough(),
    stderr,
    stdin,
    env: {},
    cwd: "/",
    interactive,
    lang: "ja",
  };
  return { ctx, stderr: () => errText };
}

describe("confirmWrite", () => {
  it.each([
    ["y\n", true],
    ["yes\n", true],
    ["はい\n", true],
    ["n\n", false],
    ["\n", false],
    ["", false],
  ])("on a terminal, answer %j means %s", async (answer, expected) => {
    const { ctx, stderr } = context(answer, true);
    expect(await confirmWrite(ctx, "書き込みますか?", { yes: false })).toBe(expected);
    expect(stderr()).toContain("書き込みますか? [y/N]");
  });

  it("--yes answers without asking", async () => {
    const { ctx, stderr } = context("", false);
    expect(await confirmWrite(ctx, "書き込みますか?", { yes: true })).toBe(true);
    expect(stderr()).toBe("");
  });

  it("without a terminal and without --yes it refuses, saying how to proceed", async () => {
    const { ctx } = context("y\n", false);
    await expect(confirmWrite(ctx, "書き込みますか?", { yes: false })).rejects.toThrow(
      new CommandError("端末がないため確認できません。書き込むには --yes を付けて実行してください"),
    );
  });
});

describe("progress line", () => {
  it("draws on a terminal and clears itself", () => {
    const { ctx, stderr } = context("", true);
    let now = 0;
    const progress = startProgress(ctx, "書き込み中", () => now);
    progress.update(100, 2000);
    now += 10;
    progress.update(200, 2000); // too soon: skipped
    now += 200;
    progress.update(2000, 2000);
    progress.finish();
    expect(stderr()).toContain("書き込み中 100/2000");
    expect(stderr()).not.toContain("200/2000");
    expect(stderr()).toContain("書き込み中 2000/2000");
    expect(stderr().endsWith("\r\x1b[K")).toBe(true);
  });

  it("stays quiet without a terminal", () => {
    const { ctx, stderr } = context("", false);
    const progress = startProgress(ctx, "書き込み中");
    progress.update(1, 2);
    progress.finish();
    expect(stderr()).toBe("");
  });
});
