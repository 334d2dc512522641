/**
 * The warm build process (see warm-builder.ts): imports Astro once, then runs one `astro build` per
 * request from its parent. Starting Node and loading Astro and Vite is about two seconds of every
 * cold build; a process that stays up pays it once.
 *
 * Everything the build prints goes to the parent as IPC messages, on the same channel as the
 * outcome, so the parent has the whole log of a build before it learns how the build ended.
 */
import { build } from 'astro';
import { PREVIOUS_RELEASE_ENV } from '../src/integrations/shared-release-files.ts';
import { PREVIEW_SERVER_ENV } from './build-cache.ts';
import type { WorkerReply, WorkerRequest } from './warm-builder.ts';

/** The site to build, from the parent (the working directory is the build's own, see warm-builder.ts). */
const siteRoot = process.argv[2] ?? process.cwd();

function reply(message: WorkerReply): void {
  process.send?.(message);
}

// A build prints two lines per page: sent one message each, that is thousands of messages per
// build for the parent to handle; they go in batches instead.
let pending: string[] = [];
let flushTimer: NodeJS.Timeout | undefined;

function flushLog(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (pending.length === 0) return;
  reply({ type: 'log', text: pending.join('') });
  pending = [];
}

for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    flushTimer ??= setTimeout(flushLog, 100);
    const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  };
}

process.on('message', (request: WorkerRequest) => {
  // Read by astro.config.ts, which Astro evaluates again for every build.
  process.env[PREVIEW_SERVER_ENV] = String(request.previewServer);
  if (request.previousRelease) process.env[PREVIOUS_RELEASE_ENV] = request.previousRelease;
  else delete process.env[PREVIOUS_RELEASE_ENV];
  build({ root: siteRoot, outDir: request.outDir })
    .then(() => {
      flushLog();
      reply({ type: 'done', ok: true, rss: process.memoryUsage().rss });
    })
    .catch((error: unknown) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      pending.push(`${text}\n`);
      flushLog();
      reply({ type: 'done', ok: false, rss: process.memoryUsage().rss });
    });
});

// The parent's channel closing means the publisher is gone: nothing left to build for.
process.on('disconnect', () => process.exit(0));

reply({ type: 'ready' });
