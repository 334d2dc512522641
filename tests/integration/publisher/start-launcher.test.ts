import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSecret, SECRET_NAMES, SHARED_TOKEN_NAMES } from '@clermontech/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/cms.ts';
import { freePort } from '../../helpers/ports.ts';
import { waitFor } from '../../helpers/wait.ts';

/** The processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): { pid: number; command: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === pid
          ? [{ pid: Number(name), command: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') }]
          : [];
      } catch {
        return []; // exited meanwhile
      }
    });
}

/** `npm start`'s launcher, for real: the CMS and the publisher as child processes. */
describe('npm start: a crashed process is restarted, the other left alone', () => {
  let launcher: ChildProcess;
  let output = '';
  let workDir: string;
  let cmsUrl: string;
  let siteUrl: string;

  const child = (script: string) => {
    const found = childrenOf(launcher.pid!).find(({ command }) => command.includes(script));
    return found?.pid;
  };
  const publisherAnswers = () =>
    fetch(`${siteUrl}/_publisher/status`).then(
      (response) => response.ok,
      () => false,
    );

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'clermontech-start-'));
    const [cmsPort, sitePort] = [await freePort(), await freePort()];
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    siteUrl = `http://127.0.0.1:${sitePort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      CLERMONTECH_ENV_FILE: join(workDir, '.env'),
      CMS_HOST: '127.0.0.1',
      CMS_PORT: String(cmsPort),
      CMS_URL: cmsUrl,
      SITE_PORT: String(sitePort),
      SITE_URL: siteUrl,
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: join(workDir, 'data.db'),
      PUBLISHER_RELEASES_DIR: join(workDir, 'releases'),
      PUBLISHER_RECONCILE_SECONDS: '0',
      SEED_DEMO: 'true',
      ...Object.fromEntries([...SECRET_NAMES, ...SHARED_TOKEN_NAMES].map((name) => [name, generateSecret(name)])),
    };
    delete env.DATABASE_URL;
    delete env.VITEST;
    launcher = spawn(process.execPath, [join(repoRoot, 'scripts/start.ts')], {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-100_000);
    };
    launcher.stdout?.on('data', append);
    launcher.stderr?.on('data', append);
    const outcome = await waitFor(
      'the launcher to say it is running',
      () => (launcher.exitCode !== null ? 'exited' : output.includes("Clermont'ech is running") && 'running'),
      { timeoutMs: 240_000, intervalMs: 200 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-3000)}`);
    });
    if (outcome === 'exited') throw new Error(`the launcher exited:\n${output.slice(-3000)}`);
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      const exited = new Promise((resolve) => launcher.once('exit', resolve));
      try {
        process.kill(-launcher.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  it('restarts the publisher killed with SIGKILL, with one line, and leaves the CMS running', async () => {
    await waitFor('the first release', async () => (await fetch(`${siteUrl}/`)).status === 200, {
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    const cms = child('cms/scripts/run.mts');
    const publisher = child('site/publisher/main.ts');
    expect(cms).toBeDefined();
    expect(publisher).toBeDefined();

    process.kill(publisher!, 'SIGKILL');
    await waitFor('the publisher to stop answering', async () => !(await publisherAnswers()), {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
    const restarted = await waitFor(
      'a new publisher',
      async () => {
        const pid = child('site/publisher/main.ts');
        return pid !== undefined && pid !== publisher && (await publisherAnswers()) ? pid : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    expect(output).toContain('The publisher stopped (SIGKILL); restarting it in 1 s.');
    expect(restarted).not.toBe(publisher);
    expect(child('cms/scripts/run.mts')).toBe(cms);
    expect((await fetch(`${cmsUrl}/_health`)).status).toBe(204);
    expect(launcher.exitCode).toBeNull();
    // The restarted publisher serves the site (the release its predecessor built).
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
  });

  it('still stops everything on SIGTERM', async () => {
    const children = childrenOf(launcher.pid!).map(({ pid }) => pid);
    expect(children.length).toBe(2);
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A zombie nobody reaped yet has exited all the same.
    const alive = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
      } catch {
        return false;
      }
    };
    await waitFor('the children to be gone', () => children.every((pid) => !alive(pid)), {
      timeoutMs: 30_000,
      intervalMs: 50,
    });
  });
});
