/**
 * The search index is one Pagefind bundle per kind of page, which the search page merges.
 * Pagefind holds a whole index in memory until it is written, about 0.8 KB per indexed word: one
 * index of the archive at a hundred times its size took 2.7 GiB. Written one after the other, the
 * bundles need only as much as the largest of them.
 *
 * Talks are the main bundle, at /pagefind/ (the search page loads Pagefind's UI from there); each
 * other bundle sits under /pagefind/<name>/. `pages` are globs of the pages a bundle holds, relative
 * to the site's root: the detail pages, the only ones marked data-pagefind-body.
 */
export const SEARCH_BUNDLES = [
  { name: 'talks', pages: ['talks/*/index.html'] },
  { name: 'speakers', pages: ['speakers/*/index.html'] },
  { name: 'events', pages: ['api-hours/*/index.html', 'evenements/*/index.html', 'groups/*/*/index.html'] },
  { name: 'blog', pages: ['blog/*/index.html'] },
] as const;

export type SearchBundle = (typeof SEARCH_BUNDLES)[number];

/** Where a site keeps its search index (Pagefind's bundles and UI), from its root. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** A bundle's folder inside the index folder: the main bundle is the index folder itself. */
export function searchBundleDir(bundle: SearchBundle): string {
  return bundle === SEARCH_BUNDLES[0] ? '' : bundle.name;
}

/** Where a bundle is served from. */
export function searchBundlePath(bundle: SearchBundle): string {
  return `/${[SEARCH_INDEX_DIR, searchBundleDir(bundle)].filter(Boolean).join('/')}/`;
}
