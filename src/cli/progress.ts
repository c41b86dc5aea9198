import type { CommandContext } from "./command";

export interface Progress {
  /** `done` of `total` units (total unknown: undefined). */
  update(done: number, total?: number): void;
  /** Clears the progress line so the next output starts clean. */
  finish(): void;
}

const ignore = (): void => undefined;
const quiet: Progress = { update: ignore, finish: ignore };

/**
 * A one-line progress display on stderr for long runs, redrawn in place at most ~10 times a second.
 * Without a terminal (pipes, cron, tests) it prints nothing, so logs stay clean.
 */
export function startProgress(
  context: Pick<CommandContext, "interactive" | "stderr">,
  label: string,
  now: () => number = Date.now,
): Progress {
  if (!context.interactive) return quiet;
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - lastDrawn < 100 && done !== total) return;
      lastDrawn = time;
      drawn = true;
      const count = total === undefined ? `${done}` : `${done}/${total}`;
      context.stderr.write(`\r\x1b[K${label} ${count}`);
    },
    finish() {
      if (drawn) context.stderr.write("\r\x1b[K");
      drawn = false;
    },
  };
}
