import type { FeedEntry } from './atom.ts';
import type { Catalog, EventView, PostView, TalkView } from './catalog.ts';
import { STATUS_BANNERS } from './event-facts.ts';
import { renderMarkdown } from './markdown.ts';
import { absoluteUrl } from './urls.ts';

/**
 * The site's Atom feed holds what the old Jekyll feed held: every event, talk and blog post,
 * newest first. Entries the old site published keep the id it gave them, so feed readers
 * see no duplicates; new entries get an id tied to the CMS document, stable across renames.
 */

/** The old site's `base_url` (its _config.yml), which prefixed every entry id of its feed. */
export const LEGACY_FEED_BASE = 'http://clermontech.org';
/** The old feed's own id, kept so that a reader sees the same feed. */
export const FEED_ID = `${LEGACY_FEED_BASE}/`;
/** Authority and date of the tag: URIs (RFC 4151) of entries the old site never had. */
const TAG_AUTHORITY = 'clermontech.org,2026';

/**
 * The id the old feed gave a post: `{{ site.base_url }}{{ post.id }}`, where Jekyll 3's post.id is
 * the folder of the post's URL joined with its slug, i.e. its URL without `.html`
 * (`/api-hours/api-hour-12.html` → `http://clermontech.org/api-hours/api-hour-12`).
 */
export function legacyEntryId(legacyPath: string): string {
  return LEGACY_FEED_BASE + legacyPath.replace(/\.html$/, '').replace(/(.)\/$/, '$1');
}

function entryId(
  kind: 'event' | 'talk' | 'post',
  entry: { documentId: string; legacyPath?: string | undefined },
): string {
  return entry.legacyPath ? legacyEntryId(entry.legacyPath) : `tag:${TAG_AUTHORITY}:${kind}/${entry.documentId}`;
}

/** When the entry first appeared: its creation in the CMS, or the day it happened if that is earlier (imported entries). */
function firstSeen(createdAt: Date | undefined, happenedAt: Date | undefined, fallback: Date): Date {
  const dates = [createdAt, happenedAt].filter((date): date is Date => date !== undefined);
  return dates.length === 0 ? fallback : new Date(Math.min(...dates.map((date) => date.getTime())));
}

function laterOf(published: Date, updatedAt: Date | undefined): Date {
  return updatedAt && updatedAt > published ? updatedAt : published;
}

function eventEntry({ entry, url }: EventView, siteUrl: string, now: Date): FeedEntry {
  const published = firstSeen(entry.createdAt, entry.startsAt, now);
  const banner = STATUS_BANNERS[entry.eventStatus];
  return {
    id: entryId('event', entry),
    title: banner && entry.eventStatus !== 'en_ligne' ? `${banner.label} : ${entry.title}` : entry.title,
    url: absoluteUrl(url, siteUrl),
    published,
    updated: laterOf(published, entry.updatedAt),
    summary: entry.summary,
    contentHtml: renderMarkdown(entry.description) || undefined,
  };
}

function talkEntry({ entry, url, event, speakers }: TalkView, siteUrl: string, now: Date): FeedEntry {
  const published = firstSeen(entry.createdAt, event?.entry.startsAt, now);
  const byline = speakers.map((speaker) => speaker.entry.name).join(', ');
  return {
    id: entryId('talk', entry),
    title: entry.title,
    url: absoluteUrl(url, siteUrl),
    published,
    updated: laterOf(published, entry.updatedAt),
    summary: [byline, event?.entry.title].filter(Boolean).join(' — ') || undefined,
    contentHtml: renderMarkdown(entry.abstract) || undefined,
    author: byline || undefined,
    language: entry.language,
  };
}

function postEntry({ entry, url }: PostView, siteUrl: string): FeedEntry {
  const published = new Date(`${entry.date}T00:00:00Z`);
  return {
    id: entryId('post', entry),
    title: entry.title,
    url: absoluteUrl(url, siteUrl),
    published,
    updated: laterOf(published, entry.updatedAt),
    summary: entry.excerpt,
    contentHtml: renderMarkdown(entry.body) || undefined,
    author: entry.author,
    language: entry.language,
  };
}

/**
 * Every event, talk and post, newest first. No cap: the old feed had none (347 entries after
 * thirteen years, about 30 more a year), and a reader subscribing today gets the whole archive.
 */
export function feedEntries(
  catalog: Pick<Catalog, 'events' | 'talks' | 'posts' | 'now'>,
  siteUrl: string,
): FeedEntry[] {
  return [
    ...catalog.events.map((event) => eventEntry(event, siteUrl, catalog.now)),
    ...catalog.talks.map((talk) => talkEntry(talk, siteUrl, catalog.now)),
    ...catalog.posts.map((post) => postEntry(post, siteUrl)),
  ].sort((a, b) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title, 'fr'));
}
