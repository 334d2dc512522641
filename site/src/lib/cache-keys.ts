import { createHash } from 'node:crypto';
import type { Catalog, EventView, GroupView, PageView, PostView, SpeakerView, TalkView } from './catalog.ts';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * `getStaticPaths()` entry returns the same key as in the last build is not rendered again; Astro
 * keeps its previous output (the page's code is hashed by Astro itself).
 *
 * A key is a digest of everything the page shows: its entry, what it shows of related entries
 * (a talk page shows its speakers' names, so renaming a speaker changes the key of their talks'
 * pages), what depends on the build's date (an event becomes past), and the site-wide parts of
 * every page (the global settings, the footer's list of pages). Projections take whole entries
 * rather than the few fields a template reads today: a key that changes too often costs a render;
 * one that misses a field shows stale content.
 */

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}

/** An entry and its URL: what a page shows of a related entry, or of itself. */
const own = (view: { entry: unknown; url: string } | undefined) => (view ? { entry: view.entry, url: view.url } : null);

/** What an event card (EventCard) shows: the event, its venue, group, talk count, and whether it is past. */
const eventCard = (event: EventView) => ({
  ...own(event),
  past: event.past,
  venue: event.venue ?? null,
  group: own(event.group),
  // The card names the evening's speakers.
  talks: event.talks.map((talk) => talk.speakers.map((speaker) => speaker.entry.name)),
});

const siteDigests = new WeakMap<Catalog, string>();

/** What every page shows whatever its content: the layout's global settings and the footer's pages. */
function siteDigest(catalog: Catalog): string {
  let value = siteDigests.get(catalog);
  if (value === undefined) {
    value = digest({ global: catalog.global ?? null, pages: catalog.pages.map(own) });
    siteDigests.set(catalog, value);
  }
  return value;
}

const key = (catalog: Catalog, shown: unknown) => digest([siteDigest(catalog), shown]);

/** Keys of each kind of page, from what it shows. */
export const cacheKeys = {
  talk: (catalog: Catalog, talk: TalkView) =>
    key(catalog, { ...own(talk), event: own(talk.event), speakers: talk.speakers.map(own) }),

  speaker: (catalog: Catalog, speaker: SpeakerView) =>
    key(catalog, { ...own(speaker), talks: speaker.talks.map((talk) => ({ ...own(talk), event: own(talk.event) })) }),

  /** EventDetail: the event, its venue, group and sponsors, its programme with each talk's speakers. */
  event: (catalog: Catalog, event: EventView) =>
    key(catalog, {
      ...eventCard(event),
      sponsors: event.sponsors,
      talks: event.talks.map((talk) => ({ ...own(talk), speakers: talk.speakers.map(own) })),
    }),

  group: (catalog: Catalog, group: GroupView) => key(catalog, { ...own(group), events: group.events.map(eventCard) }),

  post: (catalog: Catalog, post: PostView) => key(catalog, own(post)),

  page: (catalog: Catalog, page: PageView) => key(catalog, own(page)),

  /** A page of a paginated list: its items (as `item` shows them), its place, and `extra` props. */
  listPage: <T>(
    catalog: Catalog,
    page: { data: T[]; currentPage: number; lastPage: number; url: unknown },
    item: (value: T) => unknown,
    extra?: unknown,
  ) =>
    key(catalog, {
      items: page.data.map(item),
      currentPage: page.currentPage,
      lastPage: page.lastPage,
      url: page.url,
      extra: extra ?? null,
    }),

  eventCard: (event: EventView) => eventCard(event),
  postSummary: (post: PostView) => own(post),

  /** A legacy redirect shows only where it points. */
  redirect: (redirect: unknown) => digest(redirect),
};
