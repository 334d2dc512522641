import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export class BuildFailed extends Error {
  readonly log: string;

  constructor(message: string, log: string) {
    super(message);
    this.log = log;
    this.name = 'BuildFailed';
  }
}

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const MAX_LOG = 2_000_000;

/** The line of a failed build's output that says why, for the status page. */
export function failureLine(log: string): string {
  const lines = log.split('\n').map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim()).filter(Boolean);
  const telling = lines.find((line) => /unreachable|does not match|invalid|error/i.test(line) && !/^at\s/.test(line));
  return (telling ?? lines.at(-1) ?? 'the build failed without output').slice(0, 300);
}

/** Pages the build's incremental cache restored instead of rendering (Astro marks their lines so). */
export function restoredPageCount(log: string): number {
  return log.replace(/\x1b\[[0-9;]*m/g, '').match(/ \((restored|cached)\)$/gm)?.length ?? 0;
}

/**
 * A build that failed while rendering may have stored some new pages in Astro's incremental cache
 * without recording their keys; the manifest goes with it, so the next build renders every page
 * (processed images stay cached).
 */
function forgetRenderedPages(cacheDir: string | undefined): void {
  if (cacheDir) rmSync(join(cacheDir, 'incremental-build.json'), { force: true });
}

/**
 * Runs `astro build` into `outDir` in a child process, so a crash or a kill can't take the server
 * down. Resolves with the build's output; rejects with BuildFailed carrying the whole log.
 */
export function buildSite(options: { siteRoot: string; outDir: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', options.outDir], {
      cwd: options.siteRoot,
      env: { ...process.env, ...options.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const append = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-MAX_LOG);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      forgetRenderedPages(options.env.SITE_CACHE_DIR);
      reject(new BuildFailed(`could not start the build: ${error.message}`, log));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve(log);
        return;
      }
      forgetRenderedPages(options.env.SITE_CACHE_DIR);
      if (signal) reject(new BuildFailed(`the build was killed (${signal})`, log));
      else reject(new BuildFailed(failureLine(log), log));
    });
  });
}
