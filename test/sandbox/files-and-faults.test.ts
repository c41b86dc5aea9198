import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { startSandbox } from "../../sandbox/server";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const admin = () => t.clientAs("admin");

describe("files", () => {
  test("an uploaded file downloads byte for byte by its fileKey", async () => {
    const data = Buffer.from(JSON.stringify({ algorithm: "hmac-sha256-rank/v1", seed: "ab" }));
    const { fileKey } = await admin().file.uploadFile({ file: { name: "bundle.json", data } });
    expect(fileKey).toMatch(/^[0-9a-f-]{36}$/);
    const downloaded = await admin().file.downloadFile({ fileKey });
    expect(Buffer.from(downloaded).equals(data)).toBe(true);
  });

  test("an unknown fileKey is not found; uploading needs a login", async () => {
    const error = await kintoneFailure(admin().file.downloadFile({ fileKey: "missing" }));
    expect(error.status).toBe(404);
    const anonymous = await fetch(`${t.baseUrl}/k/v1/file.json`, { method: "POST" });
    expect(anonymous.status).toBe(401);
  });
});

describe("fault injection (test mode)", () => {
  afterEach(() => t.control("/__sandbox/faults", { status: 429, next: 0 }));

  test("the next N requests answer 429 GAIA_TO04, then service resumes", async () => {
    const { app } = await admin().app.addApp({ name: "障害" });
    await t.control("/__sandbox/faults", { status: 429, next: 2 });
    for (let i = 0; i < 2; i++) {
      const error = await kintoneFailure(admin().app.getFormFields({ app, preview: true }));
      expect(error.status).toBe(429);
      expect(error.code).toBe("GAIA_TO04");
    }
    await expect(admin().app.getFormFields({ app, preview: true })).resolves.toBeDefined();
  });

  test("503 answers are plain text, as a maintenance page would be", async () => {
    await t.control("/__sandbox/faults", { status: 503, next: 1 });
    await expect(admin().app.getApps({})).rejects.toThrow("503");
    await expect(admin().app.getApps({})).resolves.toBeDefined();
  });

  test("faults can target endpoints, and a share of 1 fails every call there", async () => {
    await t.control("/__sandbox/faults", { status: 429, share: 1, endpoints: ["/k/v1/apps.json"] });
    expect((await kintoneFailure(admin().app.getApps({}))).code).toBe("GAIA_TO04");
    expect((await kintoneFailure(admin().app.getApps({}))).code).toBe("GAIA_TO04");
    const { app } = await admin().app.addApp({ name: "対象外" });
    expect(app).toMatch(/^\d+$/);
  });

  test("request counts per endpoint and method; reset clears them", async () => {
    await t.control("/__sandbox/stats/reset", {});
    const { app } = await admin().app.addApp({ name: "数える" });
    await admin().app.getFormFields({ app, preview: true });
    await admin().app.getFormFields({ app, preview: true });
    const stats = (await t.control("/__sandbox/stats")) as { requests: Record<string, number> };
    expect(stats.requests).toEqual({ "POST preview/app": 1, "GET preview/app/form/fields": 2 });
  });

  test("bad fault plans are refused", async () => {
    await expect(t.control("/__sandbox/faults", { status: 500 })).rejects.toThrow("400");
    await expect(t.control("/__sandbox/faults", { status: 429, share: 2 })).rejects.toThrow("400");
  });
});

test("outside test mode the control endpoints do not exist", async () => {
  const sandbox = await startSandbox({ port: 0, dataDir: ":memory:" });
  try {
    for (const path of ["/__sandbox/faults", "/__sandbox/stats/reset", "/__sandbox/api-tokens"]) {
      const response = await fetch(`${sandbox.baseUrl}${path}`, { method: "POST", body: "{}" });
      expect(response.status).toBe(404);
    }
    expect((await fetch(`${sandbox.baseUrl}/__sandbox/stats`)).status).toBe(404);
    const client = new KintoneRestAPIClient({
      baseUrl: sandbox.baseUrl,
      auth: { username: "admin", password: "admin" },
    });
    await expect(client.app.getApps({})).resolves.toEqual({ apps: [] });
  } finally {
    await sandbox.close();
  }
});

test("more than 100 requests in progress: the 101st answers 429 GAIA_TO04", async () => {
  const { request } = await import("node:http");
  const url = new URL(t.baseUrl);
  const auth = Buffer.from("admin:admin").toString("base64");
  // 100 requests whose bodies never finish stay in progress.
  const pending = Array.from({ length: 100 }, () => {
    const req = request({
      host: "127.0.0.1",
      port: url.port,
      method: "POST",
      path: "/k/v1/preview/app.json",
      headers: { "X-Cybozu-Authorization": auth, "Content-Type": "application/json" },
    });
    req.on("error", () => undefined);
    req.write('{"name": ');
    return req;
  });
  // Wait until the server holds all 100 (the probe itself is the 101st).
  for (let running = 0; running <= 100;) {
    const probe = await fetch(`${t.baseUrl}/__sandbox/stats`);
    running = Number(probe.headers.get("x-concurrencylimit-running"));
  }
  const error = await kintoneFailure(admin().app.getApps({}));
  expect(error.status).toBe(429);
  expect(error.code).toBe("GAIA_TO04");
  expect(error.headers["x-concurrencylimit-limit"]).toBe("100");
  for (const req of pending) req.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  await expect(admin().app.getApps({})).resolves.toBeDefined();
});
