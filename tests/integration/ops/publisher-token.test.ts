import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHER_WEBHOOK_NAME } from '../../../cms/src/site-publishing/webhook.ts';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { freePort } from '../../helpers/ports.ts';
import { waitFor } from '../../helpers/wait.ts';
import { runScript } from './ops.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A stand-in for the publisher on loopback: answers 202 to everything and records what came. */
async function fakePublisher(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers });
      response.writeHead(202).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, received, server };
}

/** Every row of Strapi's webhook table, as JSON text, read straight from the database. */
async function webhookRows(cms: RunningCms): Promise<string> {
  if (cms.env.DATABASE_CLIENT === 'sqlite') {
    const connection = new Database(cms.env.DATABASE_FILENAME, { readonly: true });
    try {
      return JSON.stringify(connection.prepare('SELECT * FROM strapi_webhooks').all());
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: cms.env.DATABASE_URL });
  await client.connect();
  try {
    return JSON.stringify((await client.query('SELECT * FROM strapi_webhooks')).rows);
  } finally {
    await client.end();
  }
}

/** Puts the token back into the publisher's webhook, as installations before this fix stored it (the CMS stopped). */
async function storeTokenAsBefore(cms: RunningCms, token: string): Promise<void> {
  const headers = JSON.stringify({ Authorization: `Bearer ${token}` });
  if (cms.env.DATABASE_CLIENT === 'sqlite') {
    const connection = new Database(cms.env.DATABASE_FILENAME);
    try {
      expect(
        connection.prepare('UPDATE strapi_webhooks SET headers = ? WHERE name = ?').run(headers, PUBLISHER_WEBHOOK_NAME)
          .changes,
      ).toBe(1);
    } finally {
      connection.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: cms.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query('UPDATE strapi_webhooks SET headers = $1::jsonb WHERE name = $2', [
      headers,
      PUBLISHER_WEBHOOK_NAME,
    ]);
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

describe.each(databases)('the publisher token stays out of the database (%s)', (database) => {
  let cms: RunningCms;
  let publisher: Awaited<ReturnType<typeof fakePublisher>>;
  let token: string;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'clermontech-token-backup-'));
    publisher = await fakePublisher();
    cms = await startCms({ database, seedDemo: false, env: { PUBLISHER_URL: publisher.url } });
    token = cms.env.PUBLISHER_TOKEN!;
    expect(token.length).toBeGreaterThan(40);
  });
  afterAll(async () => {
    await cms?.destroy();
    publisher?.server.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('keeps no token in the webhook table, and takes it out of one an older install stored', async () => {
    const rows = await webhookRows(cms);
    expect(rows, 'the publisher webhook is registered').toContain(`${publisher.url}/_publisher/webhook`);
    expect(rows).not.toContain(token);

    await cms.stop();
    await storeTokenAsBefore(cms, token);
    expect(await webhookRows(cms)).toContain(token);
    await cms.restart();
    expect(await webhookRows(cms)).not.toContain(token);
  });

  it('still sends the bearer token to the publisher when an entry is published', async () => {
    const adminToken = await cms.adminToken();
    const venue = await createDraft(cms.url, adminToken, 'api::venue.venue', {
      name: 'Salle du jeton',
      slug: `salle-jeton-${database}`,
    });
    const published = await cms.fetch(
      `/content-manager/collection-types/api::venue.venue/${venue.documentId}/actions/publish`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: '{}',
      },
    );
    expect(published.status).toBe(200);
    const publish = await waitFor('the publish webhook', () =>
      publisher.received.find(({ headers }) => headers['x-strapi-event'] === 'entry.publish'),
    );
    expect(publish.path).toBe('/_publisher/webhook');
    expect(publish.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('writes a backup that holds no token, readable by its owner only', async () => {
    const result = await runScript(cms, 'backup.ts', ['--out', outDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [name] = readdirSync(outDir);
    const archive = join(outDir, name!);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    const content = gunzipSync(readFileSync(archive));
    expect(content.includes(`${publisher.url}/_publisher/webhook`), 'the archive holds the webhook').toBe(true);
    expect(content.includes(token)).toBe(false);
  });

  // PostgreSQL's files are its server's, which creates them 0600.
  if (database === 'sqlite') {
    it('creates the SQLite database and its WAL files readable by their owner only', () => {
      for (const suffix of ['', '-wal', '-shm']) {
        expect(statSync(`${cms.env.DATABASE_FILENAME}${suffix}`).mode & 0o777, `data.db${suffix}`).toBe(0o600);
      }
    });
  }
});
