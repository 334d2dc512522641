import { posix } from 'node:path';
import { list, text } from './text.ts';

/** A file of `_posts`: `2013-04-03-1-julien-maupetit-hello-clermontech.md`. */
export interface PostFileName {
  date: string;
  /** Everything after the date: `1-julien-maupetit-hello-clermontech`. */
  slug: string;
  /** The number before the rest of the name, when there is one: 1. */
  order?: number;
  ext: string;
}

export function parsePostFileName(fileName: string): PostFileName | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})-(.+)\.(md|markdown|mkd|html)$/i.exec(posix.basename(fileName));
  if (!match) return undefined;
  const slug = match[2]!;
  const order = /^(\d{1,2})-/.exec(slug)?.[1];
  return { date: match[1]!, slug, order: order ? Number(order) : undefined, ext: match[3]!.toLowerCase() };
}

/**
 * A post's categories as Jekyll sees them: `category` and `categories` (a list or a space-separated
 * string) merged, plus the folders above `_posts`.
 */
export function postCategories(relativePath: string, data: Record<string, unknown>): string[] {
  const folders = posix
    .dirname(relativePath)
    .split('/')
    .filter((part) => part !== '_posts' && part !== '.');
  const categories = [...folders, ...list(data.categories), ...list(data.category)];
  return [...new Set(categories)];
}

/** Jekyll escapes the URLs it builds: a space in a file name is %20 in the address. */
function escapePath(path: string): string {
  return path.replace(/\s/g, (space) => encodeURIComponent(space));
}

function expandPermalink(template: string, values: Record<string, string>): string {
  return escapePath(
    template.replace(/:(\w+)/g, (whole, name: string) => values[name] ?? whole).replace(/\/{2,}/g, '/'),
  );
}

/** The `permalink` styles Jekyll names instead of spelling out. */
const PERMALINK_STYLES: Record<string, string> = {
  none: '/:categories/:title:output_ext',
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
};

/**
 * The path Jekyll published a post at, from the site's `permalink` setting (or the post's own):
 * with `permalink: none`, `/:categories/:title.html`, categories lower-cased and joined by slashes.
 */
export function jekyllPostPath(
  relativePath: string,
  data: Record<string, unknown>,
  sitePermalink: string | undefined,
): string {
  const own = text(data.permalink);
  if (own) return escapePath(own.startsWith('/') ? own : `/${own}`);
  const name = parsePostFileName(relativePath);
  const style = sitePermalink ?? 'date';
  const template = PERMALINK_STYLES[style] ?? style;
  const [year = '', month = '', day = ''] = (name?.date ?? '').split('-');
  const categories = postCategories(relativePath, data).map((category) => category.toLowerCase());
  return expandPermalink(template, {
    categories: [...new Set(categories)].join('/'),
    title: text(data.slug) ?? name?.slug ?? posix.basename(relativePath, posix.extname(relativePath)),
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    output_ext: '.html',
  });
}

/** The path Jekyll published a page at: `association.md` → `/association.html`, `api-hours/index.md` → `/api-hours/`. */
export function jekyllPagePath(relativePath: string, data: Record<string, unknown>): string {
  const own = text(data.permalink);
  if (own) return escapePath(own.startsWith('/') ? own : `/${own}`);
  const dir = posix.dirname(relativePath);
  const base = posix.basename(relativePath, posix.extname(relativePath));
  const prefix = dir === '.' ? '' : `/${dir}`;
  return escapePath(base === 'index' ? `${prefix}/` : `${prefix}/${base}.html`);
}

/**
 * The new site's URLs, as site/src/lib/urls.ts builds them: API Hours under /api-hours/, group
 * evenings under their group, other events under /evenements/.
 */
export const newUrls = {
  event(kind: string, slug: string, groupSlug?: string): string {
    if (kind === 'api-hour') return `/api-hours/${slug}/`;
    if (kind === 'group' && groupSlug) return `/groups/${groupSlug}/${slug}/`;
    return `/evenements/${slug}/`;
  },
  talk: (slug: string) => `/talks/${slug}/`,
  speaker: (slug: string) => `/speakers/${slug}/`,
  group: (slug: string) => `/groups/${slug}/`,
  post: (slug: string) => `/blog/${slug}/`,
  page: (slug: string) => `/${slug}/`,
};

/** Listing pages of the old site and where the new site has them. */
export const SECTION_URLS: Record<string, string> = {
  '/': '/',
  '/index.html': '/',
  '/api-hours/': '/api-hours/',
  '/talks/': '/talks/',
  '/blog/': '/blog/',
  '/blog-posts/': '/blog/',
  '/groups/': '/groups/',
  '/workshops/': '/workshops/',
  '/devcamp/': '/devcamp/',
  '/tech-time.html': '/tech-time/',
  '/association.html': '/association/',
  '/feed.xml': '/atom.xml',
  '/atom.xml': '/atom.xml',
};

/** The forms one old path was linked with: `/x.html`, `/x`, `/x/`, `/x/index.html`. */
export function legacyPathVariants(path: string): string[] {
  const variants = new Set([path]);
  if (path.endsWith('.html')) variants.add(path.slice(0, -5));
  if (path.endsWith('/index.html')) variants.add(path.slice(0, -10));
  if (path.endsWith('/')) {
    variants.add(`${path}index.html`);
    if (path.length > 1) variants.add(path.slice(0, -1));
  }
  return [...variants];
}
