/**
 * `npm run site:build`: `astro build` with its arguments, then the search index, in two processes
 * one after the other, so the memory of the one is given back before the other starts: Astro
 * holds 1.2–1.4 GiB at the end of a build of the archive at a hundred times its size, Pagefind as
 * much for its largest bundle, and together they passed 5 GiB.
 *
 * Astro's process gets a 1.5 GiB heap, unless NODE_OPTIONS sets one. Without a limit, V8 lets the
 * heap of that build grow far past its live data, mostly garbage, on a large machine before
 * collecting; the limit makes it collect sooner without slowing the build (bench/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_INDEX_DIR } from '../src/lib/search-bundles.ts';
import { writeSearchIndex } from '../publisher/pagefind-index.ts';

const HEAP_MB = 1536;
const siteRoot = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(
  dirname(createRequire(join(siteRoot, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

function astroBuild(args: string[]): Promise<number | null> {
  const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_MB}`];
  // A production build whatever NODE_ENV the caller runs with, as the publisher's (warm-builder.ts).
  const child = spawn(process.execPath, [...heap, astroBin, 'build', ...args], {
    cwd: siteRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
}

/** Where Astro writes, as its CLI reads it: `--outDir dir` or `--outDir=dir`, else dist/. */
function outDirOf(args: string[]): string {
  const at = args.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
  const value = at < 0 ? undefined : args[at]!.includes('=') ? args[at]!.slice('--outDir='.length) : args[at + 1];
  return resolve(siteRoot, value || 'dist');
}

const args = process.argv.slice(2);
const outDir = outDirOf(args);

const code = await astroBuild(args);
if (code !== 0) process.exit(code ?? 1);
const started = performance.now();
try {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no built site in ${outDir}`);
  const pages = await writeSearchIndex(outDir, join(outDir, SEARCH_INDEX_DIR));
  const total = Object.values(pages).reduce((sum, count) => sum + count, 0);
  const split = Object.entries(pages)
    .map(([bundle, count]) => `${bundle} ${count}`)
    .join(', ');
  console.log(`search index: ${total} pages indexed (${split}) in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(`search index not written: ${(error as Error).message}`);
  process.exit(1);
}
