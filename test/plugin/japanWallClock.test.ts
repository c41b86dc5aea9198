import fc from "fast-check";
import { instantFromJapanWallClock, japanWallClock } from "../../src/core/settings/japanWallClock";

describe("Japan wall-clock text for the settings page's date-time inputs", () => {
  it("shows a stored instant in Japan time, whatever offset it was written with", () => {
    expect(japanWallClock("2024-07-12T00:00:00+09:00")).toBe("2024-07-12T00:00");
    expect(japanWallClock("2024-08-09T08:00:00Z")).toBe("2024-08-09T17:00");
    expect(japanWallClock("2024-08-09T16:59:59+09:00")).toBe("2024-08-09T16:59:59");
    expect(japanWallClock("2024-12-31T15:30:00Z")).toBe("2025-01-01T00:30");
    expect(japanWallClock("not a date")).toBe("");
  });

  it("stores what the administrator entered as an instant with +09:00", () => {
    expect(instantFromJapanWallClock("2024-08-09T17:00")).toBe("2024-08-09T17:00:00+09:00");
    expect(instantFromJapanWallClock("2024-08-09T16:59:59")).toBe("2024-08-09T16:59:59+09:00");
    expect(instantFromJapanWallClock("")).toBeUndefined();
    expect(instantFromJapanWallClock("2024-02-30T10:00")).toBeUndefined();
    expect(instantFromJapanWallClock("2024-08-09T17:00:00+09:00")).toBeUndefined();
  });

  it("reads back every instant it shows (to the second)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const instant = new Date(Math.floor(ms / 1000) * 1000).toISOString();
        const stored = instantFromJapanWallClock(japanWallClock(instant));
        expect(stored).toMatch(/\+09:00$/);
        expect(Date.parse(stored ?? "")).toBe(Date.parse(instant));
      }),
    );
  });
});
