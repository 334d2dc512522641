import type { Catalog } from './catalog.ts';
import { eventUrl, groupUrl, pageUrl, postUrl, speakerUrl, talkUrl } from './urls.ts';

/** An address a page was published at before its slug changed, and its page now. */
export interface SlugRedirect {
  legacyPath: string;
  to: string;
  title: string;
}

/**
 * Every earlier address of the catalog's pages (the CMS keeps each document's `previousSlugs`), each
 * pointing at the page's current URL: all the slugs of a chain a→b→c point at c. A group's old slug
 * also moves its evenings' pages (/groups/<slug>/<event>/). legacyRedirects() drops any of them that
 * a page of the new site serves again.
 */
export function slugRedirects(catalog: Catalog): SlugRedirect[] {
  const moved = <T extends { previousSlugs?: string[] | undefined }>(
    entry: T,
    url: (slug: string) => string,
    to: string,
    title: string,
  ) => (entry.previousSlugs ?? []).map((slug) => ({ legacyPath: url(slug), to, title }));
  return [
    ...catalog.events.flatMap(({ entry, url, group }) =>
      moved(entry, (slug) => eventUrl({ ...entry, slug }, group?.entry), url, entry.title),
    ),
    ...catalog.talks.flatMap(({ entry, url }) => moved(entry, (slug) => talkUrl({ slug }), url, entry.title)),
    ...catalog.speakers.flatMap(({ entry, url }) => moved(entry, (slug) => speakerUrl({ slug }), url, entry.name)),
    ...catalog.posts.flatMap(({ entry, url }) => moved(entry, (slug) => postUrl({ slug }), url, entry.title)),
    ...catalog.pages.flatMap(({ entry, url }) => moved(entry, (slug) => pageUrl({ slug }), url, entry.title)),
    ...catalog.groups.flatMap(({ entry, url, events }) => [
      ...moved(entry, (slug) => groupUrl({ slug }), url, entry.name),
      ...events.flatMap((event) =>
        moved(entry, (slug) => eventUrl(event.entry, { slug }), event.url, event.entry.title),
      ),
    ]),
  ].filter((redirect) => redirect.legacyPath !== redirect.to);
}
