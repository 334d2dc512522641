/**
 * What a newcomer does on a fresh clone, on whatever Node runs this script: `npm start` (CMS and
 * publisher on SQLite with demo content), one change published through the admin API until the site
 * serves it, then the importer on the association's Jekyll fixture into a database of its own.
 * CI runs it on each supported Node line besides the one that runs the whole suite.
 *
 *   node tests/smoke/fresh-start.ts --fixture ../shared/fixtures/jekyll-clermontech
 *
 * Prints one line per step with its duration; exits 1 with one line naming the failed step.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN_EMAIL, ADMIN_PASSWORD, repoRoot } from '../helpers/cms.ts';
import { freePort } from '../helpers/ports.ts';
import { waitFor } from '../helpers/wait.ts';

const { values } = parseArgs({ options: { fixture: { type: 'string' } } });
if (!values.fixture) {
  console.error('usage: node tests/smoke/fresh-start.ts --fixture <jekyll site folder>');
  process.exit(2);
}
const fixture = resolve(values.fixture);
const workDir = mkdtempSync(join(tmpdir(), 'clermontech-smoke-'));
const [cmsPort, sitePort] = [await freePort(), await freePort()];
const cmsUrl = `http://127.0.0.1:${cmsPort}`;
const siteUrl = `http://127.0.0.1:${sitePort}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CLERMONTECH_ENV_FILE: join(workDir, '.env'),
  CMS_PORT: String(cmsPort),
  CMS_URL: cmsUrl,
  SITE_PORT: String(sitePort),
  SITE_URL: siteUrl,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: join(workDir, 'data.db'),
  PUBLISHER_RELEASES_DIR: join(workDir, 'releases'),
  CMS_ADMIN_EMAIL: ADMIN_EMAIL,
  CMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
};
delete env.DATABASE_URL;

let output = '';
let started: ChildProcess | undefined;

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  const begin = performance.now();
  try {
    const result = await work();
    console.log(
      `smoke on Node ${process.versions.node}: ${name} in ${((performance.now() - begin) / 1000).toFixed(1)} s`,
    );
    return result;
  } catch (error) {
    console.error(output.slice(-4000));
    console.error(
      `smoke on Node ${process.versions.node}: ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    await stopStart();
    rmSync(workDir, { recursive: true, force: true });
    process.exit(1);
  }
}

async function stopStart(): Promise<void> {
  const running = started;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise<void>((done) => running.once('exit', () => done()));
  process.kill(-running.pid!, 'SIGTERM');
  await exited;
}

async function pageText(path: string): Promise<string> {
  const response = await fetch(`${siteUrl}${path}`);
  return response.ok ? response.text() : '';
}

await step('npm start until the site serves the demo content', async () => {
  started = spawn('npm', ['start'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
  started.stdout?.on('data', append);
  started.stderr?.on('data', append);
  const child = started;
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) => reject(new Error(`npm start stopped (${signal ?? `exit code ${code}`})`))),
  );
  exited.catch(() => undefined); // once the site answers, stopping npm start is expected
  // The first start builds the CMS's admin panel, the longest step of all: hence the long wait.
  await Promise.race([
    exited,
    waitFor('the site’s home page', async () => (await fetch(siteUrl)).ok, { timeoutMs: 15 * 60_000, intervalMs: 500 }),
  ]);
});

await step('a talk published in the admin, live on the site', async () => {
  const login = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin login answered ${login.status}`);
  const token = ((await login.json()) as { data: { token: string } }).data.token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const list = await fetch(`${cmsUrl}/content-manager/collection-types/api::talk.talk?page=1&pageSize=1`, { headers });
  const talk = ((await list.json()) as { results: { documentId: string; slug: string }[] }).results[0];
  if (!talk) throw new Error('the demo content has no talk');
  const title = `Titre publié par le smoke ${Date.now()}`;
  const publish = await fetch(
    `${cmsUrl}/content-manager/collection-types/api::talk.talk/${talk.documentId}/actions/publish`,
    {
      method: 'POST',
      headers,
      body: JSON.stringify({ title }),
    },
  );
  if (!publish.ok) throw new Error(`publish answered ${publish.status}`);
  await waitFor(
    `“${title}” on /talks/${talk.slug}/`,
    async () => (await pageText(`/talks/${talk.slug}/`)).includes(title),
    {
      timeoutMs: 120_000,
      intervalMs: 200,
    },
  );
});

await step('npm start stopped', stopStart);

await step('the importer on the fixture', async () => {
  const result = spawnSync('npm', ['run', 'import:jekyll', '--', fixture], {
    cwd: repoRoot,
    env: { ...env, DATABASE_FILENAME: join(workDir, 'import.db'), SEED_DEMO: 'false' },
    encoding: 'utf8',
  });
  output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`import:jekyll exited with ${result.status}`);
  const summary = result.stdout
    .split('\n')
    .filter((line) => /event|talk|speaker|post/i.test(line))
    .slice(0, 8);
  if (summary.length === 0) throw new Error('the importer printed no counts');
  console.log(summary.map((line) => `  ${line.trim()}`).join('\n'));
});

rmSync(workDir, { recursive: true, force: true });
