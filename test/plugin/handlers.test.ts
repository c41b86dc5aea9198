/**
 * The one wrapper for errors in kintone event handlers: a failing save or process action is
 * stopped with the reason (nothing half-written), a failing screen handler tells the user; the
 * event always comes back to kintone.
 */
import { guarded } from "../../src/desktop/handlers";

const boom = () => {
  throw new Error("権限がありません。");
};
const rejecting = () => Promise.reject(new Error("503: Service Unavailable"));

beforeEach(() => jest.spyOn(console, "error").mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

describe("guarded event handlers", () => {
  it("stops a save or an action with the reason, in the user's language", async () => {
    const notify = jest.fn();
    const save = guarded("app.record.edit.submit", boom, { lang: "ja", notify });
    const event: { error?: string | null } = {};
    expect(save(event)).toBe(event);
    expect(event.error).toBe("プラグインの処理でエラーが発生しました：権限がありません。");
    const proceed = guarded("mobile.app.record.detail.process.proceed", rejecting, {
      lang: "en",
      notify,
    });
    const later: { error?: string | null } = {};
    expect(await proceed(later)).toBe(later);
    expect(later.error).toBe("The plugin ran into an error: 503: Service Unavailable");
    expect(notify).not.toHaveBeenCalled();
  });

  it("tells the user when a screen handler fails, and returns the event untouched", async () => {
    const notify = jest.fn();
    const show = guarded("app.record.detail.show", rejecting, { lang: "ja", notify });
    const event: { error?: string | null } = {};
    expect(await show(event)).toBe(event);
    expect(event.error).toBeUndefined();
    expect(notify).toHaveBeenCalledWith(expect.stringContaining("503"), "danger");
  });

  it("passes a handler's own result through", async () => {
    const ok = guarded("app.record.create.submit", (event) => ({ ...event, seen: true }), {
      lang: "ja",
      notify: jest.fn(),
    });
    expect(ok({})).toEqual({ seen: true });
  });
});
