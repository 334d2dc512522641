import { afterEach, describe, expect, it } from 'vitest';
import { CMS_FETCH } from '../../../site/src/consts.ts';
import { getJson } from '../../../site/src/lib/strapi/client.ts';
import { CmsResponseError, CmsSchemaError, CmsUnreachableError } from '../../../site/src/lib/strapi/errors.ts';
import { fetchCollection } from '../../../site/src/lib/strapi/fetch-entries.ts';
import { strapiLoader } from '../../../site/src/lib/strapi/loader.ts';
import { toSearchParams } from '../../../site/src/lib/strapi/query.ts';
import { EventSchema, GlobalSchema, SpeakerSchema } from '../../../site/src/lib/strapi/schemas.ts';
import { paginated, sendJson, startFakeCms } from './fake-cms.ts';
import { fakeLoaderContext } from './loader-helpers.ts';

type FakeCms = Awaited<ReturnType<typeof startFakeCms>>;
let cms: FakeCms | undefined;
afterEach(async () => {
  await cms?.close();
  cms = undefined;
});

const fast = { attempts: 3, backoffMs: 5, timeoutMs: 1_000 };

function rawEvent(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: n,
    documentId: `event${n}`,
    title: `API Hour #${n}`,
    slug: `api-hour-${n}`,
    kind: 'api-hour',
    number: n,
    startsAt: '2024-05-16T17:00:00.000Z',
    endsAt: null,
    onlineUrl: null,
    capacity: 50,
    registrationUrl: null,
    summary: null,
    description: null,
    photosUrl: null,
    legacyPath: null,
    updatedAt: '2024-05-01T10:00:00.000Z',
    venue: { id: 1, documentId: 'venue1' },
    group: null,
    sponsors: [{ id: 3, documentId: 'sponsor3' }],
    cover: null,
    ...overrides,
  };
}

const eventsLoader = (url: string, options = fast) =>
  strapiLoader({ type: 'events', schema: EventSchema, connection: { url, ...options } });

describe('query strings', () => {
  it('serialises nested populate the way Strapi reads it', () => {
    const params = toSearchParams({
      populate: { venue: { fields: ['documentId'] }, cover: true, seo: { populate: { shareImage: true } } },
      pagination: { page: 2, pageSize: 100 },
    });
    expect([...params.entries()]).toEqual([
      ['populate[venue][fields][0]', 'documentId'],
      ['populate[cover]', 'true'],
      ['populate[seo][populate][shareImage]', 'true'],
      ['pagination[page]', '2'],
      ['pagination[pageSize]', '100'],
    ]);
  });
});

describe('paging', () => {
  it('fetches 250 entries across 3 pages of 100', async () => {
    const all = Array.from({ length: 250 }, (_, i) => rawEvent(i + 1));
    cms = await startFakeCms(paginated(all));
    const { context, entries } = fakeLoaderContext();
    await eventsLoader(cms.url).load(context);
    expect(entries.size).toBe(250);
    expect(cms.requests.map((url) => url.searchParams.get('pagination[page]')).sort()).toEqual(['1', '2', '3']);
    expect(cms.requests.every((url) => url.searchParams.get('pagination[pageSize]') === '100')).toBe(true);
    expect(cms.requests.every((url) => url.pathname === '/api/events')).toBe(true);
  });

  it('asks for the pages after the first four at a time, and keeps the CMS’s order', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => rawEvent(i + 1));
    const serve = paginated(all);
    let inFlight = 0;
    let mostInFlight = 0;
    cms = await startFakeCms((request, url, response) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // A CMS that takes 100 ms per page: the requests sent together all arrive before any answer.
      setTimeout(() => {
        inFlight -= 1;
        serve(request, url, response);
      }, 100);
    });
    const entries = await fetchCollection({ url: cms.url, ...fast }, 'events');
    expect(entries.map((entry) => entry.documentId)).toEqual(all.map((entry) => entry.documentId));
    expect(cms.requests).toHaveLength(10);
    expect(mostInFlight).toBe(CMS_FETCH.pageConcurrency);
  });

  it('follows pageCount when the CMS caps pageSize below what was asked', async () => {
    const all = Array.from({ length: 60 }, (_, i) => rawEvent(i + 1));
    cms = await startFakeCms(paginated(all, 25));
    const entries = await fetchCollection({ url: cms.url, ...fast }, 'events');
    expect(entries).toHaveLength(60);
    expect(cms.requests).toHaveLength(3);
  });

  it('fails instead of returning fewer entries than the CMS announced', async () => {
    cms = await startFakeCms((_request, _url, response) =>
      sendJson(response, {
        data: [rawEvent(1)],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 2 } },
      }),
    );
    await expect(fetchCollection({ url: cms.url, ...fast }, 'events')).rejects.toThrow(/announced 2 events but sent 1/);
  });

  it('asks for what to populate and sends the token', async () => {
    cms = await startFakeCms(paginated([]));
    const loader = strapiLoader({
      type: 'events',
      schema: EventSchema,
      populate: { venue: { fields: ['documentId'] } },
      connection: { url: cms.url, token: 'read-only', ...fast },
    });
    await loader.load(fakeLoaderContext().context);
    expect(cms.requests[0]?.searchParams.get('populate[venue][fields][0]')).toBe('documentId');
    expect(cms.headers[0]?.authorization).toBe('Bearer read-only');
  });
});

describe('failures', () => {
  it('retries a 500 and succeeds on the next answer', async () => {
    let calls = 0;
    const ok = paginated([rawEvent(1)]);
    cms = await startFakeCms((request, url, response) => {
      calls += 1;
      if (calls === 1) return sendJson(response, { error: 'boom' }, 500);
      ok(request, url, response);
    });
    const { context, entries } = fakeLoaderContext();
    await eventsLoader(cms.url).load(context);
    expect(calls).toBe(2);
    expect(entries.has('event1')).toBe(true);
  });

  it('gives up after the last attempt, naming the URL and the status', async () => {
    cms = await startFakeCms((_request, _url, response) => sendJson(response, {}, 503));
    const failure = eventsLoader(cms.url).load(fakeLoaderContext().context);
    await expect(failure).rejects.toThrow(CmsResponseError);
    await expect(failure).rejects.toThrow(`CMS request failed at ${cms.url}/api/events: HTTP 503`);
    expect(cms.requests).toHaveLength(fast.attempts);
  });

  it.each([401, 403, 404])('does not retry HTTP %i', async (status) => {
    cms = await startFakeCms((_request, _url, response) => sendJson(response, {}, status));
    await expect(getJson({ url: cms.url, ...fast }, 'events')).rejects.toThrow(`HTTP ${status}`);
    expect(cms.requests).toHaveLength(1);
  });

  it('times out a request that never answers, then retries it', async () => {
    cms = await startFakeCms(() => {
      // Never answers.
    });
    const started = Date.now();
    const failure = getJson({ url: cms.url, attempts: 2, backoffMs: 1, timeoutMs: 100 }, 'events');
    await expect(failure).rejects.toThrow(CmsUnreachableError);
    await expect(failure).rejects.toThrow(`CMS unreachable at ${cms.url}/api/events: no answer within 100 ms`);
    expect(cms.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('names the URL in one line when the CMS is unreachable', async () => {
    cms = await startFakeCms(() => {});
    const url = cms.url;
    await cms.close();
    cms = undefined;
    const failure = eventsLoader(url).load(fakeLoaderContext().context);
    await expect(failure).rejects.toThrow(CmsUnreachableError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toMatch(new RegExp(`^CMS unreachable at ${url}/api/events: connect ECONNREFUSED`));
    expect(message).not.toContain('\n');
  });

  it('names the content type, the entry and the field when an entry is invalid', async () => {
    cms = await startFakeCms(paginated([rawEvent(1), rawEvent(2, { startsAt: 'next thursday' })]));
    const { context, entries } = fakeLoaderContext();
    const failure = eventsLoader(cms.url).load(context);
    await expect(failure).rejects.toThrow(CmsSchemaError);
    await expect(failure).rejects.toThrow(/^Invalid events entry "api-hour-2" \(id event2\): field startsAt: /);
    expect(entries.size).toBe(0);
  });

  it.each([
    ['a missing required field', { title: null }, 'title'],
    ['an unknown enumeration value', { kind: 'party' }, 'kind'],
    ['an unsafe slug', { slug: '../etc' }, 'slug'],
    ['a legacy path that climbs out', { legacyPath: '/a/../../etc/passwd' }, 'legacyPath'],
    ['a malformed relation', { sponsors: [{ id: 1 }] }, 'sponsors[0].documentId'],
  ])('rejects %s', async (_case, overrides, field) => {
    cms = await startFakeCms(paginated([rawEvent(1, overrides)]));
    await expect(eventsLoader(cms.url).load(fakeLoaderContext().context)).rejects.toThrow(`field ${field}:`);
  });
});

describe('syncing', () => {
  it('stores parsed entries by documentId, with relations as documentIds and absolute media URLs', async () => {
    const cover = {
      url: '/uploads/cover.jpg',
      mime: 'image/jpeg',
      name: 'cover.jpg',
      width: 800,
      height: 600,
      alternativeText: null,
    };
    cms = await startFakeCms(paginated([rawEvent(1, { cover })]));
    const { context, entries } = fakeLoaderContext();
    await eventsLoader(cms.url).load(context);
    const data = entries.get('event1')?.data;
    expect(data).toMatchObject({ slug: 'api-hour-1', venue: 'venue1', sponsors: ['sponsor3'], group: undefined });
    expect(data?.startsAt).toEqual(new Date('2024-05-16T17:00:00.000Z'));
    expect(data?.cover).toMatchObject({ url: `${cms.url}/uploads/cover.jpg`, alternativeText: undefined });
  });

  it('removes entries the CMS no longer has and skips unchanged ones', async () => {
    let served = [rawEvent(1), rawEvent(2), rawEvent(3)];
    cms = await startFakeCms((request, url, response) => paginated(served)(request, url, response));
    const { context, entries, sets, deletes, logs, metaValues } = fakeLoaderContext();
    const loader = eventsLoader(cms.url);
    await loader.load(context);
    expect(sets).toEqual(['event1', 'event2', 'event3']);

    served = [rawEvent(1), rawEvent(3, { title: 'API Hour #3, renamed' })];
    await loader.load(context);
    expect([...entries.keys()].sort()).toEqual(['event1', 'event3']);
    expect(deletes).toEqual(['event2']);
    expect(sets).toEqual(['event1', 'event2', 'event3', 'event3']);
    expect(logs.at(-1)?.message).toMatch(/^2 entries, 1 updated, 1 removed/);

    // Nothing changed: nothing written. Astro rewrites its whole data store after any write (about
    // a second at a hundred times the archive), so even a sync date would cost that in every build.
    await loader.load(context);
    expect(sets).toHaveLength(4);
    expect(deletes).toHaveLength(1);
    expect(metaValues.size).toBe(0);
  });

  it('loads a single type as one entry, and none when it was never saved', async () => {
    const global = {
      id: 1,
      documentId: 'g1',
      siteName: "Clermont'ech",
      tagline: null,
      contactEmail: 'hello@example.org',
      talkProposalEmail: null,
      socialLinks: [{ id: 1, label: 'Mastodon', url: 'https://mastodon.example/@x' }],
      announcement: { id: 1, text: 'Bientôt', url: null, showUntil: '2030-01-01T00:00:00.000Z' },
      seo: null,
    };
    let saved = true;
    cms = await startFakeCms((_request, _url, response) =>
      saved ? sendJson(response, { data: global, meta: {} }) : sendJson(response, { data: null, error: {} }, 404),
    );
    const loader = strapiLoader({
      type: 'global',
      single: true,
      schema: GlobalSchema,
      connection: { url: cms.url, ...fast },
    });
    const { context, entries, logs } = fakeLoaderContext();
    await loader.load(context);
    expect(entries.get('global')?.data).toMatchObject({ siteName: "Clermont'ech", announcement: { text: 'Bientôt' } });
    saved = false;
    await loader.load(context);
    expect(entries.size).toBe(0);
    expect(logs.some((log) => log.level === 'warn')).toBe(true);
  });

  it('accepts fully populated relations too (the CMS may populate more than asked)', async () => {
    const speaker = {
      id: 1,
      documentId: 's1',
      name: 'Ada',
      slug: 'ada',
      bio: null,
      photo: null,
      links: [],
      talks: [{ id: 2, documentId: 't2', title: 'x' }],
    };
    cms = await startFakeCms(paginated([speaker]));
    const { context, entries } = fakeLoaderContext();
    await strapiLoader({ type: 'speakers', schema: SpeakerSchema, connection: { url: cms.url, ...fast } }).load(
      context,
    );
    expect(entries.get('s1')?.data).not.toHaveProperty('talks');
  });
});
