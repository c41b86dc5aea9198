/**
 * Where people wait before anything happens: the CLI's start (`followup help`, `followup check` of
 * an empty file; best of 3, warm cache) and `npm start` to its banner from a fresh clone (no
 * build, no caches: as after `npm ci`) and a second time (nothing changed). `npm start` runs in a
 * temporary copy of the project whose node_modules links every package of this one but not
 * node_modules/.cache, so the first start is really cold. Targets: issue 16.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { figureLine } from "../benchReport";

const ROOT = path.join(__dirname, "..", "..");
const PROJECT_FILES = [
  "bin",
  "src",
  "sandbox",
  "tools",
  "plugin",
  "manifest.json",
  "package.json",
  "tsconfig.json",
  "webpack.config.js",
];

function cliSeconds(args: string[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const cli = spawnSync(process.execPath, [path.join(ROOT, "bin", "followup.js"), ...args]);
    if (cli.status !== 0) throw new Error(`followup ${args.join(" ")}: ${cli.stderr.toString()}`);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  return best;
}

/** A copy of the project to start from scratch: sources, and node_modules without its caches. */
function freshClone(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "followup-bench-start-"));
  for (const name of PROJECT_FILES) {
    cpSync(path.join(ROOT, name), path.join(dir, name), {
      recursive: true,
      filter: (source) => !source.startsWith(path.join(ROOT, "plugin", "js")),
    });
  }
  const modules = path.join(dir, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(path.join(ROOT, "node_modules"))) {
    if (entry === ".cache") continue;
    symlinkSync(path.join(ROOT, "node_modules", entry), path.join(modules, entry));
  }
  return dir;
}

/** Seconds from `npm start` (as its script runs it) to the line that says how to stop it. */
function startSeconds(dir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/dev.js", "start", "--port", "0"], {
    cwd: dir,
    env: { ...process.env, FOLLOWUP_LANG: "en" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let seconds: number | undefined;
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (seconds === undefined && output.includes("Ctrl-C")) {
        seconds = (performance.now() - started) / 1000;
        child.kill("SIGTERM");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      if (seconds !== undefined) resolve(seconds);
      else reject(new Error(`npm start exited (${code}):\n${output}`));
    });
  });
}

export async function run(): Promise<void> {
  const empty = path.join(mkdtempSync(path.join(tmpdir(), "followup-bench-cli-")), "empty.json");
  writeFileSync(empty, "[]");
  console.log(figureLine("followup help (best of 3)", cliSeconds(["help"]), 0.5, "s"));
  console.log(
    figureLine(
      "followup check of [] (best of 3)",
      cliSeconds(["check", "--input", empty]),
      0.5,
      "s",
    ),
  );
  rmSync(path.dirname(empty), { recursive: true, force: true });

  const clone = freshClone();
  try {
    console.log(
      figureLine("first npm start, fresh clone, to banner", await startSeconds(clone), 20, "s"),
    );
    console.log(figureLine("second npm start, nothing changed", await startSeconds(clone), 3, "s"));
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}
