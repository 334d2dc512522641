/** A figure measured several times: what the table and the JSON report. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Nearest-rank 95th percentile. */
  p95: number;
  n: number;
}

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no values to summarise');
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
}

/** The smallest value at or above which lie `p` percent of the values (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const ordered = sorted(values);
  return ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil((p / 100) * ordered.length) - 1))]!;
}

export function summarize(values: readonly number[]): Summary {
  const ordered = sorted(values);
  return {
    median: median(ordered),
    min: ordered[0]!,
    max: ordered.at(-1)!,
    p95: percentile(ordered, 95),
    n: ordered.length,
  };
}

/** Runs `measure` `runs` times, one after the other, and returns every result. */
export async function repeat<T>(runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure(run));
  return results;
}
