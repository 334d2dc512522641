import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { isSettled, startStack, type Stack } from '../../helpers/publisher.ts';
import { indexedText } from '../../helpers/search.ts';

const EVENT = 'api::event.event';

describe('publishing: CMS webhook → publisher → live site', () => {
  let stack: Stack;
  let eventId: string;

  beforeAll(async () => {
    stack = await startStack();
    eventId = (await findBySlug(stack.cms.url, 'events', 'api-hour-73')).documentId;
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  const home = async () => (await stack.publisher.get('/')).text();
  const eventPage = async () => (await stack.publisher.get('/api-hours/api-hour-73/')).text();
  const publishTitle = async (title: string) =>
    publishChange(stack.cms.url, await stack.cms.adminToken(), EVENT, eventId, { title });

  it('serves the first release built from the CMS', async () => {
    const response = await stack.publisher.get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('API Hour #73');
  });

  /** Publishes a new title and waits for the build it triggered to finish; the status before and after. */
  const publishAndSettle = async (title: string) => {
    const before = await stack.publisher.settled();
    await publishTitle(title);
    const after = await stack.publisher.settledAfter(before, 'a build after the publish');
    return { before, after };
  };

  it('shows a published change once the build it triggered is live', async () => {
    const { before, after } = await publishAndSettle('API Hour #73 : soirée webhooks');
    expect(after.lastSuccess?.releaseId).not.toBe(before.lastSuccess?.releaseId);
    expect(await eventPage()).toContain('API Hour #73 : soirée webhooks');
  });

  it('indexes the new pages for search once they are live, and keeps one release per build', async () => {
    const { before, after } = await publishAndSettle('API Hour #73 : soirée recherche plein texte');
    expect(after.release?.id).toBe(after.lastSuccess?.releaseId);
    expect(after.lastSuccess?.searchIndexMs).toBeGreaterThan(0);
    const releases = new ReleaseStore(stack.publisher.env.PUBLISHER_RELEASES_DIR!);
    // The pages went live first in a release of their own, which the indexed copy replaced.
    expect(releases.list().filter((id) => id > before.release!.id)).toEqual([after.release!.id]);
    const entry = (await (await stack.publisher.get('/pagefind/pagefind-entry.json')).json()) as {
      languages: Record<string, { hash: string }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    // An event: in the events bundle, beside the main one.
    expect(indexedText(join(releases.current()!.dir, 'pagefind', 'events'))).toContain('soirée recherche plein texte');
  });

  it.each([
    ['missing', {}],
    ['wrong', { authorization: `Bearer ${'0'.repeat(64)}` }],
    ['wrong-length', { authorization: 'Bearer abc' }],
    ['unprefixed', () => ({ authorization: stack.cms.env.PUBLISHER_TOKEN! })],
  ])('refuses a %s token with 401 and builds nothing', async (_name, headers) => {
    const before = await stack.publisher.settled();
    const response = await stack.publisher.get('/_publisher/webhook', {
      method: 'POST',
      headers: typeof headers === 'function' ? headers() : headers,
      body: JSON.stringify({ event: 'entry.publish' }),
    });
    expect(response.status).toBe(401);
    const after = await stack.publisher.status();
    expect(after.buildsStarted).toBe(before.buildsStarted);
    expect(after.building).toBeNull();
  });

  it('turns a burst of 20 changes in 2 seconds into at most 2 builds, ending on the last state', async () => {
    const before = await stack.publisher.settled();
    const token = await stack.cms.adminToken();
    // One change every 100 ms, each sent without waiting for the previous one: 20 changes in 2 s.
    const changes = Array.from({ length: 20 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 100)).then(() =>
        publishChange(stack.cms.url, token, EVENT, eventId, { title: `API Hour #73 : rafale ${i + 1}` }),
      ),
    );
    await Promise.all(changes);
    const after = await stack.publisher.settledAfter(before, 'the burst to be live');
    expect(after.buildsStarted - before.buildsStarted).toBeLessThanOrEqual(2);
    // The site shows exactly what the CMS now holds.
    const title = String((await findBySlug(stack.cms.url, 'events', 'api-hour-73')).title);
    expect(title).toMatch(/^API Hour #73 : rafale \d+$/);
    expect(await eventPage()).toContain(title);
  });

  it('never shows an error or a mix of releases to readers during a swap', async () => {
    const before = await stack.publisher.settled();
    const failures: string[] = [];
    let requests = 0;
    let stop = false;
    const reader = async () => {
      while (!stop) {
        const response = await stack.publisher.get('/');
        requests += 1;
        const html = await response.text();
        if (response.status !== 200) failures.push(`home ${response.status}`);
        // Every asset a page names must come from the same, complete, release.
        for (const [, asset] of html.matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g)) {
          const assetResponse = await stack.publisher.get(asset!);
          if (assetResponse.status !== 200) failures.push(`${asset} ${assetResponse.status}`);
          await assetResponse.arrayBuffer();
        }
        if (!html.includes('</html>')) failures.push('truncated page');
      }
    };
    const readers = Array.from({ length: 4 }, reader);
    await publishTitle('API Hour #73 : pendant la bascule');
    await stack.publisher.settledAfter(before, 'the swap');
    stop = true;
    await Promise.all(readers);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(10);
    expect(await eventPage()).toContain('pendant la bascule');
  });

  it('rolls back to the previous release’s bytes without rebuilding', async () => {
    const before = await stack.publisher.settled();
    const previousHome = await home();
    await publishTitle('API Hour #73 : avant le retour arrière');
    await stack.publisher.settledAfter(before, 'the new release');
    expect(await home()).not.toBe(previousHome);
    const builds = (await stack.publisher.status()).buildsStarted;
    const { status, output } = stack.publisher.rollback();
    expect(status, output).toBe(0);
    expect(await home()).toBe(previousHome);
    expect((await stack.publisher.status()).buildsStarted).toBe(builds);
  });

  it('keeps serving the current release when a build fails, then recovers on the next change', async () => {
    await stack.publisher.settled();
    const served = await home();
    await stack.cms.stop();
    const trigger = await stack.publisher.get('/_publisher/rebuild', {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.cms.env.PUBLISHER_TOKEN}` },
    });
    expect(trigger.status).toBe(202);
    const failed = await stack.publisher.waitForStatus(
      'the failed build',
      (status) =>
        isSettled(status) &&
        status.lastFailure !== null &&
        (!status.lastSuccess || status.lastFailure.at > status.lastSuccess.at),
    );
    expect(failed.lastFailure?.error).toMatch(/127\.0\.0\.1|CMS|unreachable|ECONNREFUSED/i);
    expect(JSON.stringify(failed)).not.toContain(stack.cms.env.PUBLISHER_TOKEN);
    expect(JSON.stringify(failed)).not.toContain(stack.cms.env.CMS_TOKEN);
    const during = await stack.publisher.get('/');
    expect(during.status).toBe(200);
    expect(await during.text()).toBe(served);

    await stack.cms.restart();
    await publishTitle('API Hour #73 : de retour');
    const recovered = await stack.publisher.waitForStatus(
      'recovery',
      (status) => isSettled(status) && status.lastSuccess !== null && status.lastSuccess.at > failed.lastFailure!.at,
    );
    expect(recovered.release?.id).toBe(recovered.lastSuccess?.releaseId);
    expect(await eventPage()).toContain('API Hour #73 : de retour');
  });
});
