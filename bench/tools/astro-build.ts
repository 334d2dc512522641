import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../tests/helpers/cms.ts';
import { SITE_BUILD_SCRIPT } from '../../tests/helpers/site.ts';
import { sampleTreeRss } from './process-tree.ts';

const siteRoot = join(repoRoot, 'site');
// Astro joins --config to the root (site/).
const benchConfig = '../bench/astro.config.ts';

/** Where a build's time went, in ms, from the moment each line of Astro's output arrived. */
export interface BuildPhases {
  /** Node, Astro and Vite starting, the config loaded. */
  startup: number;
  /** The loaders: CMS requests, validation, the data store. */
  contentSync: number;
  /** Types and "collecting build info". */
  buildInfo: number;
  /** Vite bundling the pages. */
  bundle: number;
  /** Rendering every page. */
  render: number;
  /** Resizing and encoding the CMS's images (0 when all were cached). */
  images: number;
  /** After Astro's build: the sitemap, Astro's exit, then the search index in its own process. */
  postBuild: number;
}

export interface BuildRun {
  durationMs: number;
  /** HTML files written, as the publisher counts them (legacy redirects included). */
  htmlFiles: number;
  /** Paths Astro generated (the lines of its "generating static routes" list). */
  astroPages: number;
  /** Of those, the ones its incremental build restored from its cache instead of rendering them. */
  restoredPages: number;
  peakRssBytes: number;
  /** The peak, split by command (node, pagefind…). */
  peakRssByProcess: Record<string, number>;
  phases: BuildPhases;
  output: string;
}

/**
 * Lines that open each phase, in the order Astro prints them (it also prints "[build] ✓ Completed in"
 * after collecting build info, hence the order). A phase ends where the next one begins.
 */
const SEQUENCE: [phase: keyof BuildPhases, line: RegExp][] = [
  ['contentSync', /\[content\] Syncing content/],
  ['buildInfo', /\[content\] Synced content/],
  ['bundle', /Building (static|server) entrypoints/],
  ['render', /(generating|prerendering) static routes/],
  ['postBuild', /\[build\] ✓ Completed in/],
];
/** Only when some image was not in the cache. */
const IMAGES = /generating optimized images/;

/** HTML files under `dir`, not following symbolic links (a server build links its node_modules there). */
export function countHtmlFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countHtmlFiles(join(dir, entry.name));
    else if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  }
  return count;
}

function phasesOf(marks: Map<keyof BuildPhases, number>, end: number): BuildPhases {
  const phases: BuildPhases = {
    startup: 0,
    contentSync: 0,
    buildInfo: 0,
    bundle: 0,
    render: 0,
    images: 0,
    postBuild: 0,
  };
  const starts = [['startup', 0] as const, ...[...marks].sort((a, b) => a[1] - b[1])];
  starts.forEach(([phase, at], index) => (phases[phase] = Math.round((starts[index + 1]?.[1] ?? end) - at)));
  return phases;
}

/**
 * Runs the real build of site/ as `npm run site:build` does (astro build with bench/astro.config.ts:
 * the site's config, the bench's cache directories; then the search index) into `outDir`. Rejects
 * with the end of the output when the build fails.
 */
export function astroBuild(options: {
  env: Record<string, string>;
  outDir: string;
  cacheDir: string;
}): Promise<BuildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [SITE_BUILD_SCRIPT, '--config', benchConfig, '--outDir', options.outDir], {
    cwd: siteRoot,
    env: {
      ...process.env,
      ...options.env,
      BENCH_CACHE_DIR: options.cacheDir,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const rss = sampleTreeRss(child.pid!);
  const marks = new Map<keyof BuildPhases, number>();
  let output = '';
  let pending = '';
  const read = (chunk: Buffer) => {
    const at = performance.now() - started;
    const text = chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
    output += text;
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const expected = SEQUENCE.find(([phase]) => !marks.has(phase));
      if (expected?.[1].test(line)) marks.set(expected[0], at);
      else if (marks.has('render') && !marks.has('postBuild') && IMAGES.test(line)) marks.set('images', at);
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const durationMs = performance.now() - started;
      const peak = rss.stop();
      if (code !== 0) {
        reject(new Error(`astro build failed (exit ${code}):\n${output.slice(-3000)}`));
        return;
      }
      resolve({
        durationMs,
        htmlFiles: countHtmlFiles(options.outDir),
        astroPages: output.match(/[├└]─ \//g)?.length ?? 0,
        restoredPages: output.match(/ \((restored|cached)\)$/gm)?.length ?? 0,
        peakRssBytes: peak.bytes,
        peakRssByProcess: peak.byProcess,
        phases: phasesOf(marks, durationMs),
        output,
      });
    });
  });
}
