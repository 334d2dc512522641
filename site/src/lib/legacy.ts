import { SECTION_URLS } from '../consts.ts';
import type { Catalog } from './catalog.ts';
import { escapeHtml } from './escape-html.ts';
import { slugRedirects } from './slug-redirects.ts';

/** A page of the old static site and where it lives now. */
export interface LegacyRedirect {
  /** Old path, e.g. /api-hours/api-hour-72.html */
  from: string;
  /** New path, e.g. /api-hours/api-hour-72/ */
  to: string;
  title: string;
}

/**
 * The file a legacy path is served from: the path itself when it names a file
 * (`/blog-posts/x.html`), else an index.html inside it (`/tech-time` → `tech-time/index.html`).
 */
export function legacyFile(path: string): string {
  const relative = path.replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) return `${relative}index.html`;
  const last = relative.split('/').pop() ?? '';
  return last.includes('.') ? relative : `${relative}/index.html`;
}

/**
 * Every entry's legacyPath and every address it was published at before its slug changed, unless
 * its file would overwrite a page of the new site
 * (the entry's own page, a section listing, or any other page the catalog knows).
 */
export function legacyRedirects(catalog: Catalog): LegacyRedirect[] {
  const candidates: LegacyRedirect[] = [
    ...catalog.events.map((event) => ({ legacyPath: event.entry.legacyPath, to: event.url, title: event.entry.title })),
    ...catalog.talks.map((talk) => ({ legacyPath: talk.entry.legacyPath, to: talk.url, title: talk.entry.title })),
    ...catalog.posts.map((post) => ({ legacyPath: post.entry.legacyPath, to: post.url, title: post.entry.title })),
    ...catalog.pages.map((page) => ({ legacyPath: page.entry.legacyPath, to: page.url, title: page.entry.title })),
    // Then the addresses pages had before their slug changed: an old Jekyll URL wins a tie.
    ...slugRedirects(catalog),
  ].flatMap(({ legacyPath, to, title }) => (legacyPath ? [{ from: legacyPath, to, title }] : []));

  const newPages = new Set(
    [
      ...SECTION_URLS,
      ...[
        ...catalog.events,
        ...catalog.talks,
        ...catalog.posts,
        ...catalog.pages,
        ...catalog.speakers,
        ...catalog.groups,
      ].map((view) => view.url),
    ].map(legacyFile),
  );
  const taken = new Set<string>();
  return candidates.filter((redirect) => {
    const file = legacyFile(redirect.from);
    if (newPages.has(file) || taken.has(file)) return false;
    taken.add(file);
    return true;
  });
}

/** A static redirect page: meta refresh, canonical link, and a link for people and robots alike. */
export function redirectPage(redirect: LegacyRedirect, siteUrl: string): string {
  const target = escapeHtml(redirect.to);
  const canonical = escapeHtml(new URL(redirect.to, siteUrl).href);
  const title = escapeHtml(redirect.title);
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${title} : cette page a déménagé</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${canonical}">
<meta http-equiv="refresh" content="0; url=${target}">
</head>
<body>
<main>
<h1>Cette page a déménagé</h1>
<p><a href="${target}">${title}</a> est désormais à l’adresse <a href="${target}">${canonical}</a>.</p>
</main>
</body>
</html>
`;
}
