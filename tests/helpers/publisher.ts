import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PUBLISHER_PATHS, type PublisherStatus } from '@clermontech/config';
import { repoRoot, startCms, type CmsOptions, type RunningCms } from './cms.ts';
import { freePort } from './ports.ts';
import { waitFor } from './wait.ts';

export interface RunningPublisher {
  url: string;
  env: Record<string, string>;
  output(): string;
  /** The full status, asked with the publisher's token. */
  status(): Promise<PublisherStatus>;
  /** Waits until the status satisfies `accept` (e.g. a new live release). */
  waitForStatus(
    what: string,
    accept: (status: PublisherStatus) => boolean,
    timeoutMs?: number,
  ): Promise<PublisherStatus>;
  /** Waits until no build runs or is queued, and returns the status then. */
  settled(timeoutMs?: number): Promise<PublisherStatus>;
  /** Waits until a build started after `before` and no build runs or is queued any more. */
  settledAfter(before: PublisherStatus, what: string, timeoutMs?: number): Promise<PublisherStatus>;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** Runs `npm run site:rollback`'s script with this publisher's environment. */
  rollback(): { status: number | null; output: string };
  stop(): Promise<void>;
}

export interface Stack {
  cms: RunningCms;
  publisher: RunningPublisher;
  destroy(): Promise<void>;
}

/** No build runs and none is waiting. */
export function isSettled(status: PublisherStatus): boolean {
  return status.building === null && !status.queued;
}

/**
 * Starts the publisher (`site/publisher/main.ts`, as `npm start` does) against a running CMS, with
 * its own releases directory, and resolves once it has settled: its first release is live, and the
 * one it builds right after with the preview's server too. `settle: false` resolves once the first
 * release (the pages) is live.
 */
export async function startPublisher(
  cms: RunningCms,
  port: number,
  extraEnv: Record<string, string> = {},
  { settle = true }: { settle?: boolean } = {},
): Promise<RunningPublisher> {
  const releasesDir = mkdtempSync(join(tmpdir(), 'clermontech-releases-'));
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    ...cms.env,
    SITE_PORT: String(port),
    SITE_URL: url,
    PUBLISHER_RELEASES_DIR: releasesDir,
    // Tests drive the changes; the periodic check is tested on its own with a short period.
    PUBLISHER_RECONCILE_SECONDS: '0',
    ...extraEnv,
  };
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'site/publisher/main.ts')], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  // The build details the tests wait on are behind the token; anyone gets only PublicStatus.
  const authorization = { authorization: `Bearer ${env.PUBLISHER_TOKEN}` };
  const status = async () =>
    (await (await fetch(`${url}${PUBLISHER_PATHS.status}`, { headers: authorization })).json()) as PublisherStatus;
  const waitForStatus = (what: string, accept: (status: PublisherStatus) => boolean, timeoutMs = 120_000) =>
    waitFor(
      what,
      async () => {
        if (child.exitCode !== null) throw new Error(`publisher exited:\n${log.slice(-3000)}`);
        const current = await status();
        return accept(current) ? current : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- publisher output ---\n${log.slice(-3000)}`);
    });

  await waitForStatus(
    'the first release',
    (current) => current.release !== null && (!settle || isSettled(current)),
    180_000,
  );

  return {
    url,
    env,
    output: () => log,
    status,
    waitForStatus,
    settled: (timeoutMs) => waitForStatus('the publisher to settle', isSettled, timeoutMs),
    settledAfter: (before, what, timeoutMs) =>
      waitForStatus(what, (current) => current.buildsStarted > before.buildsStarted && isSettled(current), timeoutMs),
    get: (path, init) => fetch(`${url}${path}`, init),
    rollback() {
      const result = spawnSync(process.execPath, [join(repoRoot, 'site/publisher/rollback.ts')], {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(releasesDir, { recursive: true, force: true });
    },
  };
}

/** A CMS whose webhook points at a publisher, both started and ready. */
export async function startStack(options: CmsOptions = {}, publisherEnv: Record<string, string> = {}): Promise<Stack> {
  const sitePort = await freePort();
  // The CMS knows the site by the address the publisher serves it on (CORS, redirects, preview links).
  const cms = await startCms({
    ...options,
    env: { SITE_PORT: String(sitePort), SITE_URL: `http://127.0.0.1:${sitePort}`, ...options.env },
  });
  const publisher = await startPublisher(cms, sitePort, publisherEnv).catch(async (error: unknown) => {
    await cms.destroy();
    throw error;
  });
  return {
    cms,
    publisher,
    async destroy() {
      await publisher.stop();
      await cms.destroy();
    },
  };
}
