import { EventRegistry } from "../../sandbox/web/kintone/events";

const silenceConsole = () => jest.spyOn(console, "error").mockImplementation(() => undefined);

describe("EventRegistry.dispatch", () => {
  it("runs handlers in registration order, each seeing the previous handler's returned event", async () => {
    const events = new EventRegistry();
    const seen: string[] = [];
    events.on("app.record.create.submit", (event) => {
      seen.push(`first:${event.tag}`);
      return { ...event, tag: "from-first" };
    });
    events.on(["app.record.edit.submit", "app.record.create.submit"], (event) => {
      seen.push(`second:${event.tag}`);
      return event;
    });
    const outcome = await events.dispatch("app.record.create.submit", { tag: "original" });
    expect(seen).toEqual(["first:original", "second:from-first"]);
    expect(outcome).toEqual({ cancelled: false, returned: { tag: "from-first" } });
  });

  it("uses only the last handler's return: nothing returned means no event", async () => {
    const events = new EventRegistry();
    events.on("t", (event) => event);
    events.on("t", () => undefined);
    expect(await events.dispatch("t", { a: 1 })).toEqual({ cancelled: false, returned: undefined });
  });

  it("awaits a returned thenable before calling the next handler", async () => {
    const events = new EventRegistry();
    const order: string[] = [];
    events.on("t", (event) => ({
      then(resolve: (value: unknown) => void) {
        setTimeout(() => {
          order.push("slow done");
          resolve({ ...event, late: true });
        }, 20);
      },
    }));
    events.on("t", (event) => {
      order.push(`next sees late=${event.late}`);
      return event;
    });
    const outcome = await events.dispatch("t", {});
    expect(order).toEqual(["slow done", "next sees late=true"]);
    expect(outcome).toEqual({ cancelled: false, returned: { late: true } });
  });

  it("cancels on false and skips later handlers", async () => {
    const events = new EventRegistry();
    const later = jest.fn();
    events.on("t", () => Promise.resolve(false));
    events.on("t", later);
    expect(await events.dispatch("t", {})).toEqual({ cancelled: true, reason: "false" });
    expect(later).not.toHaveBeenCalled();
  });

  it("cancels on a rejected Promise or a thrown error", async () => {
    const spy = silenceConsole();
    const events = new EventRegistry();
    events.on("rejects", () => Promise.reject(new Error("no")));
    events.on("throws", () => {
      throw new Error("boom");
    });
    expect(await events.dispatch("rejects", {})).toMatchObject({
      cancelled: true,
      reason: "rejected",
    });
    expect(await events.dispatch("throws", {})).toMatchObject({
      cancelled: true,
      reason: "rejected",
    });
    spy.mockRestore();
  });

  it("reports dispatching while a returned Promise is pending", async () => {
    const events = new EventRegistry();
    let during = false;
    events.on("t", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      during = events.dispatching;
    });
    expect(events.dispatching).toBe(false);
    await events.dispatch("t", {});
    expect(during).toBe(true);
    expect(events.dispatching).toBe(false);
  });
});

describe("EventRegistry.off", () => {
  it("removes one handler, all handlers of a type, or everything, and says whether it removed any", () => {
    const events = new EventRegistry();
    const a = () => undefined;
    const b = () => undefined;
    events.on(["x", "y"], a);
    events.on("x", b);
    expect(events.off("x", a)).toBe(true);
    expect(events.off("x", a)).toBe(false);
    expect(events.has("x")).toBe(true);
    expect(events.off("x")).toBe(true);
    expect(events.has("x")).toBe(false);
    expect(events.off()).toBe(true);
    expect(events.has("y")).toBe(false);
    expect(events.off()).toBe(false);
  });

  it("rejects a handler that is not a function", () => {
    expect(() => new EventRegistry().on("x", "nope" as never)).toThrow(TypeError);
  });
});
