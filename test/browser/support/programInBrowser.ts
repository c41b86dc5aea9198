import type { Browser } from "playwright-core";
import { type ProgramSandbox, startProgramSandbox } from "../../plugin/support/programSandbox";
import { launchBrowser } from "./browser";

/** The program sandbox (apps set up, the built plugin installed) and one browser, for a test file. */
export interface ProgramInBrowser {
  readonly p: ProgramSandbox;
  readonly browser: Browser;
}

/**
 * Starts both before the file's tests (then runs `prepare`, e.g. configuring the plugin) and closes
 * both after them. Read them inside a test or a function a test calls: they exist only once
 * beforeAll has run.
 */
export function programInBrowser(
  options?: Parameters<typeof startProgramSandbox>[0],
  prepare?: (started: ProgramInBrowser) => Promise<void>,
): ProgramInBrowser {
  let p: ProgramSandbox | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    p = await startProgramSandbox(options);
    browser = await launchBrowser();
    await prepare?.({ p, browser });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await p?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the sandbox and browser start in beforeAll");
    return value;
  };
  return {
    get p() {
      return started(p);
    },
    get browser() {
      return started(browser);
    },
  };
}
