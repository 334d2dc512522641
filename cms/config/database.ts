import path from 'node:path';
import { cmsEnv } from '../src/cms-env';

/** dist/config → cms/ */
const cmsRoot = path.resolve(__dirname, '..', '..');

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
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(cmsRoot, env.DATABASE_FILENAME) },
      useNullAsDefault: true,
      pool: {
        // Write-ahead logging: a crash (kill -9) loses no committed write, and readers (the API, a
        // backup, the importer's CMS) don't wait for writers. Busy writers wait instead of failing.
        afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('busy_timeout = 5000');
          done(null, connection);
        },
      },
    },
  };
};
