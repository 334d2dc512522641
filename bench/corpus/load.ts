import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, startCms, type RunningCms } from '../../tests/helpers/cms.ts';
import { DEMO_COLLECTIONS, type ListResponse } from '../../tests/helpers/content.ts';
import { stopOnExit } from '../tools/cleanup.ts';

/** The association's old Jekyll site (never copied into the project). */
export const FIXTURE = join(repoRoot, '..', 'shared', 'fixtures', 'jekyll-clermontech');

/** `demo`, `fixture`, or `x<scale>` (`x10`, `x100`, `x0.2`): a synthetic corpus of the fixture's shape. */
export type CorpusName = string;

export function syntheticScale(name: CorpusName): number | undefined {
  const match = /^x(\d+(?:\.\d+)?)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

export function isCorpusName(name: string): boolean {
  return name === 'demo' || name === 'fixture' || (syntheticScale(name) ?? 0) > 0;
}

export interface Corpus {
  name: CorpusName;
  cms: RunningCms;
  /** Published entries per collection, as the public API counts them. */
  entries: Record<string, number>;
  /** Time to put the content in (not part of any figure). */
  loadSeconds: number;
  /** Where the CMS's webhook goes: the publisher binds it in the publish scenario. */
  sitePort: number;
  /** Stops the CMS and deletes its database. */
  destroy(): Promise<void>;
}

/** A corpus that could not be loaded, and why. */
export class CorpusUnavailable extends Error {}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const processEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    // Strapi reads DATABASE_URL whatever DATABASE_CLIENT says; VITEST changes its logging.
    if (env.DATABASE_CLIENT !== 'postgres') delete processEnv.DATABASE_URL;
    delete processEnv.VITEST;
    const child = spawn(command, args, { cwd: repoRoot, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1)?.slice(0, 200) ?? '';

/** Imports the fixture as documented: `npm run import:jekyll -- <path>`, with the CMS's environment. */
async function importFixture(cms: RunningCms): Promise<void> {
  if (!existsSync(join(repoRoot, 'importer', 'scripts', 'import-jekyll.ts')))
    throw new CorpusUnavailable('importer/scripts/import-jekyll.ts does not exist yet');
  if (!existsSync(FIXTURE)) throw new CorpusUnavailable(`no fixture at ${FIXTURE}`);
  const dir = mkdtempSync(join(tmpdir(), 'clermontech-bench-import-'));
  try {
    const reportFile = join(dir, 'report.json');
    const { code, output } = await run(
      'npm',
      ['run', '--silent', 'import:jekyll', '--', FIXTURE, '--report', reportFile],
      cms.env,
    );
    // 1: some entries could not be imported; the rest is there and is what the site shows.
    if ((code !== 0 && code !== 1) || !existsSync(reportFile))
      throw new CorpusUnavailable(`the importer failed (exit ${code}): ${lastLine(output)}`);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { changes?: number };
    if (!report.changes) throw new CorpusUnavailable(`the importer wrote nothing: ${lastLine(output)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function insertSynthetic(cms: RunningCms, scale: number): Promise<void> {
  const { code, output } = await run(
    process.execPath,
    [join(repoRoot, 'bench', 'corpus', 'insert.ts'), String(scale)],
    { ...cms.env, SEED_DEMO: 'false' },
  );
  if (code !== 0) throw new Error(`generating the ×${scale} corpus failed:\n${output.slice(-3000)}`);
}

async function countEntries(cms: RunningCms): Promise<Record<string, number>> {
  const headers = { authorization: `Bearer ${cms.env.CMS_TOKEN}` };
  const counts: Record<string, number> = {};
  for (const { path } of DEMO_COLLECTIONS) {
    const response = await cms.fetch(`/api/${path}?pagination[pageSize]=1`, { headers });
    if (!response.ok) throw new Error(`GET /api/${path}: ${response.status}`);
    counts[path] = ((await response.json()) as ListResponse).meta.pagination.total;
  }
  return counts;
}

/**
 * Boots a CMS on a fresh database (SQLite or PostgreSQL) and puts a corpus in: the demo content
 * (seeded at boot), the imported fixture, or a synthetic corpus. Throws CorpusUnavailable when the
 * fixture can't be imported (the CMS is then destroyed).
 */
export async function loadCorpus(
  name: CorpusName,
  options: { database: 'sqlite' | 'postgres'; sitePort: number },
): Promise<Corpus> {
  const started = performance.now();
  const cms = await startCms({
    database: options.database,
    seedDemo: name === 'demo',
    env: { SITE_PORT: String(options.sitePort) },
  });
  const forget = stopOnExit(() => cms.destroy());
  const destroy = async () => {
    forget();
    await cms.destroy();
  };
  try {
    const scale = syntheticScale(name);
    if (name === 'fixture') await importFixture(cms);
    else if (scale) await insertSynthetic(cms, scale);
    return {
      name,
      cms,
      entries: await countEntries(cms),
      loadSeconds: (performance.now() - started) / 1000,
      sitePort: options.sitePort,
      destroy,
    };
  } catch (error) {
    await destroy();
    throw error;
  }
}
