import { renderShell, scriptJson } from "../../sandbox/pages/shell";
import { startTestSandbox, type TestSandbox } from "../support/sandbox";

describe("page shell", () => {
  it("embeds bootstrap JSON that no value can break out of", () => {
    const html = renderShell({
      title: "<t>",
      bootstrap: { lang: "ja", name: "</script><script>alert(1)</script>" },
    });
    expect(html).not.toContain("</script><script>alert(1)");
    expect(html).toContain("<title>&#60;t&#62;</title>");
    const json =
      /<script id="sandbox-bootstrap" type="application\/json">(.*)<\/script>/.exec(html)?.[1] ??
      "";
    expect(JSON.parse(json).name).toBe("</script><script>alert(1)</script>");
    expect(scriptJson("\u2028")).toBe('"\\u2028"');
  });
});

describe("login and page access", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  const login = (body: string) =>
    fetch(`${sandbox.baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });

  it("logs in with the form, returns to a local path only, and never to another site", async () => {
    const good = await login("username=admin&password=admin&redirect=%2Fk%2F1%2F");
    expect(good.status).toBe(302);
    expect(good.headers.get("location")).toBe("/k/1/");
    expect(good.headers.get("set-cookie")).toMatch(/sandbox_session=/);
    const outside = await login("username=admin&password=admin&redirect=%2F%2Fevil.example%2F");
    expect(outside.headers.get("location")).toBe("/k/");
    const wrong = await login("username=admin&password=nope&redirect=%2Fk%2F");
    expect(wrong.headers.get("location")).toBe("/login?failed=1&redirect=%2Fk%2F");
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("sends a visitor without a session to the login page, and serves plugin files only to sessions", async () => {
    const page = await fetch(`${sandbox.baseUrl}/k/1/show`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/login?redirect=%2Fk%2F1%2Fshow");
    const file = await fetch(`${sandbox.baseUrl}/k/plugin-files/${"a".repeat(32)}/js/desktop.js`);
    expect(file.status).toBe(401);
  });
});
