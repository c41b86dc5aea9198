import { APPLICATION_VIEWS, viewsInAppCodes } from "../../src/apps/applicationViews";

describe("views in the app's own system-field codes", () => {
  it("renames the status and updated-time codes outside quotes only", () => {
    const views = viewsInAppCodes(APPLICATION_VIEWS, {
      Status: { type: "STATUS", code: "Status" },
      Updated_datetime: { type: "UPDATED_TIME", code: "Updated_datetime" },
    });
    const winners = views.find((view) => view.name === "当選者");
    expect(winners?.filterCond).toBe('Status in ("当選")');
    expect(winners?.type === "LIST" && winners.fields).toContain("Status");
    const waiting = views.find((view) => view.name === "質問票待ち");
    expect(waiting?.sort).toBe("Updated_datetime asc");
    expect(JSON.stringify(views)).not.toMatch(/ステータス|更新日時/);
  });

  it("leaves an app made in Japanese as it is", () => {
    const same = viewsInAppCodes(APPLICATION_VIEWS, {
      ステータス: { type: "STATUS", code: "ステータス" },
    });
    expect(same).toEqual(APPLICATION_VIEWS);
  });
});
