import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { cmsEnv } from '../src/cms-env';

/** dist/config → cms/ */
const cmsRoot = path.resolve(__dirname, '..', '..');

/**
 * The SQLite file holds password hashes, tokens and e-mails: it is created readable by its owner
 * only (0600) before Strapi opens it, and an older one is made so. SQLite gives its -wal, -shm and
 * -journal files the mode of the database file.
 */
function keepPrivate(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      chmodSync(`${file}${suffix}`, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new Error(`Cannot make ${file}${suffix} readable by its owner only: ${(error as Error).message}`, {
          cause: error,
        });
    }
  }
}

export default () => {
  const env = cmsEnv();
  if (env.DATABASE_CLIENT === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: { connectionString: env.DATABASE_URL, schema: env.DATABASE_SCHEMA },
        pool: { min: 0, max: 10 },
        acquireConnectionTimeout: 60_000,
      },
    };
  }
  const filename = path.resolve(cmsRoot, env.DATABASE_FILENAME);
  keepPrivate(filename);
  return {
    connection: {
      client: 'sqlite',
      connection: { filename },
      useNullAsDefault: true,
      pool: {
        // Write-ahead logging: a crash (kill -9) loses no committed write, and readers (the API, a
        // backup, the importer's CMS) don't wait for writers. Busy writers wait instead of failing.
        afterCreate: (
          connection: { pragma: (statement: string) => unknown },
          done: (error: Error | null, connection: unknown) => void,
        ) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('busy_timeout = 5000');
          done(null, connection);
        },
      },
    },
  };
};
