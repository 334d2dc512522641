import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { RunningCms } from './cms.ts';
import { repoRoot } from './cms.ts';
import type { ListResponse } from './content.ts';
import type { ImportReport } from '../../importer/src/report.ts';

/** The copy of the association's Jekyll site the tests import (never copied into the project). */
export const FIXTURE = join(repoRoot, '..', 'shared', 'fixtures', 'jekyll-clermontech');

/** What the fixture holds, by REST path. */
export const EXPECTED = {
  events: 50,
  talks: 162,
  speakers: 93,
  venues: 13,
  groups: 1,
  posts: 17,
  sponsors: 9,
  pages: 11,
  members: 13,
} as const;
export const KINDS = { 'api-hour': 44, group: 2, workshop: 3, devcamp: 1 } as const;

const running = new Set<ChildProcess>();

/** Kills the imports still running (a test that timed out): call in afterAll. */
export function stopImporters(): void {
  for (const child of running) {
    try {
      // The whole group: the import and the build it may have started.
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

export interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report?: ImportReport;
}

/**
 * Runs `importer/scripts/import-jekyll.ts` (what `npm run import:jekyll` runs) on `site` against a test
 * CMS's database, with its environment. `onStart` gets the process, e.g. to kill it half-way.
 */
export async function runImporter(
  cms: Pick<RunningCms, 'env'>,
  args: string[] = [],
  { onStart, site = FIXTURE }: { onStart?: (child: ChildProcess) => void; site?: string } = {},
): Promise<ImportRun> {
  const dir = mkdtempSync(join(tmpdir(), 'clermontech-import-'));
  const reportFile = join(dir, 'report.json');
  const env: NodeJS.ProcessEnv = { ...process.env, ...cms.env };
  delete env.VITEST;
  if (cms.env.DATABASE_CLIENT !== 'postgres') delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'importer/scripts/import-jekyll.ts'), site, '--report', reportFile, ...args],
    {
      cwd: repoRoot,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  onStart?.(child);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.once('exit', (exitCode, exitSignal) => done([exitCode, exitSignal])),
  );
  let report: ImportReport | undefined;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReport;
  } catch {
    // Killed or failed before writing it.
  }
  rmSync(dir, { recursive: true, force: true });
  return { code, signal, stdout, stderr, report };
}

/** Published entries of a collection through the public API (all pages). */
export async function listAll<T = Record<string, unknown>>(
  cms: RunningCms,
  path: string,
  query = '',
): Promise<ListResponse<T>['data']> {
  const entries: ListResponse<T>['data'] = [];
  for (let page = 1; ; page++) {
    const response = await cms.fetch(
      `/api/${path}?pagination[page]=${page}&pagination[pageSize]=100${query ? `&${query}` : ''}`,
    );
    if (!response.ok) throw new Error(`GET /api/${path}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as ListResponse<T>;
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}

/** The number of published entries of a collection (optionally filtered). */
export async function total(cms: RunningCms, path: string, query = ''): Promise<number> {
  const response = await cms.fetch(`/api/${path}?pagination[pageSize]=1${query ? `&${query}` : ''}`);
  if (!response.ok) throw new Error(`GET /api/${path}: ${response.status}`);
  return ((await response.json()) as ListResponse).meta.pagination.total;
}

interface StoredFile {
  url: string;
  formats?: Record<string, { url: string }> | null;
}

/** Files of the media library, through the admin API. */
export async function mediaFiles(cms: RunningCms): Promise<StoredFile[]> {
  const token = await cms.adminToken();
  const files: StoredFile[] = [];
  for (let page = 1; ; page++) {
    const response = await cms.fetch(`/upload/files?page=${page}&pageSize=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET /upload/files: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { results: StoredFile[]; pagination: { pageCount: number } };
    files.push(...body.results);
    if (page >= body.pagination.pageCount) return files;
  }
}

/**
 * Deletes the files this test CMS uploaded from cms/public/uploads, which every CMS of the repo
 * shares (Strapi's local provider has no per-instance folder).
 */
export async function removeUploads(cms: RunningCms): Promise<void> {
  const uploads = join(repoRoot, 'cms', 'public', 'uploads');
  for (const file of await mediaFiles(cms)) {
    for (const url of [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]) {
      if (url.startsWith('/uploads/')) rmSync(join(uploads, basename(url)), { force: true });
    }
  }
}
