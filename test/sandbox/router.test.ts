import { errors } from "../../sandbox/http/errors";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";
import { createSession, sessionCookie } from "../../sandbox/auth/session";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
  t.sandbox.db.exec("CREATE TABLE router_probe (value TEXT)");
  // A write that fails halfway: the router must roll the first insert back.
  t.sandbox.router.api("POST", "probe/write", (req) => {
    req.db.prepare("INSERT INTO router_probe (value) VALUES (?)").run(String(req.params.value));
    if (req.params.fail) throw errors.validation({ value: [{ ja: "失敗", en: "failed" }] });
    return { ok: true };
  });
});
afterAll(() => t.close());

const count = () =>
  (t.sandbox.db.prepare("SELECT COUNT(*) AS n FROM router_probe").get() as { n: number }).n;

test("one write request is one transaction: a failing handler leaves nothing behind", async () => {
  const url = `${t.baseUrl}/k/v1/probe/write.json`;
  const headers = {
    "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64"),
    "Content-Type": "application/json",
  };
  const ok = await fetch(url, { method: "POST", headers, body: JSON.stringify({ value: "a" }) });
  expect(ok.status).toBe(200);
  const failed = await fetch(url, {
    method: "POST",
    headers,
    body: JSON.stringify({ value: "b", fail: true }),
  });
  expect(failed.status).toBe(400);
  expect(count()).toBe(1);
});

test("an unknown endpoint and a wrong method are kintone errors, not crashes", async () => {
  const headers = { "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64") };
  const unknown = await fetch(`${t.baseUrl}/k/v1/no/such/api.json`, { headers });
  expect(unknown.status).toBe(404);
  expect((await unknown.json()).code).toBe("CB_NF01");
  const wrongMethod = await fetch(`${t.baseUrl}/k/v1/probe/write.json`, { headers });
  expect(wrongMethod.status).toBe(405);
  expect(await kintoneFailure(t.clientAs("admin").app.getApp({ id: "abc" }))).toMatchObject({
    code: "CB_VA01",
  });
});

test("a browser session uploads a file with the request token as a form field", async () => {
  const session = createSession(t.sandbox.db, "staff1");
  const cookie = sessionCookie(session).split(";")[0] ?? "";
  const upload = (token?: string) => {
    const form = new FormData();
    if (token) form.append("__REQUEST_TOKEN__", token);
    form.append("file", new Blob(["hello"], { type: "text/plain" }), "hello.txt");
    return fetch(`${t.baseUrl}/k/v1/file.json`, {
      method: "POST",
      headers: { Cookie: cookie, "X-Requested-With": "XMLHttpRequest" },
      body: form,
    });
  };
  expect((await upload()).status).toBe(403);
  const accepted = await upload(session.requestToken);
  expect(accepted.status).toBe(200);
  const { fileKey } = (await accepted.json()) as { fileKey: string };
  const data = await t.clientAs("admin").file.downloadFile({ fileKey });
  expect(Buffer.from(data).toString()).toBe("hello");
});
