import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, DEMO_COLLECTIONS, updateDraft, type ListResponse } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';

describe.each(databases)('public API (%s)', (database) => {
  let cms: RunningCms;

  beforeAll(async () => {
    cms = await startCms({ database });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const getJson = async <T = ListResponse>(path: string) => {
    const response = await cms.fetch(path);
    return { status: response.status, body: (await response.json()) as T };
  };

  describe.each(DEMO_COLLECTIONS)('$path', ({ path, demoCount }) => {
    it('lists the published demo entries', async () => {
      const { status, body } = await getJson(`/api/${path}`);
      expect(status).toBe(200);
      expect(body.data).toHaveLength(demoCount);
      expect(body.meta.pagination.total).toBe(demoCount);
      for (const entry of body.data) expect(entry.documentId).toMatch(/^[a-z0-9]{20,}$/);
    });

    it.each(['POST', 'PUT', 'DELETE'])('refuses anonymous %s', async (method) => {
      const { body } = await getJson(`/api/${path}`);
      const target = method === 'POST' ? `/api/${path}` : `/api/${path}/${body.data[0]!.documentId}`;
      const response = await cms.fetch(target, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { title: 'pirate', name: 'pirate' } }),
      });
      expect(response.status).toBe(403);
      const after = await getJson(`/api/${path}`);
      expect(after.body.data).toHaveLength(demoCount);
    });
  });

  it('serves Global as a single type, read-only', async () => {
    const { status, body } = await getJson<{ data: { siteName: string } }>('/api/global?populate=*');
    expect(status).toBe(200);
    expect(body.data.siteName).toBe('Clermont’ech');
    for (const method of ['PUT', 'DELETE', 'POST']) {
      const response = await cms.fetch('/api/global', {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: { siteName: 'pirate' } }),
      });
      expect([403, 405]).toContain(response.status);
    }
    expect((await getJson<{ data: { siteName: string } }>('/api/global')).body.data.siteName).toBe('Clermont’ech');
  });

  it('populates the programme of an event on request: talks and their speakers', async () => {
    const { body } = await getJson(
      '/api/events?filters[slug][$eq]=api-hour-73&populate[talks][populate][speakers]=true&populate[venue]=true&populate[sponsors]=true',
    );
    const [event] = body.data as unknown as {
      number: number;
      venue: { name: string };
      sponsors: unknown[];
      talks: { position: number; title: string; speakers: { name: string }[] }[];
    }[];
    expect(event?.number).toBe(73);
    expect(event?.venue.name).toBe('La Fabrique des Puys');
    expect(event?.sponsors).toHaveLength(2);
    expect(event?.talks).toHaveLength(3);
    expect(event?.talks.every((talk) => talk.speakers.length > 0)).toBe(true);
  });

  it('populates relations in the other direction: a speaker’s talks and their events', async () => {
    const { body } = await getJson(
      '/api/speakers?filters[slug][$eq]=camille-roche&populate[talks][populate][event]=true',
    );
    const [speaker] = body.data as unknown as { talks: { event: { title: string } }[] }[];
    expect(speaker?.talks.map((talk) => talk.event.title).sort()).toEqual(['API Hour #72', 'API Hour #73']);
  });

  it('never returns drafts, even when asked for them', async () => {
    const token = await cms.adminToken();
    const draft = await createDraft(cms.url, token, 'api::event.event', {
      title: 'Brouillon secret',
      slug: 'brouillon-secret',
      kind: 'other',
      startsAt: '2030-01-01T18:00:00.000Z',
    });
    const list = await getJson('/api/events');
    expect(list.body.data.map((event) => event.documentId)).not.toContain(draft.documentId);
    expect((await cms.fetch(`/api/events/${draft.documentId}`)).status).toBe(404);
    for (const query of [
      'status=draft',
      'status=modified',
      'status[0]=draft',
      'status=draft&filters[slug][$eq]=brouillon-secret',
    ]) {
      const response = await cms.fetch(`/api/events?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).not.toContain('Brouillon secret');
    }
    expect((await cms.fetch(`/api/events/${draft.documentId}?status=draft`)).status).toBe(400);
    const filtered = await getJson('/api/events?filters[title][$eq]=Brouillon%20secret');
    expect(filtered.body.data).toHaveLength(0);
  });

  it('keeps serving the published version while a newer draft is being edited', async () => {
    const token = await cms.adminToken();
    const { body } = await getJson('/api/posts?filters[slug][$eq]=bienvenue-sur-le-nouveau-site');
    const post = body.data[0]!;
    await updateDraft(cms.url, token, 'api::post.post', post.documentId, { title: 'Titre pas encore publié' });
    const again = await getJson<{ data: { title: string } }>(`/api/posts/${post.documentId}`);
    expect(again.body.data.title).toBe('Bienvenue sur le nouveau site');
  });

  it('keeps users closed: no listing, no registration', async () => {
    expect((await cms.fetch('/api/users')).status).toBe(403);
    expect((await cms.fetch('/api/users/1')).status).toBe(403);
    expect([401, 403]).toContain((await cms.fetch('/api/users/me')).status);
    const register = await cms.fetch('/api/auth/local/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'intrus', email: 'intrus@example.org', password: 'Intrus-Passw0rd' }),
    });
    expect(register.status).toBe(403);
  });

  it.each([
    'filters[createdBy][password][$startsWith]=$',
    'filters[updatedBy][password][$startsWith]=$2',
    'filters[createdBy][resetPasswordToken][$notNull]=true',
    'filters[createdBy][email][$contains]=@',
    'sort=createdBy.password:asc',
    'populate[createdBy]=true',
    'filters[$or][0][createdBy][password][$startsWith]=a',
  ])('rejects the private-field query %s', async (query) => {
    const response = await cms.fetch(`/api/events?${query}`);
    const text = await response.text();
    expect(response.status, text).toBe(400);
    expect(text).not.toMatch(/\$2[aby]\$/);
  });

  it('refuses unknown query parameters and caps page sizes', async () => {
    expect((await cms.fetch('/api/events?publicationState=preview')).status).toBe(400);
    const { body } = await getJson('/api/events?pagination[pageSize]=1000');
    expect(body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
  });
});
