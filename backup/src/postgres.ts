/**
 * PostgreSQL: a backup is pg_dump of the CMS's schema (one repeatable-read snapshot, so the CMS may
 * keep running); a restore replays it with psql in a single transaction, behind a guard that the
 * schema is empty, so a failure anywhere leaves the database as it was.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError } from './cli.ts';
import { runTool } from './tools.ts';

const INSTALL_HINT =
  "install the PostgreSQL client tools of the server's major version (apt install postgresql-client)";

/** URL query parameters libpq understands, by the environment variable that carries them. */
const PARAMETERS: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
  options: 'PGOPTIONS',
};

/**
 * DATABASE_URL as libpq environment variables: handing the URL to pg_dump/psql as an argument would
 * show its password to every local user in `ps`.
 */
export function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new BackupError('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new BackupError('DATABASE_URL must start with postgres://');
  const env: NodeJS.ProcessEnv = {};
  if (url.hostname) env.PGHOST = decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (url.port) env.PGPORT = url.port;
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  if (url.pathname.length > 1) env.PGDATABASE = decodeURIComponent(url.pathname.slice(1));
  for (const [key, value] of url.searchParams) {
    const variable = PARAMETERS[key];
    if (variable) env[variable] = value;
    // node-postgres' own spelling, which DATABASE_URL may use for the CMS.
    else if (key === 'ssl' && ['true', '1'].includes(value)) env.PGSSLMODE ??= 'require';
  }
  return env;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const identifier = (value: string) => `"${value.replaceAll('"', '""')}"`;

/** The schema's relations (tables, views, sequences…): indexes and constraints go with their tables. */
const relationsOf = (schema: string) =>
  `SELECT c.relname, c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ${literal(schema)} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`;

/** "15.20" from "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)". */
async function toolVersion(tool: 'pg_dump' | 'psql'): Promise<string> {
  const output = await runTool(tool, ['--version'], { install: INSTALL_HINT });
  const version = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(output)?.[1];
  if (!version) throw new BackupError(`Cannot read the version of ${tool} from "${output.trim()}"`);
  return version;
}

export const majorVersion = (version: string) => Number.parseInt(version, 10);

export interface PostgresState {
  serverVersion: string;
  /** Tables, views and sequences in the schema. */
  relations: number;
}

/** The server's version and how many relations the schema holds. */
export async function inspectPostgres(databaseUrl: string, schema: string): Promise<PostgresState> {
  const output = await runTool('psql', ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1'], {
    env: libpqEnv(databaseUrl),
    input: `SELECT current_setting('server_version'), (SELECT count(*) FROM (${relationsOf(schema)}) AS relations);\n`,
    install: INSTALL_HINT,
  }).catch((error: BackupError) => {
    throw new BackupError(
      `Cannot reach the PostgreSQL database of DATABASE_URL: ${error.message.replace(/^psql failed: /, '')}`,
    );
  });
  const [version = '', relations = '0'] = output.trim().split('\t');
  return { serverVersion: version.split(' ')[0]!, relations: Number(relations) };
}

/** Dumps the schema's tables and sequences as SQL into `into`; returns the server's and pg_dump's versions. */
export async function dumpPostgres(
  databaseUrl: string,
  schema: string,
  into: string,
): Promise<{ serverVersion: string; pgDumpVersion: string }> {
  const [state, pgDumpVersion] = await Promise.all([inspectPostgres(databaseUrl, schema), toolVersion('pg_dump')]);
  if (state.relations === 0)
    throw new BackupError(
      `The PostgreSQL schema ${schema} is empty: nothing to back up (check DATABASE_URL and DATABASE_SCHEMA)`,
    );
  if (majorVersion(pgDumpVersion) < majorVersion(state.serverVersion)) {
    throw new BackupError(`pg_dump ${pgDumpVersion} cannot dump PostgreSQL ${state.serverVersion}: ${INSTALL_HINT}`);
  }
  // A table pattern rather than --schema: the dump then creates no schema, so it restores into an
  // existing one (public always exists) as well as into a new one.
  await runTool(
    'pg_dump',
    ['--format=plain', '--no-owner', '--no-privileges', `--table=${identifier(schema)}.*`, `--file=${into}`],
    {
      env: libpqEnv(databaseUrl),
      install: INSTALL_HINT,
    },
  );
  return { serverVersion: state.serverVersion, pgDumpVersion };
}

/** Refuses in-transaction what the pre-check refused, in case something wrote meanwhile; --force empties the schema instead. */
function prelude(schema: string, force: boolean): string {
  const relations = relationsOf(schema);
  const clear = `
DO $clermontech$
DECLARE item record;
BEGIN
  FOR item IN ${relations} AND c.relkind <> 'S' LOOP
    EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
      CASE item.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      ${literal(schema)}, item.relname);
  END LOOP;
  FOR item IN ${relations} LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS %I.%I CASCADE', ${literal(schema)}, item.relname);
  END LOOP;
END
$clermontech$;`;
  return `CREATE SCHEMA IF NOT EXISTS ${identifier(schema)};
${force ? clear : ''}
DO $clermontech$
BEGIN
  IF EXISTS (${relations}) THEN
    RAISE EXCEPTION 'the schema % is not empty', ${literal(schema)};
  END IF;
END
$clermontech$;
`;
}

/**
 * Replays `dump` into the schema in one transaction: all of it, or nothing. `force` drops what the
 * schema holds first, in the same transaction.
 */
export async function restorePostgres(
  databaseUrl: string,
  schema: string,
  dump: string,
  workDir: string,
  force: boolean,
): Promise<void> {
  const preludeFile = join(workDir, 'prelude.sql');
  writeFileSync(preludeFile, prelude(schema, force));
  await runTool('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-f', preludeFile, '-f', dump], {
    env: libpqEnv(databaseUrl),
    install: INSTALL_HINT,
  }).catch((error: BackupError) => {
    const reason = error.message.replace(/^psql failed: (psql:[^:]*:\d+: )?/, '');
    throw new BackupError(`Restoring the PostgreSQL dump failed, the database is unchanged: ${reason}`);
  });
}

/** Refuses a dump made by a newer pg_dump than the server: it may use settings the server does not know. */
export function checkDumpVersion(pgDumpVersion: string, serverVersion: string): void {
  if (majorVersion(pgDumpVersion) > majorVersion(serverVersion)) {
    throw new BackupError(
      `The archive was dumped by pg_dump ${pgDumpVersion}, newer than this PostgreSQL server (${serverVersion}): restore it into PostgreSQL ${majorVersion(pgDumpVersion)} or later`,
    );
  }
}
