import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBySlug, publishChange, type ListResponse } from '../../helpers/content.ts';
import { isSettled, startStack, type Stack } from '../../helpers/publisher.ts';
import { waitFor } from '../../helpers/wait.ts';

const PAGES = ['/', '/api-hours/', '/api-hours/api-hour-73/', '/talks/', '/blog/', '/atom.xml', '/events.ics', '/nope'];

/** Runs `concurrency` request loops until `done` resolves (or `maxRequests`), and returns what went wrong. */
async function hammer(url: string, concurrency: number, done: Promise<unknown>, maxRequests = 20_000) {
  let finished = false;
  void done.finally(() => (finished = true));
  let requests = 0;
  const errors: string[] = [];
  const loop = async (worker: number) => {
    for (let i = worker; !finished && requests < maxRequests; i += concurrency) {
      const path = PAGES[i % PAGES.length]!;
      requests += 1;
      try {
        const response = await fetch(`${url}${path}`);
        await response.arrayBuffer();
        const expected = path === '/nope' ? 404 : 200;
        if (response.status !== expected) errors.push(`${path} → ${response.status}`);
      } catch (error) {
        errors.push(`${path} → ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, worker) => loop(worker)));
  return { requests, errors };
}

/** Makes a directory refuse new entries, even to root (chattr +i), or to others (chmod) where chattr can't. */
function freeze(dir: string): () => void {
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  } catch {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
}

describe('publisher and CMS under load and faults', () => {
  let stack: Stack;
  let eventId: string;

  beforeAll(async () => {
    stack = await startStack();
    eventId = (await findBySlug(stack.cms.url, 'events', 'api-hour-73')).documentId;
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  const publishTitle = async (title: string) =>
    publishChange(stack.cms.url, await stack.cms.adminToken(), 'api::event.event', eventId, { title });

  it('serves readers at concurrency 50 without a single error while builds run', async () => {
    const before = await stack.publisher.settled();
    const builds = (async () => {
      for (let round = 1; round <= 2; round += 1) {
        await publishTitle(`API Hour #73 : charge ${round}`);
        await stack.publisher.waitForStatus(
          `build ${round}`,
          (status) => status.buildsStarted >= before.buildsStarted + round && isSettled(status),
        );
      }
    })();
    const { requests, errors } = await hammer(stack.publisher.url, 50, builds);
    await builds;
    expect(errors).toEqual([]);
    expect(requests).toBeGreaterThan(500);
    console.info(`publisher load: ${requests} requests at concurrency 50 during 2 builds, ${errors.length} errors`);
  });

  it('answers the content API at concurrency 50 for 30 seconds with no server error', async () => {
    let serverErrors = 0;
    let requests = 0;
    const deadline = Date.now() + 30_000;
    const paths = [
      '/api/events?populate[talks]=true',
      '/api/talks',
      '/api/speakers',
      '/api/posts',
      '/api/global',
      '/api/events?pagination[pageSize]=100',
    ];
    await Promise.all(
      Array.from({ length: 50 }, async (_, worker) => {
        for (let i = worker; Date.now() < deadline && requests < 100_000; i += 50) {
          requests += 1;
          const response = await stack.cms.fetch(paths[i % paths.length]!);
          await response.arrayBuffer();
          if (response.status >= 500) serverErrors += 1;
        }
      }),
    );
    expect(serverErrors).toBe(0);
    expect(requests).toBeGreaterThan(300);
    console.info(`content API load: ${requests} requests in 30 s at concurrency 50, ${serverErrors} server errors`);
  });

  it('keeps serving when the release directory refuses writes, and records the failure', async () => {
    const before = await stack.publisher.settled();
    const served = await (await stack.publisher.get('/')).text();
    const thaw = freeze(stack.publisher.env.PUBLISHER_RELEASES_DIR!);
    try {
      await publishTitle('API Hour #73 : disque plein');
      const failed = await stack.publisher.waitForStatus(
        'the failed build',
        (status) =>
          isSettled(status) && status.lastFailure !== null && status.lastFailure.at > (before.lastSuccess?.at ?? ''),
      );
      expect(failed.release?.id).toBe(before.release?.id);
      const response = await stack.publisher.get('/');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(served);
    } finally {
      thaw();
    }
    await publishTitle('API Hour #73 : disque réparé');
    await stack.publisher.waitForStatus(
      'recovery',
      (status) => isSettled(status) && status.release?.id !== before.release?.id,
    );
    expect(await (await stack.publisher.get('/api-hours/api-hour-73/')).text()).toContain('disque réparé');
  });

  it('loses nothing acknowledged when the CMS is killed (-9) in the middle of publishing', async () => {
    const token = await stack.cms.adminToken();
    const acknowledged: string[] = [];
    let inFlight: string | undefined;
    let killed = false;
    const publishing = (async () => {
      for (let i = 1; i <= 200 && !killed; i += 1) {
        const title = `API Hour #73 : avant la panne ${i}`;
        inFlight = title;
        try {
          await publishChange(stack.cms.url, token, 'api::event.event', eventId, { title });
          acknowledged.push(title);
        } catch {
          return;
        }
      }
    })();
    await waitFor('a few acknowledged publishes', () => acknowledged.length >= 5, { timeoutMs: 60_000 });
    killed = true;
    await stack.cms.stop('SIGKILL');
    await publishing;

    const database = stack.cms.env.DATABASE_FILENAME!;
    const db = new Database(database, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    await stack.cms.restart();
    const events = (await (
      await stack.cms.fetch('/api/events?filters[slug][$eq]=api-hour-73')
    ).json()) as ListResponse<{ title: string }>;
    expect(events.data).toHaveLength(1);
    // The publish in flight at the kill may have committed without being answered: either is right.
    expect([acknowledged.at(-1), inFlight]).toContain(events.data[0]!.title);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    const talks = (await (await stack.cms.fetch('/api/talks')).json()) as ListResponse;
    expect(talks.meta.pagination.total).toBe(5);
  });
});
