// How every benchmark prints a figure that has a target (issue 16): the figure, the target and
// their ratio (at most 1.00 meets it).
export function figureLine(name: string, value: number, target: number, unit: string): string {
  const ratio = value / target;
  const show = (n: number) => (unit === "s" ? n.toFixed(2) : String(Math.round(n * 10) / 10));
  return [
    name.padEnd(44),
    `${show(value)} ${unit}`.padStart(12),
    `target ≤ ${show(target)} ${unit}`.padStart(20),
    `ratio ${ratio.toFixed(2)}`.padStart(12),
    ratio <= 1 ? "  ok" : "  OVER",
  ].join("");
}
