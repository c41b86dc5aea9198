/**
 * Sandbox hygiene: connections kept alive longer than clients keep idle sockets, sessions that
 * expire, and nothing secret stored in plain text or readable by others.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { Agent, get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createSession,
  findSession,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
} from "../../sandbox/auth/session";
import { KEEP_ALIVE_MS, startSandbox } from "../../sandbox/server";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

function request(agent: Agent, path: string): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(`${t.baseUrl}${path}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
  });
}

test("a client that waits 6.5 s between calls (past Node's default 5 s keep-alive) reuses its socket without ECONNRESET", async () => {
  expect(KEEP_ALIVE_MS).toBeGreaterThan(5_000);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect((await request(agent, "/login")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    const second = await request(agent, "/login");
    expect(second).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
}, 15_000);

describe("sessions", () => {
  test("a session unused for longer than the idle limit, or older than the maximum, is gone", () => {
    const db = t.sandbox.db;
    const start = new Date();
    const idle = createSession(db, "staff1");
    expect(findSession(db, idle.id, start)?.user.code).toBe("staff1");
    expect(findSession(db, idle.id, new Date(start.getTime() + SESSION_IDLE_MS + 1000))).toBe(
      undefined,
    );
    // Forgotten, not only refused: a later look-up does not find it either.
    expect(findSession(db, idle.id, start)).toBeUndefined();

    const busy = createSession(db, "staff1");
    let now = start.getTime();
    while (now - start.getTime() < SESSION_MAX_MS - SESSION_IDLE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(findSession(db, busy.id, new Date(now))).toBeDefined();
    }
    expect(findSession(db, busy.id, new Date(start.getTime() + SESSION_MAX_MS + 1000))).toBe(
      undefined,
    );
  });

  test("session ids, request tokens and passwords are stored only as hashes", () => {
    const db = t.sandbox.db;
    const session = createSession(db, "staff2");
    const rows = db.prepare("SELECT id, request_token FROM sessions").all() as Array<{
      id: string;
      request_token: string;
    }>;
    const stored = rows.flatMap((row) => [row.id, row.request_token]);
    expect(stored).not.toContain(session.id);
    expect(stored).not.toContain(session.requestToken);
    expect(stored).toContain(createHash("sha256").update(session.id).digest("hex"));
    const hashes = db.prepare("SELECT code, password_hash FROM users").all() as Array<{
      code: string;
      password_hash: string;
    }>;
    for (const user of hashes) expect(user.password_hash).not.toContain(user.code);
  });
});

test("the data folder is its owner's only (0700) and the database files 0600", async () => {
  const dir = join(mkdtempSync(join(tmpdir(), "sandbox-data-")), "data");
  const sandbox = await startSandbox({ port: 0, dataDir: dir });
  try {
    createSession(sandbox.db, "staff1");
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    for (const file of ["sandbox.sqlite", "sandbox.sqlite-wal", "sandbox.sqlite-shm"]) {
      expect([file, mode(join(dir, file))]).toEqual([file, 0o600]);
    }
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
