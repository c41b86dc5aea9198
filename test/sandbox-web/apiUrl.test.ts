import { kintoneApiUrl } from "../../sandbox/web/rest";

const origin = "https://example.cybozu.com";

describe("kintone.api.url", () => {
  it("gives the full URL and adds .json when the path has none", () => {
    const page = { origin, pathname: "/k/3/show" };
    expect(kintoneApiUrl(page, "/k/v1/records", true)).toBe(`${origin}/k/v1/records.json`);
    expect(kintoneApiUrl(page, "/k/v1/record.json")).toBe(`${origin}/k/v1/record.json`);
  });

  it("gives the guest-space URL only when asked to and the page is in a guest space", () => {
    const guestPage = { origin, pathname: "/k/guest/12/3/show" };
    expect(kintoneApiUrl(guestPage, "/k/v1/records.json", true)).toBe(
      `${origin}/k/guest/12/v1/records.json`,
    );
    expect(kintoneApiUrl(guestPage, "/k/v1/records.json", false)).toBe(
      `${origin}/k/v1/records.json`,
    );
    expect(kintoneApiUrl(guestPage, "/v1/user/groups.json", true)).toBe(
      `${origin}/v1/user/groups.json`,
    );
  });
});
