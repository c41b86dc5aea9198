import {
  decidePermission,
  groupsUnknownInGuestSpace,
} from "../../src/core/settings/operatorPermission";

const staff1 = { code: "staff1" };
const everywhere = { groups: ["secretariat", "everyone"], complete: true };
const guestSpace = { groups: ["everyone"], complete: false };

describe("decidePermission", () => {
  it("allows a listed user anywhere, and a listed group's member where kintone names the groups", () => {
    expect(decidePermission({ users: ["staff1"], groups: [] }, staff1, guestSpace)).toBe("allowed");
    expect(decidePermission({ users: [], groups: ["secretariat"] }, staff1, everywhere)).toBe(
      "allowed",
    );
    expect(decidePermission({ users: [], groups: ["chiefs"] }, staff1, everywhere)).toBe("denied");
  });

  it("in a guest space, a group other than Everyone/Administrators is unknown, never allowed", () => {
    expect(decidePermission({ users: [], groups: ["secretariat"] }, staff1, guestSpace)).toBe(
      "unknown",
    );
    expect(
      decidePermission({ users: ["staff2"], groups: ["secretariat"] }, staff1, guestSpace),
    ).toBe("unknown");
  });

  it("in a guest space, Everyone and Administrators are still decided by kintone's answer", () => {
    const admin = { groups: ["everyone", "Administrators"], complete: false };
    const onlyAdmins = { users: [], groups: ["Administrators"] };
    expect(decidePermission(onlyAdmins, staff1, admin)).toBe("allowed");
    expect(decidePermission(onlyAdmins, staff1, guestSpace)).toBe("denied");
    expect(decidePermission({ users: [], groups: [] }, staff1, guestSpace)).toBe("denied");
  });

  it("names the listed groups a guest space cannot confirm", () => {
    expect(
      groupsUnknownInGuestSpace(["secretariat", "Administrators", "everyone", "chiefs"]),
    ).toEqual(["secretariat", "chiefs"]);
  });
});
