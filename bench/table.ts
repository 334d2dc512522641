import type { Summary } from './stats.ts';

/** A titled block of rows, printed with aligned columns (numbers right-aligned). */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Printed under the table. */
  notes?: string[];
}

/** `12.3 (11.9–13.0)`: the median and the range, or the value alone when there was one run. */
export function formatSummary(summary: Summary | undefined, digits = 1): string {
  if (!summary) return '–';
  const value = (number: number) => number.toFixed(digits);
  return summary.n > 1 && summary.min !== summary.max
    ? `${value(summary.median)} (${value(summary.min)}–${value(summary.max)})`
    : value(summary.median);
}

export function formatNumber(value: number | undefined, digits = 0): string {
  return value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}

export function formatKiB(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

const numeric = /^[\d.,()–\-×%/ ]+$/;

export function renderTable({ title, headers, rows, notes = [] }: Table): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column > 0 && numeric.test(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [
    `## ${title}`,
    '',
    line(headers),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
    ...(notes.length ? ['', ...notes] : []),
    '',
  ].join('\n');
}
