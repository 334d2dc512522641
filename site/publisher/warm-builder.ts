import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCacheDir } from './build-cache.ts';
import { BuildFailed, failureLine } from './build-log.ts';

export interface WorkerRequest {
  outDir: string;
  /** Build the preview's server code too (see BuildOptions). */
  previewServer: boolean;
  /** See BuildOptions. */
  previousRelease?: string;
}

export interface BuildOptions {
  /**
   * false: a static build, without the preview's server code, which the caller takes from the live
   * release (publisher/preview-server.ts). Default true.
   */
  previewServer?: boolean;
  /**
   * The release the last build of this cache wrote, unchanged since: the new release shares its
   * unchanged files (src/integrations/shared-release-files.ts). Only for a build without the server.
   */
  previousRelease?: string;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'log'; text: string }
  /** The outcome; why a build failed is in its log. */
  | { type: 'done'; ok: boolean; rss: number };

export interface WarmBuilderOptions {
  siteRoot: string;
  /** Environment of the builds (CMS_URL, CMS_TOKEN, SITE_CACHE_DIR…), fixed for the process's life. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /**
   * Each build in one process keeps ~100 MiB more that Vite and Astro never free; past this resident
   * size after a build, the process is replaced by a fresh one before the next build (0: every time).
   */
  maxRssBytes?: number;
  log?: (line: string) => void;
}

const workerScript = fileURLToPath(new URL('./build-worker.ts', import.meta.url));

/**
 * The build process's working directory. Astro writes a static build's prerender chunks into
 * `<cwd>/.astro/.prerender/` when the output folder is not under the working directory (a releases
 * folder anywhere), and deletes them at the end: two publishers building the same checkout at once
 * (tests in parallel, the bench beside them) deleted each other's chunks and failed. Each cache
 * folder gets its own working directory, inside the site so the chunks still find its packages.
 */
function buildWorkingDir(siteRoot: string, cacheDir: string | undefined): string {
  if (!cacheDir) return siteRoot;
  const dir = join(siteRoot, '.astro', 'builds', createHash('sha256').update(cacheDir).digest('hex').slice(0, 16));
  mkdirSync(dir, { recursive: true });
  return dir;
}
const MAX_LOG = 2_000_000;
const DEFAULT_MAX_RSS = 1.25 * 1024 ** 3;

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  /** Receives the worker's messages and output while a build runs. */
  onReply?: (reply: WorkerReply) => void;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/**
 * Runs `astro build` in a child process that stays up between builds (build-worker.ts), so a crash
 * or a kill can't take the server down and a publish doesn't pay for starting Node, Astro and Vite.
 * A process that failed a build, timed out or grew too big is replaced; the next one starts at
 * once, so it is warm by the time the next change arrives.
 */
export class WarmBuilder {
  readonly #options: WarmBuilderOptions;
  #worker: Worker | undefined;
  #stopped = false;

  constructor(options: WarmBuilderOptions) {
    this.#options = options;
  }

  /** The build process's pid, while there is one. */
  get processId(): number | undefined {
    return this.#worker?.child.pid;
  }

  /** Starts the build process ahead of the first build. */
  warmUp(): void {
    this.#worker ??= this.#spawn();
  }

  stop(): void {
    this.#stopped = true;
    this.#retire();
  }

  /** Builds into `outDir`; resolves with the build's output, rejects with BuildFailed carrying it. */
  async build(outDir: string, { previewServer = true, previousRelease }: BuildOptions = {}): Promise<string> {
    const worker = (this.#worker ??= this.#spawn());
    let log = '';
    try {
      await worker.ready;
    } catch (error) {
      this.#retire();
      throw this.#failed(new BuildFailed(`could not start the build: ${(error as Error).message}`, ''), previewServer);
    }
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => worker.child.kill('SIGKILL'), this.#options.timeoutMs);
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.onReply = undefined;
        worker.onExit = undefined;
        outcome();
      };
      worker.onReply = (reply) => {
        if (reply.type === 'log') log = (log + reply.text).slice(-MAX_LOG);
        if (reply.type !== 'done') return;
        if (!reply.ok || reply.rss > (this.#options.maxRssBytes ?? DEFAULT_MAX_RSS)) {
          this.#options.log?.(
            `publisher: replacing the build process (${reply.ok ? `${Math.round(reply.rss / 1024 ** 2)} MiB` : 'after a failed build'})`,
          );
          this.#retire();
          if (!this.#stopped) this.warmUp();
        }
        settle(() =>
          reply.ok ? resolve(log) : reject(this.#failed(new BuildFailed(failureLine(log), log), previewServer)),
        );
      };
      worker.onExit = (code, signal) => {
        const reason = signal ? `the build was killed (${signal})` : `the build process exited (code ${code})`;
        settle(() => reject(this.#failed(new BuildFailed(reason, log), previewServer)));
      };
      // The process may have died since it said it was ready: that is a failed build too.
      const request: WorkerRequest = { outDir, previewServer, ...(previewServer ? {} : { previousRelease }) };
      worker.child.send(request, (error) => {
        if (!error) return;
        if (this.#worker === worker) this.#retire();
        settle(() =>
          reject(
            this.#failed(new BuildFailed(`could not reach the build process: ${error.message}`, log), previewServer),
          ),
        );
      });
    });
  }

  /**
   * A build that failed while rendering may have stored some new pages in Astro's incremental cache
   * without recording their keys; the manifest goes with it, so the next build renders every page
   * (processed images stay cached).
   */
  #failed(error: BuildFailed, previewServer: boolean): BuildFailed {
    const cacheDir = this.#options.env.SITE_CACHE_DIR;
    if (cacheDir) rmSync(join(buildCacheDir(cacheDir, previewServer), 'incremental-build.json'), { force: true });
    return error;
  }

  #retire(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker && worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  }

  #spawn(): Worker {
    const child = fork(workerScript, [this.#options.siteRoot], {
      cwd: buildWorkingDir(this.#options.siteRoot, this.#options.env.SITE_CACHE_DIR),
      // A site build is a production build whatever the publisher runs as: under NODE_ENV=development
      // (npm start's default) Vite compiles the pages with import.meta.env.DEV set, and Astro's image
      // components write development-only attributes into every page.
      env: {
        ...process.env,
        ...this.#options.env,
        NODE_ENV: 'production',
        FORCE_COLOR: '0',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const worker: Worker = { child, ready: Promise.resolve() };
    // Output that bypasses the worker's hooks (a native crash, a tool writing to the descriptor).
    const stray = (chunk: Buffer) => worker.onReply?.({ type: 'log', text: chunk.toString() });
    child.stdout?.on('data', stray);
    child.stderr?.on('data', stray);
    worker.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (reply: WorkerReply) => (reply.type === 'ready' ? resolve() : worker.onReply?.(reply)));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        reject(new Error(signal ? `killed (${signal})` : `exited (code ${code})`));
        if (this.#worker === worker) this.#worker = undefined;
        worker.onExit?.(code, signal);
      });
    });
    // Failures to start are reported by the build that waits for it.
    worker.ready.catch(() => undefined);
    return worker;
  }
}
