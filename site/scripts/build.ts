/**
 * `npm run site:build`: `astro build` with its arguments, then the search index, in two processes
 * one after the other, so the memory of the one is given back before the other starts: Astro
 * holds 1.2–1.4 GiB at the end of a build of the archive at a hundred times its size, Pagefind as
 * much for its largest bundle, and together they passed 5 GiB.
 *
 * Astro's process gets a 1.5 GiB heap, unless NODE_OPTIONS sets one. Without a limit, V8 lets the
 * heap of that build grow to 2.3 GiB of mostly garbage on a 24 GiB machine before collecting; its
 * live data stays under 1.4 GiB, and with the limit the build took no longer.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from '../src/lib/search-index.ts';

const HEAP_MB = 1536;
const siteRoot = fileURLToPath(new URL('..', import.meta.url));
const astroBin = join(dirname(createRequire(join(siteRoot, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');

function astroBuild(args: string[]): Promise<number | null> {
  const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_MB}`];
  const child = spawn(process.execPath, [...heap, astroBin, 'build', ...args], { cwd: siteRoot, stdio: 'inherit' });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
}

const args = process.argv.slice(2);
const outDirFlag = args.indexOf('--outDir');
const outDir = resolve(siteRoot, outDirFlag >= 0 && args[outDirFlag + 1] ? args[outDirFlag + 1]! : 'dist');

const code = await astroBuild(args);
if (code !== 0) process.exit(code ?? 1);
const started = performance.now();
try {
  const pages = await writeSearchIndex(outDir, join(outDir, 'pagefind'));
  const total = Object.values(pages).reduce((sum, count) => sum + count, 0);
  const split = Object.entries(pages).map(([bundle, count]) => `${bundle} ${count}`).join(', ');
  console.log(`search index: ${total} pages indexed (${split}) in ${Math.round(performance.now() - started)} ms`);
} catch (error) {
  console.error(`search index not written: ${(error as Error).message}`);
  process.exit(1);
}
