import { RestError } from "../../sandbox/web/rest";
import { createUserApi } from "../../sandbox/web/kintone/user";

const groupsByUser: Record<string, Array<Record<string, string>>> = {
  staff1: [{ id: "3", code: "secretariat", name: "事務局", description: "" }],
  viewer: [],
};

/** The User API `/v1/user/groups.json` of a directory holding `groupsByUser`, counting its calls. */
function fakeUserApi() {
  const calls: Array<{ path: string; params: Record<string, unknown> }> = [];
  const call = async <T>(path: string, _method: string, params: Record<string, unknown>) => {
    calls.push({ path, params });
    const groups = groupsByUser[String(params.code)];
    if (!groups)
      throw new RestError(400, { code: "CB_VA01", message: "ユーザーが見つかりません。" });
    return { groups } as T;
  };
  return { call, calls };
}

describe("kintone.user", () => {
  it("getGroups() answers the login user's groups as {id, code, name}", async () => {
    const api = fakeUserApi();
    const user = createUserApi("staff1", api.call);
    await expect(user.getGroups()).resolves.toEqual([
      { id: "3", code: "secretariat", name: "事務局" },
    ]);
    expect(api.calls).toEqual([{ path: "/v1/user/groups", params: { code: "staff1" } }]);
  });

  it("in a guest space getGroups() answers only Everyone and Administrators, as kintone documents", async () => {
    groupsByUser.admin = [
      { id: "1", code: "Administrators", name: "Administrators", description: "" },
      { id: "3", code: "secretariat", name: "事務局", description: "" },
    ];
    const guest = (code: string) => createUserApi(code, fakeUserApi().call, true);
    expect((await guest("staff1").getGroups()).map((g) => g.code)).toEqual(["everyone"]);
    expect((await guest("admin").getGroups()).map((g) => g.code)).toEqual([
      "everyone",
      "Administrators",
    ]);
  });

  it("getGroups(code) answers another user's groups; reads each user once per page", async () => {
    const api = fakeUserApi();
    const user = createUserApi("staff1", api.call);
    await expect(user.getGroups("viewer")).resolves.toEqual([]);
    const first = await user.getGroups();
    first.pop();
    await expect(user.getGroups()).resolves.toHaveLength(1);
    expect(api.calls.map((c) => c.params.code)).toEqual(["viewer", "staff1"]);
  });

  it("rejects with kintone's error body for an unknown user, and asks again next time", async () => {
    const api = fakeUserApi();
    const user = createUserApi("staff1", api.call);
    await expect(user.getGroups("nobody")).rejects.toEqual({
      code: "CB_VA01",
      message: "ユーザーが見つかりません。",
    });
    await expect(user.getGroups("nobody")).rejects.toMatchObject({ code: "CB_VA01" });
    expect(api.calls).toHaveLength(2);
  });

  it("getOrganizations() answers no organizations for an existing user and rejects an unknown one", async () => {
    const api = fakeUserApi();
    const user = createUserApi("staff1", api.call);
    await expect(user.getOrganizations()).resolves.toEqual([]);
    await expect(user.getOrganizations("nobody")).rejects.toMatchObject({ code: "CB_VA01" });
  });

  it("rejects when nobody is logged in and no login name is given", async () => {
    const user = createUserApi(undefined, fakeUserApi().call);
    await expect(user.getGroups()).rejects.toThrow(/login name/);
  });
});
