/**
 * `npm run restore -- <archive> [--force]`: puts a backup made by `npm run backup` back into this
 * installation (the database of DATABASE_CLIENT/DATABASE_FILENAME/DATABASE_URL, and
 * cms/public/uploads), with the CMS stopped.
 *
 * Everything is checked before anything is written: the archive (gzip, tar, every checksum of its
 * manifest, no path both a file and a folder), that it fits this installation, that the target
 * database is empty (--force replaces a non-empty one), that the CMS is stopped, that no folder or
 * file of the uploads stands where an archived one goes. Then the uploads are put back (added,
 * never deleted), then the database in one step (SQLite: a rename; PostgreSQL: one transaction);
 * if that fails the uploads are taken back out.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnv } from '@clermontech/config';
import { readArchive } from './archive.ts';
import { BackupError, formatSeconds, runCommand } from './cli.ts';
import { cmsIsRunning, compareVersions, describeInstallation, type Installation } from './installation.ts';
import type { Manifest } from './manifest.ts';
import { checkDumpVersion, inspectPostgres, restorePostgres } from './postgres.ts';
import { checkSqlite, installSqlite, processesUsing, sqliteTableCount } from './sqlite.ts';
import { stopTools } from './tools.ts';
import { checkUploadsFit, putBackUploads, type UploadsChange } from './uploads.ts';

const USAGE = 'Usage: npm run restore -- <archive> [--force]';
const CLIENT_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

let workDir: string | undefined;
let uploads: UploadsChange | undefined;

function parseOptions(): { archive: string; force: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new BackupError(`${(error as Error).message.split('. ')[0]}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1)
    throw new BackupError(positionals.length === 0 ? `No archive given. ${USAGE}` : `One archive at a time. ${USAGE}`);
  // npm runs scripts from the repository's root: a relative path means relative to where npm was typed.
  return { archive: resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!), force: values.force === true };
}

function checkArchiveFile(archive: string): void {
  let isFile: boolean;
  try {
    isFile = statSync(archive).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === 'ENOENT' ? `No such archive: ${archive}` : `Cannot read the archive ${archive} (${code})`,
    );
  }
  if (!isFile) throw new BackupError(`${archive} is not a file`);
}

/** The archive must hold this installation's kind of database, from a Strapi this one can run. */
function checkFits(manifest: Manifest, installation: Installation): void {
  const held = manifest.database.client;
  const configured = installation.database.client;
  if (held !== configured) {
    throw new BackupError(
      `The archive holds a ${CLIENT_NAMES[held]} database but DATABASE_CLIENT=${configured}: restore it into a ${CLIENT_NAMES[held]} installation`,
    );
  }
  if (
    manifest.database.client === 'postgres' &&
    installation.database.client === 'postgres' &&
    manifest.database.schema !== installation.database.schema
  ) {
    throw new BackupError(
      `The archive holds the PostgreSQL schema ${manifest.database.schema} but DATABASE_SCHEMA=${installation.database.schema}: set DATABASE_SCHEMA=${manifest.database.schema}`,
    );
  }
  // Strapi migrates an older database forward at start, never a newer one back.
  if (compareVersions(manifest.strapiVersion, installation.strapiVersion) > 0) {
    throw new BackupError(
      `The archive comes from Strapi ${manifest.strapiVersion}, newer than this installation's ${installation.strapiVersion}: upgrade first`,
    );
  }
}

/** The target database must be empty, or --force given; and nothing may be using it. */
async function checkTarget(installation: Installation, manifest: Manifest, force: boolean): Promise<void> {
  const { database } = installation;
  switch (database.client) {
    case 'sqlite': {
      const tables = force ? 0 : sqliteTableCount(database.file);
      if (tables > 0)
        throw new BackupError(
          `The database ${database.file} is not empty (${tables} tables): restore into an empty installation, or add --force to replace it`,
        );
      break;
    }
    case 'postgres': {
      const { serverVersion, relations } = await inspectPostgres(database.url, database.schema);
      if (manifest.database.client === 'postgres') checkDumpVersion(manifest.database.pgDumpVersion, serverVersion);
      if (relations > 0 && !force) {
        throw new BackupError(
          `The PostgreSQL schema ${database.schema} is not empty (it holds ${relations} tables, views or sequences): restore into an empty database, or add --force to replace its content`,
        );
      }
      break;
    }
  }
  if (await cmsIsRunning(installation))
    throw new BackupError(`The CMS is running (${installation.healthUrl} answers): stop it before restoring`);
  if (database.client === 'sqlite') {
    const users = processesUsing(database.file);
    if (users.length > 0)
      throw new BackupError(
        `The database ${database.file} is open in ${users.join(', ')}: stop the CMS before restoring`,
      );
  }
}

/** Restored tokens only work with the secrets they were made with; says so rather than failing. */
function warnAboutSecrets(manifest: Manifest, installation: Installation): void {
  const differing = Object.entries(manifest.secretFingerprints)
    .filter(
      ([name, value]) =>
        installation.secretFingerprints[name] !== undefined && installation.secretFingerprints[name] !== value,
    )
    .map(([name]) => name);
  if (differing.length === 0) return;
  console.warn(
    `Warning: ${differing.join(', ')} differ from the backed-up installation's; API tokens made in the admin will not work until the old values are set (CMS_TOKEN is re-keyed when the CMS starts).`,
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const { archive, force } = parseOptions();
  checkArchiveFile(archive);
  const installation = describeInstallation(loadEnv());
  workDir = mkdtempSync(join(tmpdir(), 'clermontech-restore-'));

  const manifest = await readArchive(archive, workDir);
  const dump = join(workDir, manifest.database.path);
  if (manifest.database.client === 'sqlite') checkSqlite(dump, archive);
  checkFits(manifest, installation);
  await checkTarget(installation, manifest, force);
  await checkUploadsFit(manifest.files, installation.uploadsDir);
  warnAboutSecrets(manifest, installation);

  uploads = await putBackUploads(workDir, manifest.files, installation.uploadsDir);
  const { database } = installation;
  try {
    switch (database.client) {
      case 'sqlite':
        installSqlite(dump, database.file);
        break;
      case 'postgres':
        await restorePostgres(database.url, database.schema, dump, workDir, force);
        break;
    }
  } catch (error) {
    uploads.undo();
    throw error;
  }
  uploads.commit();

  const where = database.client === 'sqlite' ? database.file : `schema ${database.schema}`;
  console.log(
    `Restored the ${CLIENT_NAMES[database.client]} database (${where}) and ${manifest.files.length - 1} uploads ` +
      `(${uploads.added} added, ${uploads.replaced} replaced, ${uploads.unchanged} already there) ` +
      `from the backup of ${manifest.createdAt} in ${formatSeconds(started)}. Start the CMS: npm run cms`,
  );
  if (compareVersions(manifest.strapiVersion, installation.strapiVersion) < 0) {
    console.log(
      `The backup comes from Strapi ${manifest.strapiVersion}: Strapi ${installation.strapiVersion} migrates it when it starts.`,
    );
  }
}

await runCommand(main, () => {
  stopTools();
  uploads?.undo();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
