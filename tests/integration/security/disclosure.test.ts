import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, previewUrl } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { waitFor } from '../../helpers/wait.ts';

interface ListedToken {
  id: number;
  name: string;
  type: string;
  description: string;
}

describe.each(databases)('what the CMS gives away (%s)', (database) => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ database });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const asAdmin = async (path: string, init: RequestInit = {}) =>
    cms.fetch(path, {
      ...init,
      headers: {
        authorization: `Bearer ${await cms.adminToken()}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });
  const apiTokens = async () => ((await (await asAdmin('/admin/api-tokens')).json()) as { data: ListedToken[] }).data;

  it.each(['/api/events', '/api/does-not-exist', '/admin/init', '/_health', '/'])(
    'sends no X-Powered-By on %s',
    async (path) => {
      const response = await cms.fetch(path);
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('has none of Strapi’s default API tokens on a fresh install, and keeps the site’s own', async () => {
    const names = (await apiTokens()).map((token) => token.name);
    expect(names).not.toContain('Full Access');
    expect(names).not.toContain('Read Only');
    expect(names).toContain('Site public (lecture seule)');
  });

  it('leaves a token a volunteer named "Read Only" alone, across a restart', async () => {
    const created = await asAdmin('/admin/api-tokens', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Read Only',
        description: 'Pour le tableau de bord',
        type: 'read-only',
        lifespan: 7 * 24 * 3600 * 1000,
      }),
    });
    expect(created.status).toBe(201);
    await cms.restart();
    const tokens = await apiTokens();
    expect(tokens.filter((token) => token.name === 'Read Only').map((token) => token.description)).toEqual([
      'Pour le tableau de bord',
    ]);
    expect(tokens.map((token) => token.name)).toContain('Site public (lecture seule)');
  });

  it('writes no preview token to the access log', async () => {
    const admin = await cms.adminToken();
    const talk = await createDraft(cms.url, admin, 'api::talk.talk', {
      title: 'Talk à prévisualiser',
      slug: 'talk-a-previsualiser',
    });
    const link = new URL((await previewUrl(cms.url, admin, 'api::talk.talk', talk.documentId))!);
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);

    // The request the site's preview server makes with the link's token.
    const path = `/api/preview/talks/${talk.documentId}`;
    const draft = await cms.fetch(`${path}?token=${encodeURIComponent(token)}`);
    expect(draft.status).toBe(200);
    expect(((await draft.json()) as { data: { title: string } }).data.title).toBe('Talk à prévisualiser');

    await waitFor('the access log line of the preview request', () =>
      cms.output().includes(`GET ${path}?token=[redacted]`),
    );
    const [payload, signature] = token.split('.');
    expect(cms.output()).not.toContain(token);
    expect(cms.output()).not.toContain(signature!);
    expect(cms.output()).not.toContain(payload!);
  });
});
