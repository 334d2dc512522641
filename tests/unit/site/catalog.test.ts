import { describe, expect, it } from 'vitest';
import {
  activeAnnouncement,
  boardAndCouncil,
  buildCatalog,
  isCurrentSponsor,
  upcomingEvents,
  type Collections,
} from '../../../site/src/lib/catalog.ts';
import { legacyFile, legacyRedirects, redirectPage } from '../../../site/src/lib/legacy.ts';
import type { Event, Global, Member, Sponsor, Talk } from '../../../site/src/lib/strapi/schemas.ts';

const now = new Date('2024-06-01T12:00:00Z');

function event(documentId: string, startsAt: string, extra: Partial<Event> = {}): Event {
  return {
    documentId,
    title: documentId,
    slug: documentId,
    kind: 'api-hour',
    startsAt: new Date(startsAt),
    sponsors: [],
    ...extra,
  } as Event;
}
function talk(documentId: string, eventId: string, position: number, speakers: string[] = []): Talk {
  return { documentId, title: documentId, slug: documentId, event: eventId, position, speakers, language: 'fr' };
}
const empty: Collections = {
  events: [],
  talks: [],
  speakers: [],
  venues: [],
  posts: [],
  sponsors: [],
  groups: [],
  members: [],
  pages: [],
};

describe('buildCatalog', () => {
  const catalog = buildCatalog(
    {
      ...empty,
      events: [
        event('past', '2024-05-16T17:00:00Z', { venue: 'v1', sponsors: ['s1', 'unpublished'] }),
        event('next', '2024-06-20T17:00:00Z'),
        event('later', '2024-09-20T17:00:00Z', { kind: 'group', group: 'g1' }),
      ],
      talks: [talk('t2', 'past', 2, ['sp1']), talk('t1', 'past', 1, ['sp1', 'gone']), talk('t3', 'hidden-event', 1)],
      speakers: [{ documentId: 'sp1', name: 'Ada', slug: 'ada', links: [] }],
      venues: [{ documentId: 'v1', name: 'La Fabrique', slug: 'fabrique' }],
      sponsors: [{ documentId: 's1', name: 'Volcans', slug: 'volcans', tier: 'main' }],
      groups: [{ documentId: 'g1', name: 'clermontech.php', slug: 'clermontech-php', partners: [] }],
    },
    now,
  );

  it('joins relations by documentId and drops unpublished ones', () => {
    const past = catalog.events.find((view) => view.entry.documentId === 'past');
    expect(past?.venue?.name).toBe('La Fabrique');
    expect(past?.sponsors.map((sponsor) => sponsor.name)).toEqual(['Volcans']);
    expect(past?.talks.map((view) => view.entry.documentId)).toEqual(['t1', 't2']);
    expect(past?.talks[0]?.speakers.map((speaker) => speaker.entry.name)).toEqual(['Ada']);
    expect(catalog.talks.find((view) => view.entry.documentId === 't3')?.event).toBeUndefined();
  });

  it('orders events newest first and upcoming ones soonest first', () => {
    expect(catalog.events.map((view) => view.entry.documentId)).toEqual(['later', 'next', 'past']);
    expect(upcomingEvents(catalog.events).map((view) => view.entry.documentId)).toEqual(['next', 'later']);
    expect(catalog.events.find((view) => view.entry.documentId === 'past')?.past).toBe(true);
  });

  it('files group events under their group', () => {
    expect(catalog.groups[0]?.events.map((view) => view.url)).toEqual(['/groups/clermontech-php/later/']);
    expect(catalog.speakers[0]?.talks.map((view) => view.url)).toEqual(['/talks/t1/', '/talks/t2/']);
  });
});

describe('isCurrentSponsor', () => {
  const sponsor = (until?: string) => ({ documentId: 's', name: 's', slug: 's', tier: 'partner', until }) as Sponsor;
  it.each([
    [undefined, true],
    ['2024-06-01', true],
    ['2030-01-01', true],
    ['2024-05-31', false],
  ])('until %s → %s', (until, current) => {
    expect(isCurrentSponsor(sponsor(until), now)).toBe(current);
  });
});

describe('activeAnnouncement', () => {
  const global = (announcement: Global['announcement']) =>
    ({ siteName: 'x', socialLinks: [], announcement }) as unknown as Global;
  it.each([
    ['no announcement', undefined, false],
    ['empty text', { text: undefined }, false],
    ['no end date', { text: 'Bonjour' }, true],
    ['end in the future', { text: 'Bonjour', showUntil: new Date('2024-07-01T00:00:00Z') }, true],
    ['end in the past', { text: 'Bonjour', showUntil: new Date('2024-05-01T00:00:00Z') }, false],
  ])('%s', (_case, announcement, shown) => {
    expect(Boolean(activeAnnouncement(global(announcement as Global['announcement']), now))).toBe(shown);
  });
});

describe('boardAndCouncil', () => {
  it('splits by role and orders by position', () => {
    const member = (name: string, role: Member['role'], position: number): Member => ({
      documentId: name,
      name,
      role,
      position,
      links: [],
    });
    const { board, council } = boardAndCouncil([
      member('C', 'treasurer', 2),
      member('A', 'president', 0),
      member('Z', 'supervisory-council', 1),
      member('Y', 'supervisory-council', 0),
    ]);
    expect(board.map((m) => m.name)).toEqual(['A', 'C']);
    expect(council.map((m) => m.name)).toEqual(['Y', 'Z']);
  });
});

describe('legacy redirects', () => {
  it.each([
    ['/api-hours/api-hour-72.html', 'api-hours/api-hour-72.html'],
    ['/talks/api-hour-72/fold.html', 'talks/api-hour-72/fold.html'],
    ['/tech-time', 'tech-time/index.html'],
    ['/old/', 'old/index.html'],
  ])('serves %s from %s', (path, file) => {
    expect(legacyFile(path)).toBe(file);
  });

  it('lists legacy paths but never overwrites a page of the new site', () => {
    const catalog = buildCatalog(
      {
        ...empty,
        events: [
          event('api-hour-72', '2024-05-16T17:00:00Z', { legacyPath: '/api-hours/api-hour-72.html' }),
          event('api-hour-71', '2024-03-16T17:00:00Z', { legacyPath: '/api-hours/api-hour-71' }),
        ],
        posts: [
          {
            documentId: 'p',
            title: 'Dix ans',
            slug: 'dix-ans',
            date: '2023-03-07',
            language: 'fr',
            legacyPath: '/blog-posts/dix-ans.html',
          },
        ],
      },
      now,
    );
    expect(legacyRedirects(catalog)).toEqual([
      { from: '/api-hours/api-hour-72.html', to: '/api-hours/api-hour-72/', title: 'api-hour-72' },
      { from: '/blog-posts/dix-ans.html', to: '/blog/dix-ans/', title: 'Dix ans' },
    ]);
  });

  it('never replaces a section listing', () => {
    const catalog = buildCatalog(
      {
        ...empty,
        pages: [{ documentId: 'p', title: 'Anciens API Hours', slug: 'anciens', legacyPath: '/api-hours/' }],
      },
      now,
    );
    expect(legacyRedirects(catalog)).toEqual([]);
  });

  it('writes a redirect page with refresh, canonical and a visible link, escaped', () => {
    const html = redirectPage(
      { from: '/a.html', to: '/blog/x/', title: '<b>"Dix" ans</b>' },
      'https://clermontech.org',
    );
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/blog/x/">');
    expect(html).toContain('<link rel="canonical" href="https://clermontech.org/blog/x/">');
    expect(html).toContain('<a href="/blog/x/">&lt;b&gt;&quot;Dix&quot; ans&lt;/b&gt;</a>');
  });
});
