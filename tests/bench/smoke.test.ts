import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, CorpusReport } from '../../bench/report.ts';
import { repoRoot } from '../helpers/cms.ts';

const dir = mkdtempSync(join(tmpdir(), 'clermontech-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bench's CLI as `npm run bench` does once the CMS is built; resolves with its exit code and output. */
function bench(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.VITEST;
    const child = spawn(process.execPath, [join(repoRoot, 'bench', 'run.ts'), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const SUMMARY = ['median', 'min', 'max', 'p95', 'n'].map((key) => `.${key}`);
const summary = (path: string) => SUMMARY.map((key) => `${path}${key}`);
const PHASES = ['startup', 'contentSync', 'buildInfo', 'bundle', 'render', 'images', 'postBuild'];

/** Every figure the report must hold for a corpus, as paths into its JSON; each must be a number. */
const FIGURES: Record<'build' | 'publish' | 'api' | 'weight', string[]> = {
  build: [
    ...['cold', 'warm', 'change'].flatMap((kind) => [
      `${kind}.pages`,
      `${kind}.astroPages`,
      `${kind}.restoredPages`,
      ...['seconds', 'pagesPerSecond', 'peakRssMiB', 'cmsRequests', 'mediaRequests'].flatMap((figure) =>
        summary(`${kind}.${figure}`),
      ),
      ...PHASES.map((phase) => `${kind}.phases.${phase}`),
    ]),
    'coldOverChange',
  ],
  publish: [
    ...summary('single'),
    ...['publish', 'webhookAndQueue', 'build', 'swapToServed', 'total', 'searchIndexAfter'].map(
      (part) => `timeline.${part}`,
    ),
    ...['edits', 'seconds', 'afterLastEdit', 'buildsAfterLastEdit', 'buildsStarted'].map((key) => `burst.${key}`),
    'firstReleaseSeconds',
    'releasesOnDisk.releases',
    'releasesOnDisk.mebibytes',
  ],
  api: [
    'buildRequests',
    'requests',
    'concurrency',
    ...summary('requestsPerSecond'),
    ...summary('p95Ms'),
    ...summary('medianMs'),
  ].map((key) => `sqlite.${key}`),
  weight: ['home', 'event', 'talk', 'post'].flatMap((page) =>
    ['html', 'css', 'js'].flatMap((asset) => [`${page}.${asset}.raw`, `${page}.${asset}.gzip`]),
  ),
};

function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      value,
    );
}

describe('npm run bench, on the demo content with one run of everything', () => {
  let report: BenchReport;
  let demo: CorpusReport;
  let output: string;

  // Kept short: one corpus, one run, one edit and a burst of two, no Lighthouse.
  beforeAll(async () => {
    const json = join(dir, 'bench.json');
    const run = await bench([
      '--corpus',
      'demo',
      '--runs',
      '1',
      '--edits',
      '1',
      '--burst',
      '2',
      '--db',
      'sqlite',
      '--lighthouse-runs',
      '0',
      '--json',
      json,
    ]);
    output = run.output;
    if (run.code !== 0) throw new Error(`the bench exited with ${run.code}:\n${output.slice(-4000)}`);
    report = JSON.parse(readFileSync(json, 'utf8')) as BenchReport;
    demo = report.corpora.demo!;
  }, 240_000);

  it('prints the tables and runs every scenario without error', () => {
    expect(output).toContain('## Site build');
    expect(output).toContain('## Targets');
    expect(demo.errors, JSON.stringify(demo.errors)).toBeUndefined();
  });

  describe.each(Object.entries(FIGURES))('the %s scenario', (scenario, paths) => {
    it('has every figure, as a finite number', () => {
      const figures = demo[scenario as keyof typeof FIGURES];
      expect(figures).toBeDefined();
      // The publish scenario measures two paths, each with every figure.
      for (const measured of Array.isArray(figures) ? figures : [figures]) {
        const missing = paths.filter((path) => !Number.isFinite(at(measured, path)));
        expect(missing).toEqual([]);
      }
    });
  });

  it('measures publishing on the path before shared release files, then on the publisher’s own, in the same run', () => {
    expect(demo.publish!.map(({ sharedFiles }) => sharedFiles)).toEqual([false, true]);
    for (const path of demo.publish!) expect(path.differencesFromCleanBuild).toEqual([]);
  });

  it('measured real work: pages built, requests made, time spent, bytes served', () => {
    expect(demo.build!.cold.pages).toBeGreaterThan(10);
    expect(demo.build!.cold.cmsRequests.median).toBeGreaterThanOrEqual(10);
    expect(demo.publish!.at(-1)!.single.median).toBeGreaterThan(0);
    expect(demo.weight!.home.html.gzip).toBeGreaterThan(500);
    expect(demo.weight!.home.html.gzip).toBeLessThan(demo.weight!.home.html.raw);
  });

  it('says, for each target measurable on the demo content, whether it is met', () => {
    const demoTargets = report.targets.filter(
      ({ target }) => target.endsWith('(demo)') && !target.startsWith('Lighthouse'),
    );
    expect(demoTargets.length).toBeGreaterThanOrEqual(4);
    for (const { met } of demoTargets) expect(typeof met).toBe('boolean');
  });
});
