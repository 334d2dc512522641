/**
 * SQLite: a backup is `VACUUM INTO` on a read-only connection, one read transaction, so the CMS may
 * keep running and writing (it waits at most for the copy); a restore swaps the file in with a rename.
 */
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BackupError, oneLine } from './cli.ts';
import { requireFromCms } from './installation.ts';

/** The part of better-sqlite3 used here (the project does not install its types). */
interface Statement {
  run(...parameters: unknown[]): unknown;
  get(...parameters: unknown[]): unknown;
  pluck(): Statement;
}
interface Connection {
  prepare(sql: string): Statement;
  close(): void;
}
type ConnectionConstructor = new (
  file: string,
  options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number },
) => Connection;

const Sqlite = requireFromCms('better-sqlite3') as ConnectionConstructor;

/** How long a backup waits for a CMS write to finish before giving up. */
const BUSY_TIMEOUT_MS = 30_000;

function withConnection<T>(file: string, readonly: boolean, use: (connection: Connection) => T): T {
  const connection = new Sqlite(file, { readonly, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return use(connection);
  } finally {
    connection.close();
  }
}

/** Writes a consistent copy of the database at `file` to `into`; returns SQLite's version. */
export function snapshotSqlite(file: string, into: string): string {
  if (!existsSync(file))
    throw new BackupError(`No SQLite database at ${file}: nothing to back up (check DATABASE_FILENAME)`);
  try {
    return withConnection(file, true, (connection) => {
      connection.prepare('VACUUM INTO ?').run(into);
      return connection.prepare('SELECT sqlite_version()').pluck().get() as string;
    });
  } catch (error) {
    throw new BackupError(`Could not read the SQLite database ${file}: ${oneLine(error)}`);
  }
}

/** The number of tables in the database at `file`; 0 when there is no such file or it is empty. */
export function sqliteTableCount(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    return withConnection(
      file,
      true,
      (connection) =>
        connection.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number,
    );
  } catch (error) {
    // An unreadable file is not an empty one: replacing it is a decision for --force.
    throw new BackupError(
      `The database file ${file} is not a readable SQLite database (${oneLine(error)}); add --force to replace it`,
    );
  }
}

/** Fails unless SQLite finds the restored file sound. */
export function checkSqlite(file: string, archive: string): void {
  let result: string;
  try {
    result = withConnection(
      file,
      true,
      (connection) => connection.prepare('PRAGMA integrity_check(1)').pluck().get() as string,
    );
  } catch (error) {
    throw new BackupError(`Corrupt archive ${archive}: its database is not a readable SQLite file (${oneLine(error)})`);
  }
  if (result !== 'ok')
    throw new BackupError(`Corrupt archive ${archive}: its database fails SQLite's integrity check (${result})`);
}

/**
 * The processes that hold `file` open ("node (pid 1234)"), read from /proc; empty where there is no
 * /proc or the processes belong to someone else. Strapi keeps its SQLite file open but unlocked
 * between queries, so a lock test cannot see it: the open file descriptor can.
 */
export function processesUsing(file: string): string[] {
  let target: string;
  let pids: string[];
  try {
    target = realpathSync(file);
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  const users: string[] = [];
  for (const pid of pids) {
    try {
      const descriptors = readdirSync(`/proc/${pid}/fd`);
      if (!descriptors.some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === target)) continue;
      users.push(`${readFileSync(`/proc/${pid}/comm`, 'utf8').trim()} (pid ${pid})`);
    } catch {
      // gone meanwhile, or not ours to look at
    }
  }
  return users;
}

function fsyncPath(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Puts the restored database at `target` atomically: a copy next to it, flushed, then renamed over
 * it. The old file's journal is rolled back or dropped first, so it can never be replayed into the new one.
 */
export function installSqlite(restored: string, target: string): void {
  const directory = dirname(target);
  mkdirSync(directory, { recursive: true });
  if (existsSync(target)) {
    try {
      // Opening and reading recovers a hot journal left by a crash; closing checkpoints a WAL.
      withConnection(target, false, (connection) => connection.prepare('SELECT count(*) FROM sqlite_master').get());
    } catch {
      // An unreadable old file is being replaced anyway (--force).
    }
    for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
  const temporary = join(directory, `.${basename(target)}.restore-${process.pid}`);
  try {
    copyFileSync(restored, temporary);
    // Password hashes and tokens: readable by the CMS's user only, as the CMS creates it.
    chmodSync(temporary, 0o600);
    fsyncPath(temporary);
    renameSync(temporary, target);
    fsyncPath(directory);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new BackupError(`Could not write the database ${target}: ${oneLine(error)}`);
  }
}
