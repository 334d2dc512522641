import type { RunningCms } from '../../tests/helpers/cms.ts';
import { percentile, median, summarize, type Summary } from '../stats.ts';

export interface ApiFigures {
  /** Distinct requests one build makes (replayed in order, round after round). */
  buildRequests: number;
  /** Requests per run. */
  requests: number;
  concurrency: number;
  requestsPerSecond: Summary;
  /** Per-run 95th percentile of the latency, summarised over runs. */
  p95Ms: Summary;
  medianMs: Summary;
}

/** At least this many requests per run, so p95 means something on small corpora. */
const MIN_REQUESTS = 200;

async function replay(
  cms: RunningCms,
  paths: string[],
  total: number,
  concurrency: number,
): Promise<{ seconds: number; latencies: number[] }> {
  const headers = { authorization: `Bearer ${cms.env.CMS_TOKEN}` };
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const path = paths[next++ % paths.length]!;
      const started = performance.now();
      const response = await cms.fetch(path, { headers }).catch((error: Error) => {
        // "fetch failed" alone says nothing: the cause says whether the CMS refused, reset or died.
        const cause = (error.cause as { code?: string; message?: string } | undefined) ?? {};
        throw new Error(
          `GET ${path.split('?')[0]}: ${cause.code ?? cause.message ?? error.message}\n${cms.output().slice(-1500)}`,
        );
      });
      await response.arrayBuffer();
      // 404: a single type never saved (the imported fixture has no `global`); the loader accepts it too.
      if (!response.ok && response.status !== 404) throw new Error(`GET ${path.split('?')[0]}: ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { seconds: (performance.now() - started) / 1000, latencies };
}

/**
 * Throughput and latency of the CMS answering the loader's requests, exactly as a build sends them
 * (`paths`, recorded by the counting proxy during a real build), `concurrency` at a time.
 */
export async function benchApi(
  cms: RunningCms,
  paths: string[],
  { runs, concurrency = 10 }: { runs: number; concurrency?: number },
): Promise<ApiFigures> {
  if (paths.length === 0) throw new Error('no recorded requests to replay');
  const total = Math.max(MIN_REQUESTS, paths.length);
  // Warm-up: the first requests pay for Strapi's lazy initialisation and the JIT.
  await replay(cms, paths, Math.min(paths.length, 20), concurrency);
  const measured = [];
  for (let run = 0; run < runs; run++) measured.push(await replay(cms, paths, total, concurrency));
  return {
    buildRequests: paths.length,
    requests: total,
    concurrency,
    requestsPerSecond: summarize(measured.map(({ seconds }) => total / seconds)),
    p95Ms: summarize(measured.map(({ latencies }) => percentile(latencies, 95))),
    medianMs: summarize(measured.map(({ latencies }) => median(latencies))),
  };
}
