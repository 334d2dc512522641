import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateSecret, SECRET_NAMES, SHARED_TOKEN_NAMES } from '@clermontech/config';
import { freePort } from './ports.ts';
import { createTemporaryDatabase } from './postgres.ts';
import { waitFor } from './wait.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export const ADMIN_EMAIL = 'admin@clermontech.test';
export const ADMIN_PASSWORD = 'Test-Admin-Passw0rd!';

export interface CmsOptions {
  database?: 'sqlite' | 'postgres';
  seedDemo?: boolean;
  /** Extra environment for the CMS process (overrides the defaults). */
  env?: Record<string, string>;
  /** The checkout to run the CMS of (a modified clone); this repository by default. */
  root?: string;
}

export interface RunningCms {
  url: string;
  env: Record<string, string>;
  /** Everything the CMS printed so far (for failure messages). */
  output(): string;
  /** GET/POST… on the CMS; `path` starts with a slash. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A JWT for the admin API (content-manager), logged in as the super admin. */
  adminToken(): Promise<string>;
  /** Stops the process, keeping the database. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the same CMS again on the same database, with `env` changes if given. */
  restart(envChanges?: Record<string, string>): Promise<void>;
  /** Stops the process and deletes the database. */
  destroy(): Promise<void>;
}

function secrets(): Record<string, string> {
  return Object.fromEntries([...SECRET_NAMES, ...SHARED_TOKEN_NAMES].map((name) => [name, generateSecret(name)]));
}

/**
 * Boots the real CMS (`cms/scripts/run.mts start`, as `npm run cms` does) on a temporary database
 * and a free port, and resolves once its health check answers.
 */
export async function startCms(options: CmsOptions = {}): Promise<RunningCms> {
  const workDir = mkdtempSync(join(tmpdir(), 'clermontech-cms-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const postgres = options.database === 'postgres' ? await createTemporaryDatabase() : undefined;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    // Keep a developer's own .env (their CMS_TOKEN, SEED_DEMO…) out of the tests.
    CLERMONTECH_ENV_FILE: join(workDir, '.env'),
    CMS_HOST: '127.0.0.1',
    CMS_PORT: String(port),
    CMS_URL: url,
    DATABASE_CLIENT: postgres ? 'postgres' : 'sqlite',
    DATABASE_FILENAME: join(workDir, 'data.db'),
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    CMS_ADMIN_EMAIL: ADMIN_EMAIL,
    CMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    SEED_DEMO: options.seedDemo === false ? 'false' : 'true',
    ...secrets(),
    ...options.env,
  };
  if (!postgres) delete env.DATABASE_URL;

  let child: ChildProcess | undefined;
  let log = '';
  let token: string | undefined;

  const boot = async () => {
    const processEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!postgres) delete processEnv.DATABASE_URL;
    delete processEnv.VITEST;
    const root = options.root ?? repoRoot;
    const started = spawn(process.execPath, [join(root, 'cms/scripts/run.mts'), 'start'], {
      cwd: root,
      env: processEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    const append = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-200_000);
    };
    started.stdout?.on('data', append);
    started.stderr?.on('data', append);
    let exited = false;
    started.once('exit', () => (exited = true));
    await waitFor(
      `the CMS at ${url}`,
      async () => {
        if (exited) throw new Error(`CMS exited during boot:\n${log.slice(-4000)}`);
        const response = await fetch(`${url}/_health`);
        return response.status === 204;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    ).catch(async (error: Error) => {
      // Leave nothing behind: the detached process group, and the throwaway database.
      try {
        process.kill(-started.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await postgres?.drop().catch(() => undefined);
      rmSync(workDir, { recursive: true, force: true });
      throw new Error(`${error.message}\n--- CMS output ---\n${log.slice(-4000)}`);
    });
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((done) => running.once('exit', () => done()));
    // The whole process group: the launcher, Strapi and anything Strapi started.
    try {
      process.kill(-running.pid!, signal);
    } catch {
      return;
    }
    await exited;
    token = undefined;
  };

  await boot();

  const cms: RunningCms = {
    url,
    env,
    output: () => log,
    fetch: (path, init) => fetch(`${url}${path}`, init),
    async adminToken() {
      if (token) return token;
      const response = await fetch(`${url}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
      });
      if (!response.ok) throw new Error(`admin login failed: ${response.status} ${await response.text()}`);
      token = ((await response.json()) as { data: { token: string } }).data.token;
      return token;
    },
    stop,
    async restart(envChanges = {}) {
      await stop();
      Object.assign(env, envChanges);
      await boot();
    },
    async destroy() {
      await stop();
      await postgres?.drop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
  return cms;
}
