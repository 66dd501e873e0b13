// Plain-text tables for the benchmark's console output.

export function table(title: string, header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => '| ' + r.map((v, c) => v.padEnd(widths[c])).join(' | ') + ' |';
  const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';
  return [`\n${title}`, line(header), sep, ...cells.slice(1).map(line)].join('\n');
}

export const fmt = (v: number, digits = 4): string => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
export const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
