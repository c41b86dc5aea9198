/**
 * kintone's event contract (`kintone.events.on/off`), without any DOM: handlers run in
 * registration order, a returned thenable is awaited, the event object returned by the last
 * handler is the one the screen uses, and `false` or a rejection cancels the operation.
 */
export type EventHandler = (event: any) => unknown;

export type DispatchOutcome =
  /** `returned` is the last handler's returned object, or undefined when it returned none. */
  | { cancelled: false; returned: Record<string, any> | undefined }
  /** A handler returned `false`, threw or rejected; the handlers after it did not run. */
  | { cancelled: true; reason: "false" | "rejected"; error?: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function typesOf(type: string | string[]): string[] {
  const types = Array.isArray(type) ? type : [type];
  for (const each of types) {
    if (typeof each !== "string") throw new TypeError("event type must be a string");
  }
  return types;
}

export class EventRegistry {
  private readonly handlers = new Map<string, EventHandler[]>();
  private running = 0;

  on(type: string | string[], handler: EventHandler): void {
    if (typeof handler !== "function") throw new TypeError("handler must be a function");
    for (const each of typesOf(type)) {
      this.handlers.set(each, [...(this.handlers.get(each) ?? []), handler]);
    }
  }

  /** As kintone: no handler removes every handler of the types; no arguments removes all. True when something was removed. */
  off(type?: string | string[], handler?: EventHandler): boolean {
    if (type === undefined) {
      const had = [...this.handlers.values()].some((list) => list.length > 0);
      this.handlers.clear();
      return had;
    }
    let removed = false;
    for (const each of typesOf(type)) {
      const list = this.handlers.get(each) ?? [];
      const kept = handler ? list.filter((registered) => registered !== handler) : [];
      if (kept.length !== list.length) removed = true;
      this.handlers.set(each, kept);
    }
    return removed;
  }

  has(type: string): boolean {
    return (this.handlers.get(type)?.length ?? 0) > 0;
  }

  /** True while any dispatch is in progress, including while a returned Promise is pending. */
  get dispatching(): boolean {
    return this.running > 0;
  }

  async dispatch(type: string, event: Record<string, any>): Promise<DispatchOutcome> {
    const handlers = [...(this.handlers.get(type) ?? [])];
    this.running += 1;
    try {
      let current: Record<string, any> = event;
      let returned: Record<string, any> | undefined;
      for (const handler of handlers) {
        let result: unknown;
        try {
          result = handler(current);
          if (isThenable(result)) result = await result;
        } catch (error) {
          reportHandlerError(type, error);
          return { cancelled: true, reason: "rejected", error };
        }
        if (result === false) return { cancelled: true, reason: "false" };
        returned = typeof result === "object" && result !== null ? result : undefined;
        if (returned) current = returned;
      }
      return { cancelled: false, returned };
    } finally {
      this.running -= 1;
    }
  }
}

function reportHandlerError(type: string, error: unknown): void {
  if (typeof console !== "undefined") console.error(`[kintone] handler of ${type} failed`, error);
}
