/**
 * `followup` is one process: nothing is left running when it is killed, even with SIGKILL, which
 * a wrapper starting the real CLI as a child could not promise.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The development tool runs the long-lived sandbox; it is compiled in-process as followup is.
const BIN = path.join(__dirname, "..", "..", "bin", "dev.js");
let dataDir: string;
let cli: ChildProcess | undefined;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "followup-process-"));
});
afterEach(() => {
  cli?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function childrenOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

it("runs the command in its own process, so kill -9 stops the command itself", async () => {
  cli = spawn(process.execPath, [BIN, "sandbox", "--port", "0", "--data", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = cli;
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = "";
    started.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/[\w.]+:\d+/.exec(output);
      if (url) resolve(url[0]);
    });
    started.once("exit", (code) => reject(new Error(`followup exited (${code}): ${output}`)));
  });
  expect((await fetch(`${baseUrl}/login`)).ok).toBe(true);
  expect(childrenOf(started.pid ?? 0)).toEqual([]);

  const exited = new Promise((resolve) => started.once("exit", resolve));
  started.kill("SIGKILL");
  await exited;
  await expect(fetch(`${baseUrl}/login`)).rejects.toThrow();
});
