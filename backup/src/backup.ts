/**
 * `npm run backup [-- --out <dir>]`: a consistent snapshot of the CMS's database (SQLite through
 * VACUUM INTO, PostgreSQL through pg_dump; admin users and API tokens included) and every upload,
 * in one timestamped archive, clermontech-<UTC time>.tar.gz, in backups/ by default. Safe while the
 * CMS runs. The archive holds password hashes: it is created readable by its owner only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv, repoRoot } from '@clermontech/config';
import { archiveBaseName, publishArchive, writeArchive, type ArchiveSource } from './archive.ts';
import { BackupError, formatBytes, formatSeconds, runCommand } from './cli.ts';
import { describeInstallation } from './installation.ts';
import { MANIFEST_FORMAT, type DatabaseDump } from './manifest.ts';
import { dumpPostgres } from './postgres.ts';
import { snapshotSqlite } from './sqlite.ts';
import { stopTools } from './tools.ts';
import { listUploads } from './uploads.ts';

const USAGE = 'Usage: npm run backup [-- --out <dir>]';

let workDir: string | undefined;
let partial: string | undefined;

function parseOptions(): { out: string } {
  let values;
  try {
    ({ values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new BackupError(`${(error as Error).message.split('. ')[0]}. ${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // npm runs scripts from the repository's root: a relative --out means relative to where npm was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return { out: values.out ? resolve(cwd, values.out) : join(repoRoot, 'backups') };
}

async function main(): Promise<void> {
  const started = performance.now();
  const { out } = parseOptions();
  const installation = describeInstallation(loadEnv());
  workDir = mkdtempSync(join(tmpdir(), 'clermontech-backup-'));
  await mkdir(out, { recursive: true, mode: 0o700 });

  const createdAt = new Date();
  let database: DatabaseDump;
  switch (installation.database.client) {
    case 'sqlite': {
      const sqliteVersion = snapshotSqlite(installation.database.file, join(workDir, 'database.sqlite'));
      database = { client: 'sqlite', path: 'database.sqlite', sqliteVersion };
      break;
    }
    case 'postgres': {
      const { url, schema } = installation.database;
      const versions = await dumpPostgres(url, schema, join(workDir, 'database.sql'));
      database = { client: 'postgres', path: 'database.sql', schema, ...versions };
      break;
    }
  }
  // After the database: an upload added meanwhile is only an extra file, never a missing one.
  const uploads = await listUploads(installation.uploadsDir);
  const sources: ArchiveSource[] = [{ path: database.path, file: join(workDir, database.path) }, ...uploads];

  const baseName = archiveBaseName(createdAt);
  partial = join(out, `.${baseName}.tar.gz.partial-${process.pid}`);
  const { manifest, skipped } = await writeArchive(partial, sources, {
    format: MANIFEST_FORMAT,
    createdAt: createdAt.toISOString(),
    strapiVersion: installation.strapiVersion,
    database,
    secretFingerprints: installation.secretFingerprints,
  });
  const archive = await publishArchive(partial, out, baseName);
  partial = undefined;

  const [databaseFile, ...uploadFiles] = manifest.files;
  const size = (await stat(archive)).size;
  const shown = relative(process.env.INIT_CWD ?? process.cwd(), archive);
  console.log(
    `Backup written to ${shown.startsWith('..') ? archive : shown} (${formatBytes(size)}): ` +
      `${database.client === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database (${formatBytes(databaseFile!.size)}) ` +
      `and ${uploadFiles.length} uploads (${formatBytes(uploadFiles.reduce((total, file) => total + file.size, 0))}) in ${formatSeconds(started)}.`,
  );
  if (skipped.length > 0) console.log(`${skipped.length} uploads were deleted while the backup ran and are not in it.`);
}

await runCommand(main, () => {
  stopTools();
  if (partial) rmSync(partial, { force: true });
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
