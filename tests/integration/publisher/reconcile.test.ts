import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { freePort } from '../../helpers/ports.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';

describe('reconciliation: a change whose webhook was lost still goes live', () => {
  let stack: Stack;

  beforeAll(async () => {
    // The CMS sends its webhooks to a port where nobody listens: every webhook is lost.
    const nowhere = await freePort();
    stack = await startStack(
      { env: { PUBLISHER_URL: `http://127.0.0.1:${nowhere}` } },
      { PUBLISHER_RECONCILE_SECONDS: '1' },
    );
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it('rebuilds on the next periodic check', async () => {
    const before = await stack.publisher.settled();
    const post = await findBySlug(stack.cms.url, 'posts', 'bienvenue-sur-le-nouveau-site');
    await publishChange(stack.cms.url, await stack.cms.adminToken(), 'api::post.post', post.documentId, {
      title: 'Un titre arrivé sans webhook',
    });
    await stack.publisher.settledAfter(before, 'the periodic check to rebuild', 60_000);
    expect(await (await stack.publisher.get('/blog/bienvenue-sur-le-nouveau-site/')).text()).toContain(
      'Un titre arrivé sans webhook',
    );
  });

  it('does not rebuild when nothing was published', async () => {
    const settled = await stack.publisher.settled();
    const post = await findBySlug(stack.cms.url, 'posts', 'appel-a-speakers-saison-prochaine');
    // A draft edit is not published content: no build.
    const response = await fetch(
      `${stack.cms.url}/content-manager/collection-types/api::post.post/${post.documentId}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${await stack.cms.adminToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Brouillon pas encore publié' }),
      },
    );
    expect(response.status).toBe(200);
    // Two periodic checks that started after the edit have compared versions.
    const edited = new Date().toISOString();
    const firstCheck = await stack.publisher.waitForStatus(
      'a check after the edit',
      (status) => (status.lastCheckAt ?? '') > edited,
      10_000,
    );
    const after = await stack.publisher.waitForStatus(
      'a second check',
      (status) => (status.lastCheckAt ?? '') > firstCheck.lastCheckAt!,
      10_000,
    );
    expect(after.buildsStarted).toBe(settled.buildsStarted);
  });
});
