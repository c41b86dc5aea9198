import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { createSession, sessionCookie } from "../../sandbox/auth/session";
import { kintoneFailure as failure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

let t: TestSandbox;
let appId: string;

beforeAll(async () => {
  t = await startTestSandbox();
  const admin = t.clientAs("admin");
  ({ app: appId } = await admin.app.addApp({ name: "認証テスト" }));
  await admin.app.addFormFields({
    app: appId,
    properties: { title: { type: "SINGLE_LINE_TEXT", code: "title", label: "題名" } },
  });
  await admin.app.deployApp({ apps: [{ app: appId }] });
});
afterAll(() => t.close());

describe("authentication", () => {
  test("no credentials: 401 CB_AU01 in Japanese by default", async () => {
    const response = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}`);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toMatchObject({ code: "CB_AU01", message: "ログインしてください。" });
    expect(typeof body.id).toBe("string");
  });

  test("the message follows Accept-Language", async () => {
    const response = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}`, {
      headers: { "Accept-Language": "en-US,en;q=0.9" },
    });
    expect((await response.json()).message).toBe("Please login.");
  });

  test("wrong password and unknown user: 401 CB_WA01", async () => {
    for (const client of [t.clientAs("admin", { password: "nope" }), t.clientAs("nobody")]) {
      const error = await failure(client.app.getApp({ id: appId }));
      expect(error.status).toBe(401);
      expect(error.code).toBe("CB_WA01");
    }
  });

  test("every response carries the concurrency headers", async () => {
    const response = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}`);
    expect(response.headers.get("x-concurrencylimit-limit")).toBe("100");
    expect(Number(response.headers.get("x-concurrencylimit-running"))).toBeGreaterThanOrEqual(1);
  });

  test("a logged-in user gets messages in their kintone language, whatever the browser says", async () => {
    const error = await failure(t.clientAs("staff_en").app.getApp({ id: "999" }));
    expect(error.code).toBe("GAIA_AP01");
    expect(error.message).toContain("The app (ID: 999) not found.");
    const ja = await fetch(`${t.baseUrl}/k/v1/app.json?id=999`, {
      headers: {
        "X-Cybozu-Authorization": Buffer.from("staff1:staff1").toString("base64"),
        "Accept-Language": "en-US",
      },
    });
    expect((await ja.json()).message).toContain("指定したアプリ（id: 999）が見つかりません。");
  });

  test("API-token calls follow Accept-Language", async () => {
    const token = await t.createApiToken(appId);
    const response = await fetch(`${t.baseUrl}/k/v1/app.json?id=999`, {
      headers: { "X-Cybozu-API-Token": token, "Accept-Language": "en" },
    });
    expect((await response.json()).message).toBe(
      "The app (ID: 999) not found. The app may have been deleted.",
    );
    const ja = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}&x=1`, {
      headers: { "X-Cybozu-API-Token": "wrong" },
    });
    expect((await ja.json()).message).toMatch(/APIトークン/);
  });
});

describe("API tokens", () => {
  test("an unknown token: 400 GAIA_IA02", async () => {
    const error = await failure(t.clientWithToken("not-a-token").app.getApp({ id: appId }));
    expect(error.status).toBe(400);
    expect(error.code).toBe("GAIA_IA02");
  });

  test("a token reads its app but may not change its settings without manage permission", async () => {
    const token = await t.createApiToken(appId, { view: true });
    const client = t.clientWithToken(token);
    expect((await client.app.getApp({ id: appId })).name).toBe("認証テスト");
    const error = await failure(client.app.updateAppSettings({ app: appId, name: "書き換え" }));
    expect(error.status).toBe(403);
    expect(error.code).toBe("GAIA_NO01");
  });

  test("a token with manage permission edits the preview settings", async () => {
    const token = await t.createApiToken(appId, { view: true, manage: true });
    const client = t.clientWithToken(token);
    const { revision } = await client.app.updateAppSettings({ app: appId, description: "token" });
    expect(Number(revision)).toBeGreaterThan(0);
  });

  test("a token of another app is refused for this app", async () => {
    const { app: other } = await t.clientAs("admin").app.addApp({ name: "別アプリ" });
    await t.clientAs("admin").app.deployApp({ apps: [{ app: other }] });
    const token = await t.createApiToken(other, { view: true });
    const error = await failure(t.clientWithToken(token).app.getApp({ id: appId }));
    expect(error.code).toBe("GAIA_IA02");
    const both = await t.createApiToken(appId, { view: true });
    const client = t.clientWithToken([token, both]);
    expect((await client.app.getApp({ id: appId })).appId).toBe(appId);
    expect((await client.app.getApp({ id: other })).appId).toBe(other);
  });
});

describe("permissions", () => {
  test("the viewer may read the app but not change it", async () => {
    const viewer = t.clientAs("viewer");
    expect((await viewer.app.getFormFields({ app: appId })).properties.title).toBeDefined();
    const error = await failure(
      viewer.app.addFormFields({
        app: appId,
        properties: { x: { type: "NUMBER", code: "x", label: "x" } },
      }),
    );
    expect(error.status).toBe(403);
    expect(error.code).toBe("CB_NO02");
  });

  test("secretariat staff may manage the app", async () => {
    const staff = t.clientAs("staff1");
    await expect(staff.app.getFormFields({ app: appId, preview: true })).resolves.toBeDefined();
  });
});

describe("browser session", () => {
  function sessionFetch(cookie: string, method: string, body?: unknown) {
    return fetch(`${t.baseUrl}/k/v1/preview/app/settings.json`, {
      method,
      headers: {
        Cookie: cookie,
        "X-Requested-With": "XMLHttpRequest",
        "Content-Type": "application/json",
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  test("a session reads without a request token but must send it to write", async () => {
    const session = createSession(t.sandbox.db, "staff1");
    const cookie = sessionCookie(session).split(";")[0] ?? "";
    const read = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}`, {
      headers: { Cookie: cookie },
    });
    expect(read.status).toBe(200);
    const refused = await sessionFetch(cookie, "PUT", { app: appId, description: "x" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe("CB_IL02");
    const wrong = await sessionFetch(cookie, "PUT", {
      app: appId,
      description: "x",
      __REQUEST_TOKEN__: "forged",
    });
    expect(wrong.status).toBe(403);
    const accepted = await sessionFetch(cookie, "PUT", {
      app: appId,
      description: "by session",
      __REQUEST_TOKEN__: session.requestToken,
    });
    expect(accepted.status).toBe(200);
    const settings = await t.clientAs("admin").app.getAppSettings({ app: appId, preview: true });
    expect(settings.description).toBe("by session");
  });

  test("an unknown session cookie is not logged in", async () => {
    const response = await fetch(`${t.baseUrl}/k/v1/app.json?id=${appId}`, {
      headers: { Cookie: "sandbox_session=forged" },
    });
    expect(response.status).toBe(401);
  });
});

describe("request shapes", () => {
  test("a long GET sent as POST with X-HTTP-Method-Override is answered as the GET", async () => {
    const client = new KintoneRestAPIClient({
      baseUrl: t.baseUrl,
      auth: { username: "admin", password: "admin" },
    });
    const ids = Array.from({ length: 400 }, (_, i) => i + 1000);
    const before = (await t.control("/__sandbox/stats")) as { requests: Record<string, number> };
    const { apps } = await client.app.getApps({ ids: [...ids, Number(appId)] });
    expect(apps.map((a) => a.appId)).toEqual([appId]);
    const after = (await t.control("/__sandbox/stats")) as { requests: Record<string, number> };
    expect((after.requests["POST apps"] ?? 0) - (before.requests["POST apps"] ?? 0)).toBe(1);
  });

  test("guest-space paths reach the same endpoints, for the apps of that space only", async () => {
    const client = new KintoneRestAPIClient({
      baseUrl: t.baseUrl,
      auth: { username: "admin", password: "admin" },
      guestSpaceId: 7,
    });
    const { app } = await client.app.addApp({ name: "ゲスト" });
    expect((await client.app.getFormFields({ app, preview: true })).properties).toBeDefined();
    const outside = await client.app
      .getApp({ id: appId })
      .catch((error: { code?: string }) => error);
    expect((outside as { code?: string }).code).toBe("CB_NO02");
  });

  test("invalid JSON: 400 CB_IJ01", async () => {
    const response = await fetch(`${t.baseUrl}/k/v1/preview/app.json`, {
      method: "POST",
      headers: {
        "X-Cybozu-Authorization": Buffer.from("admin:admin").toString("base64"),
        "Content-Type": "application/json",
      },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe("CB_IJ01");
  });
});

describe("cybozu.com User API", () => {
  const get = (path: string, headers: Record<string, string>) =>
    fetch(`${t.baseUrl}${path}`, { headers }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
  const password = (user: string) => ({
    "X-Cybozu-Authorization": Buffer.from(`${user}:${user}`).toString("base64"),
  });

  test("a user's groups, as the plugin reads them for its permission settings", async () => {
    const staff = await get("/v1/user/groups.json?code=staff1", password("staff1"));
    expect(staff.status).toBe(200);
    expect(staff.body.groups.map((g: { code: string }) => g.code)).toEqual(["secretariat"]);
    const viewer = await get("/v1/user/groups.json?code=viewer", password("admin"));
    expect(viewer.body.groups).toEqual([]);
    const session = createSession(t.sandbox.db, "admin");
    const bySession = await get("/v1/user/groups.json?code=admin", {
      Cookie: sessionCookie(session).split(";")[0] ?? "",
    });
    expect(bySession.body.groups.map((g: { code: string }) => g.code)).toEqual([
      "Administrators",
      "secretariat",
    ]);
  });

  test("users and group members; unknown codes and API tokens are refused", async () => {
    const users = await get("/v1/users.json?codes[0]=staff1&codes[1]=staff2", password("viewer"));
    expect(users.body.users.map((u: { code: string }) => u.code)).toEqual(["staff1", "staff2"]);
    const members = await get("/v1/group/users.json?code=secretariat", password("viewer"));
    expect(members.body.users.map((u: { code: string }) => u.code)).toEqual([
      "admin",
      "staff1",
      "staff2",
      "staff_en",
    ]);
    expect((await get("/v1/user/groups.json?code=ghost", password("admin"))).status).toBe(400);
    const token = await t.createApiToken(appId);
    const byToken = await get("/v1/users.json", { "X-Cybozu-API-Token": token });
    expect(byToken.status).toBe(401);
  });
});
