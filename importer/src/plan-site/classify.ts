/**
 * Step 2: sort the published files into events, talks, blog posts and pages, by folder, layout and
 * category, and give each its slug, old URL and new URL. Talks wait for step 3: their evening is
 * found among the events.
 */
import { posix } from 'node:path';
import { parseIsoDate } from '../dates.ts';
import { decodeEntities, slugify, squash, text } from '../text.ts';
import { jekyllPagePath, jekyllPostPath, newUrls, parsePostFileName, postCategories } from '../urls.ts';
import {
  issue,
  SlugRegistry,
  type Context,
  type Doc,
  type EventDraft,
  type EventKind,
  type GroupDraft,
  type PageDraft,
  type PostDraft,
} from './context.ts';
import type { PublishedDoc } from './read-posts.ts';

/** Post categories of the old site and the kind of event they hold. */
const EVENT_CATEGORIES: Record<string, EventKind> = {
  'api-hours': 'api-hour',
  'api-hour': 'api-hour',
  apihours: 'api-hour',
  groups: 'group',
  group: 'group',
  workshops: 'workshop',
  workshop: 'workshop',
  devcamp: 'devcamp',
  devcamps: 'devcamp',
  'tech-time': 'tech-time',
  techtime: 'tech-time',
  'code-and-coffee': 'tech-time',
  conferences: 'conference',
  conference: 'conference',
  events: 'other',
  evenements: 'other',
};
const BLOG_CATEGORIES = new Set(['blog-posts', 'blog', 'news', 'articles']);
const EVENT_LAYOUTS = new Set(['post', 'event', 'api-hour']);
const TALK_LAYOUTS = new Set(['talk']);
const BLOG_LAYOUTS = new Set(['blog-post', 'blog_post', 'article']);
const PAGE_LAYOUTS = new Set(['default', 'page', 'home', 'none', '']);

/** Page slugs the new site expects for pages it shows in set places (site/src/consts.ts PAGE_SLUGS). */
const PAGE_SLUGS: Record<string, string> = {
  'index.md': 'manifeste',
  'index.markdown': 'manifeste',
  'code-of-conduct.md': 'code-de-conduite',
};

/** Technologies named after the dot of a group's name ("Clermont'ech.php"). */
const TECHNOLOGIES: Record<string, string> = {
  php: 'PHP',
  js: 'JavaScript',
  javascript: 'JavaScript',
  py: 'Python',
  python: 'Python',
  rb: 'Ruby',
  ruby: 'Ruby',
  go: 'Go',
  rs: 'Rust',
  rust: 'Rust',
  java: 'Java',
  net: '.NET',
  dotnet: '.NET',
  data: 'Data',
  ia: 'IA',
  ai: 'IA',
  sec: 'Sécurité',
  devops: 'DevOps',
};

export interface Classified {
  events: EventDraft[];
  /** Files with the `talk` layout, planned in step 3. */
  talkDocs: Doc[];
  posts: PostDraft[];
  pages: PageDraft[];
  groups: Map<string, GroupDraft>;
}

function eventNumber(title: string, fileSlug: string): number | undefined {
  const fromTitle = /#\s*(\d{1,4})\b/.exec(title)?.[1];
  const fromFile = /(?:^|-)(\d{1,4})(?:-|$)/.exec(fileSlug.replace(/^\d{1,2}-/, ''))?.[1];
  const value = Number(fromTitle ?? fromFile);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function groupFromTitle(title: string): { name: string; technology?: string } {
  const name = squash(title.replace(/\s*#\s*\d+.*$/, '').replace(/\s+[-–:]\s+.*$/, '')) || title;
  const suffix = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const technology = suffix
    ? (TECHNOLOGIES[suffix] ??
      (suffix.length <= 3 ? suffix.toUpperCase() : suffix.charAt(0).toUpperCase() + suffix.slice(1)))
    : undefined;
  return { name, technology };
}

/** What sorting has found so far, and the slugs handed out: in the order met (path order), as -2, -3… suffixes depend on it. */
interface Sorting {
  context: Context;
  permalink: string | undefined;
  slugs: { event: SlugRegistry; post: SlugRegistry; page: SlugRegistry };
  classified: Classified;
}

function addEvent(
  { context, permalink, slugs, classified }: Sorting,
  doc: Doc,
  kind: EventKind,
  fileSlug: string,
  fileDate: string,
): void {
  const rawTitle = text(doc.data.title);
  const title = rawTitle ? squash(decodeEntities(rawTitle)) : fileSlug;
  if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
  const number = eventNumber(title, fileSlug);
  const slug = slugs.event.claim(kind === 'api-hour' && number ? `api-hour-${number}` : slugify(fileSlug));
  let groupKey: string | undefined;
  if (kind === 'group') {
    const group = groupFromTitle(title);
    groupKey = slugify(group.name);
    const known = classified.groups.get(groupKey);
    if (known) known.sources.push(doc.path);
    else classified.groups.set(groupKey, { ...group, sources: [doc.path] });
  }
  const legacyPath = jekyllPostPath(doc.path, doc.data, permalink);
  classified.events.push({
    doc,
    kind,
    title,
    number,
    slug,
    legacyPath,
    fileDate: parseIsoDate(fileDate),
    groupKey,
    url: newUrls.event(kind, slug, groupKey),
  });
  context.files.push({ file: doc.path, outcome: `event (${kind})` });
}

function addPost(
  { context, permalink, slugs, classified }: Sorting,
  doc: Doc,
  fileSlug: string,
  fileDate: string,
): void {
  const date = parseIsoDate(fileDate)!;
  const slug = slugs.post.claim(slugify(text(doc.data.slug) ?? fileSlug));
  classified.posts.push({
    doc,
    slug,
    legacyPath: jekyllPostPath(doc.path, doc.data, permalink),
    url: newUrls.post(slug),
    date,
  });
  context.files.push({ file: doc.path, outcome: 'post' });
}

function addPage({ context, slugs, classified }: Sorting, doc: Doc): void {
  const layout = text(doc.data.layout)?.toLowerCase() ?? '';
  const dir = posix.dirname(doc.path);
  const base = posix.basename(doc.path, posix.extname(doc.path));
  const isSectionIntro = dir !== '.' && base === 'index';
  if (
    !PAGE_LAYOUTS.has(layout) &&
    !(isSectionIntro && layout === posix.basename(dir)) &&
    !(dir !== '.' && layout === posix.basename(dir))
  ) {
    issue(context, doc.path, 'warning', `unknown layout "${layout}"; imported as a page`, 'layout', { key: 'layout' });
  }
  if (text(doc.data.redirect_to)) {
    context.files.push({ file: doc.path, outcome: 'skipped: redirect' });
    return;
  }
  const slug = slugs.page.claim(PAGE_SLUGS[doc.path] ?? (isSectionIntro ? slugify(dir) : slugify(base)));
  const rawTitle = text(doc.data.title);
  const title = rawTitle ? squash(decodeEntities(rawTitle)) : base;
  classified.pages.push({ doc, slug, legacyPath: jekyllPagePath(doc.path, doc.data), url: newUrls.page(slug), title });
}

/** A file of `_posts`: a talk, a blog post or an event, by its layout, then its categories. */
function addPostFile(sorting: Sorting, doc: Doc): void {
  const { context, classified } = sorting;
  const path = doc.path;
  const name = parsePostFileName(path);
  if (!name) {
    // Jekyll reads only dated names in _posts: nothing it published is lost.
    issue(
      context,
      path,
      'warning',
      'a post file name must start with its date (YYYY-MM-DD-name.md), so Jekyll never published it; skipped',
      undefined,
      1,
    );
    context.files.push({ file: path, outcome: 'skipped: bad file name' });
    return;
  }
  const layout = text(doc.data.layout)?.toLowerCase() ?? 'post';
  const categories = postCategories(path, doc.data).map((category) => category.toLowerCase());
  if (TALK_LAYOUTS.has(layout)) {
    classified.talkDocs.push(doc);
  } else if (
    BLOG_LAYOUTS.has(layout) ||
    (EVENT_LAYOUTS.has(layout) && categories.some((category) => BLOG_CATEGORIES.has(category)))
  ) {
    addPost(sorting, doc, name.slug, name.date);
  } else if (EVENT_LAYOUTS.has(layout)) {
    const kind = categories.map((category) => EVENT_CATEGORIES[category]).find((found) => found !== undefined);
    if (!kind)
      issue(
        context,
        path,
        'warning',
        `category ${categories.join(', ') || '(none)'} is not a known kind of event; imported as "other"`,
        'kind',
        { key: ['category', 'categories', 'layout'] },
      );
    addEvent(sorting, doc, kind ?? 'other', name.slug, name.date);
  } else {
    // Jekyll published it with whatever its layout showed: keep its text as a blog post.
    issue(context, path, 'warning', `unknown layout "${layout}"; imported as a blog post`, 'layout', { key: 'layout' });
    addPost(sorting, doc, name.slug, name.date);
  }
}

export function classify(context: Context, published: Iterable<PublishedDoc>): Classified {
  const sorting: Sorting = {
    context,
    permalink: text(context.config.permalink),
    slugs: { event: new SlugRegistry(), post: new SlugRegistry(), page: new SlugRegistry() },
    classified: { events: [], talkDocs: [], posts: [], pages: [], groups: new Map() },
  };
  for (const { doc, inPosts } of published) {
    if (inPosts) addPostFile(sorting, doc);
    else addPage(sorting, doc);
  }
  return sorting.classified;
}
