import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests may create throwaway databases on, when DATABASE_URL is set. */
export const postgresServerUrl = process.env.DATABASE_URL;

/** The databases the CMS tests run against: SQLite always, PostgreSQL when available. */
export const databases: ('sqlite' | 'postgres')[] = postgresServerUrl ? ['sqlite', 'postgres'] : ['sqlite'];

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one test CMS and returns its URL and a function that drops it. */
export async function createTemporaryDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!postgresServerUrl) throw new Error('DATABASE_URL is not set: no PostgreSQL server to test against');
  const name = `cms_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
