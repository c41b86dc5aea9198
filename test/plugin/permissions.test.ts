/**
 * @jest-environment jsdom
 */
import { allowedOperations } from "../../src/adapters/kintone-js/session";
import { defaultPluginConfig } from "../../src/core/settings/pluginConfig";
import { fakeKintone } from "./support/fakeKintone";

describe("allowedOperations", () => {
  const config = defaultPluginConfig();
  config.permissions.draw.groups = ["secretariat"];
  config.permissions.promote.users = ["staff1"];

  it("reads the user's groups with kintone.user.getGroups when kintone has it", async () => {
    const { k } = fakeKintone({ user: { code: "staff2" } });
    const withGroups = { ...k, user: { getGroups: async () => [{ code: "secretariat" }] } };
    const { allowed } = await allowedOperations(withGroups, config);
    expect(allowed).toEqual({ screen: false, draw: true, promote: false });
    expect(k.api).not.toHaveBeenCalled();
  });

  it("asks the User API when kintone.user.getGroups fails", async () => {
    const { k } = fakeKintone({ user: { code: "staff2" }, groups: ["secretariat"] });
    const refusing = {
      ...k,
      user: { getGroups: () => Promise.reject(new Error("not available on this screen")) },
    };
    const { allowed, operator } = await allowedOperations(refusing, config);
    expect(allowed.draw).toBe(true);
    expect(operator.groups).toEqual(["secretariat"]);
    expect(k.api).toHaveBeenCalledWith("/v1/user/groups.json", "GET", { code: "staff2" });
  });

  it("falls back to the User API, and to no groups when that fails", async () => {
    const member = fakeKintone({ user: { code: "staff2" }, groups: ["secretariat"] });
    expect((await allowedOperations(member.k, config)).allowed.draw).toBe(true);
    const broken = fakeKintone({ user: { code: "staff1" } });
    broken.k.api.mockRejectedValue(new Error("403"));
    const { allowed, operator } = await allowedOperations(broken.k, config);
    expect(allowed).toEqual({ screen: false, draw: false, promote: true });
    expect(operator).toEqual({ code: "staff1", groups: [] });
  });
});

describe("allowedOperations in a guest space", () => {
  const config = defaultPluginConfig();
  config.permissions.screen = { users: ["staff1"], groups: ["secretariat"] };
  config.permissions.draw.groups = ["secretariat", "Administrators"];

  it("decides by the listed users; a group only grants 'unknown', and the User API is not asked", async () => {
    const { k } = fakeKintone({
      user: { code: "staff1" },
      groups: ["secretariat"],
      guestSpaceId: 12,
    });
    const { allowed, unknown } = await allowedOperations(k, config);
    expect(allowed).toEqual({ screen: true, draw: false, promote: false });
    expect(unknown).toEqual(["draw"]);
    expect(k.api).not.toHaveBeenCalled();
  });

  it("a member of Administrators is still recognised (kintone reports that group there)", async () => {
    const { k } = fakeKintone({
      user: { code: "admin" },
      groups: ["Administrators"],
      guestSpaceId: 12,
    });
    const { allowed, unknown } = await allowedOperations(k, config);
    expect(allowed).toEqual({ screen: false, draw: true, promote: false });
    expect(unknown).toEqual(["screen"]);
  });

  it("outside a guest space the same groups decide as before (nothing unknown)", async () => {
    const { k } = fakeKintone({ user: { code: "staff2" }, groups: ["secretariat"] });
    const { allowed, unknown } = await allowedOperations(k, config);
    expect(allowed).toEqual({ screen: true, draw: true, promote: false });
    expect(unknown).toEqual([]);
  });
});
