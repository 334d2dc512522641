import { describe, expect, it } from 'vitest';
import { buildCatalog, type Collections } from '../../../site/src/lib/catalog.ts';
import { legacyRedirects } from '../../../site/src/lib/legacy.ts';
import type { Event, Talk } from '../../../site/src/lib/strapi/schemas.ts';

const now = new Date('2024-06-01T12:00:00Z');
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
const event = (documentId: string, extra: Partial<Event> = {}) =>
  ({
    documentId,
    title: documentId,
    slug: documentId,
    kind: 'api-hour',
    startsAt: new Date('2024-05-16T17:00:00Z'),
    sponsors: [],
    ...extra,
  }) as Event;
const talk = (documentId: string, extra: Partial<Talk> = {}) =>
  ({
    documentId,
    title: documentId,
    slug: documentId,
    event: 'e',
    position: 1,
    speakers: [],
    language: 'fr',
    ...extra,
  }) as Talk;

describe('the addresses a page had before its slug changed', () => {
  it('all point at the current page: a→b→c gives a→c and b→c', () => {
    const catalog = buildCatalog(
      { ...empty, events: [event('e')], talks: [talk('t', { slug: 'c', previousSlugs: ['a', 'b'] })] },
      now,
    );
    expect(legacyRedirects(catalog)).toEqual([
      { from: '/talks/a/', to: '/talks/c/', title: 't' },
      { from: '/talks/b/', to: '/talks/c/', title: 't' },
    ]);
  });

  it('give way to a page that serves the slug again', () => {
    const catalog = buildCatalog(
      {
        ...empty,
        events: [event('e')],
        talks: [
          talk('renamed', { slug: 'new', previousSlugs: ['old'] }),
          talk('newcomer', { slug: 'old', position: 2 }),
        ],
      },
      now,
    );
    expect(legacyRedirects(catalog)).toEqual([]);
  });

  it('cover every kind of page, and move a group’s evenings with the group', () => {
    const catalog = buildCatalog(
      {
        ...empty,
        events: [event('soiree-php', { kind: 'group', group: 'g', previousSlugs: ['php-soiree'] })],
        speakers: [{ documentId: 's', name: 'Ada', slug: 'ada', links: [], previousSlugs: ['ada-l'] }],
        posts: [
          {
            documentId: 'p',
            title: 'Dix ans',
            slug: 'dix-ans',
            date: '2023-01-01',
            language: 'fr',
            previousSlugs: ['10-ans'],
          },
        ],
        pages: [{ documentId: 'pg', title: 'Manifeste', slug: 'manifeste', previousSlugs: ['charte'] }],
        groups: [{ documentId: 'g', name: 'PHP', slug: 'php', partners: [], previousSlugs: ['clermontech-php'] }],
      },
      now,
    );
    expect(legacyRedirects(catalog).map(({ from, to }) => [from, to])).toEqual([
      ['/groups/php/php-soiree/', '/groups/php/soiree-php/'],
      ['/speakers/ada-l/', '/speakers/ada/'],
      ['/blog/10-ans/', '/blog/dix-ans/'],
      ['/charte/', '/manifeste/'],
      ['/groups/clermontech-php/', '/groups/php/'],
      ['/groups/clermontech-php/soiree-php/', '/groups/php/soiree-php/'],
    ]);
  });
});
