/**
 * Apps of a guest space: kintone serves them under /k/guest/<space>/v1/... only (cybozu.dev: every
 * REST page lists the guest-space URL; "kintone.apiにゲストスペースでも使える正しいパスを指定する"),
 * and their screens under /k/guest/<space>/<app>/.
 */
import { KintoneRestAPIClient } from "@kintone/rest-api-client";
import { createSession, sessionCookie } from "../../sandbox/auth/session";
import { kintoneFailure } from "../support/kintoneError";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

const SPACE = 7;
let sandbox: TestSandbox;
let guestApp: string;
let plainApp: string;

const guest = (user = "admin") =>
  new KintoneRestAPIClient({
    baseUrl: sandbox.baseUrl,
    auth: { username: user, password: user },
    guestSpaceId: SPACE,
  });

async function deployed(client: KintoneRestAPIClient, app: string): Promise<void> {
  await client.app.deployApp({ apps: [{ app }] });
  for (;;) {
    const { apps } = await client.app.getDeployStatus({ apps: [app] });
    if (apps[0]?.status === "SUCCESS") return;
  }
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ({ app: guestApp } = await guest().app.addApp({ name: "ゲストの申込" }));
  await guest().app.addFormFields({
    app: guestApp,
    properties: {
      company_name: { type: "SINGLE_LINE_TEXT", code: "company_name", label: "企業名" },
    },
  });
  await deployed(guest(), guestApp);
  ({ app: plainApp } = await sandbox.clientAs("admin").app.addApp({ name: "通常の申込" }));
  await deployed(sandbox.clientAs("admin"), plainApp);
});
afterAll(() => sandbox.close());

describe("REST paths", () => {
  test("a guest space's app answers on its guest path and is refused on /k/v1", async () => {
    const { id } = await guest("staff1").record.addRecord({
      app: guestApp,
      record: { company_name: { value: "株式会社ゲスト" } },
    });
    const { record } = await guest("staff1").record.getRecord({ app: guestApp, id });
    expect(record.company_name?.value).toBe("株式会社ゲスト");
    const plainPath = await kintoneFailure(
      sandbox.clientAs("staff1").record.getRecord({ app: guestApp, id }),
    );
    expect([plainPath.status, plainPath.code]).toEqual([403, "CB_NO02"]);
    const otherSpace = await kintoneFailure(
      new KintoneRestAPIClient({
        baseUrl: sandbox.baseUrl,
        auth: { username: "staff1", password: "staff1" },
        guestSpaceId: SPACE + 1,
      }).record.getRecords({ app: guestApp }),
    );
    expect(otherSpace.code).toBe("CB_NO02");
  });

  test("an app outside the space is refused on the guest path; each path lists its own apps", async () => {
    const refused = await kintoneFailure(guest().record.getRecords({ app: plainApp }));
    expect(refused.code).toBe("CB_NO02");
    const inSpace = await guest().app.getApps({});
    expect(inSpace.apps.map((a) => a.appId)).toEqual([guestApp]);
    const outside = await sandbox.clientAs("admin").app.getApps({});
    expect(outside.apps.map((a) => a.appId)).toEqual([plainApp]);
  });

  test("bulkRequest in a guest space uses guest paths for its requests and their apps", async () => {
    const { results } = await guest("staff1").bulkRequest({
      requests: [
        {
          method: "POST",
          api: `/k/guest/${SPACE}/v1/record.json`,
          payload: { app: guestApp, record: { company_name: { value: "一括" } } },
        },
      ],
    });
    expect(results).toHaveLength(1);
    const mixed = await kintoneFailure(
      guest("staff1").bulkRequest({
        requests: [
          {
            method: "POST",
            api: `/k/guest/${SPACE}/v1/record.json`,
            payload: { app: plainApp, record: {} },
          },
        ],
      }),
    );
    expect(mixed.status).toBe(403);
  });
});

describe("screens", () => {
  const page = async (path: string, user = "staff1") => {
    const session = createSession(sandbox.sandbox.db, user);
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      headers: { Cookie: sessionCookie(session).split(";")[0] ?? "" },
      redirect: "manual",
    });
    return { status: response.status, body: await response.text() };
  };

  test("a guest space's app pages live under its space, with the space in the page's bootstrap", async () => {
    const list = await page(`/k/guest/${SPACE}/${guestApp}/`);
    expect(list.status).toBe(200);
    expect(list.body).toContain(`"guestSpaceId":${SPACE}`);
    expect((await page(`/k/m/guest/${SPACE}/${guestApp}/show?record=1`)).status).toBe(200);
    expect((await page(`/k/${guestApp}/`)).status).toBe(404);
    expect((await page(`/k/guest/${SPACE}/${plainApp}/`)).status).toBe(404);
  });

  test("errors are pages in the user's language: a malformed %-escape is a 400, not a 500", async () => {
    const malformed = await page("/k/%E3%8/show");
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain("リクエストが正しくありません");
    const forbidden = await page(`/k/admin/app/${plainApp}/plugin/`, "viewer");
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toContain("この画面を表示する権限がありません");
    expect(forbidden.body).not.toMatch(/^Forbidden$/m);
  });
});
