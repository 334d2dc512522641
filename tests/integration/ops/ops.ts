/** What the backup tests do to an installation: run the commands, wipe it, fingerprint its database, make an image. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import pg from 'pg';
import { repoRoot, type RunningCms } from '../../helpers/cms.ts';
import { postgresServerUrl } from '../../helpers/postgres.ts';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node backup/src/<script>` as `npm run backup`/`restore` does, with the CMS's environment. */
export function runScript(cms: RunningCms, script: 'backup.ts' | 'restore.ts', args: string[]): Promise<CommandResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...cms.env };
  if (cms.env.DATABASE_CLIENT === 'sqlite') delete env.DATABASE_URL;
  delete env.VITEST;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'backup', 'src', script), ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withServer<T>(run: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(postgresServerUrl!);
  if (database) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const databaseName = (cms: RunningCms) => new URL(cms.env.DATABASE_URL!).pathname.slice(1);

/** Deletes the CMS's database (the CMS stopped): the SQLite file, or the PostgreSQL database, recreated empty. */
export async function wipeDatabase(cms: RunningCms): Promise<void> {
  if (cms.env.DATABASE_CLIENT === 'sqlite') {
    for (const suffix of ['', '-journal', '-wal', '-shm'])
      rmSync(`${cms.env.DATABASE_FILENAME}${suffix}`, { force: true });
    return;
  }
  const name = databaseName(cms);
  await withServer(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
}

/**
 * A digest of everything the CMS's database holds (the CMS stopped): the SQLite file's bytes, or
 * every row of every table of the PostgreSQL schema.
 */
export async function databaseFingerprint(cms: RunningCms): Promise<string> {
  if (cms.env.DATABASE_CLIENT === 'sqlite')
    return createHash('sha256').update(readFileSync(cms.env.DATABASE_FILENAME!)).digest('hex');
  return withServer(async (client) => {
    const tables = (await client.query(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )) as {
      rows: { name: string }[];
    };
    const hash = createHash('sha256');
    for (const { name } of tables.rows) {
      const digest = (await client.query(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM public."${name}" t`,
      )) as {
        rows: { digest: string | null }[];
      };
      hash.update(`${name}:${digest.rows[0]?.digest ?? ''}\n`);
    }
    return hash.digest('hex');
  }, databaseName(cms));
}

/** A real PNG (a gradient, `width`×`height`), big enough for Strapi to make a thumbnail of it. */
export function gradientPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) rows.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
