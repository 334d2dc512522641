import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { extractAdmission, extractStatus } from './admission.ts';
import { findEventWhen, formatDate, formatTime, parisToUtc, parseIsoDate, type CalendarDate } from './dates.ts';
import {
  extractCapacity,
  extractOnlineUrl,
  extractPhotosUrl,
  extractRegistrationUrl,
  extractVenue,
  practicalText,
  sections,
  compactVenueName,
  venueKey,
  type Address,
} from './event-details.ts';
import { FrontMatterError, hasFrontMatter, parseFrontMatter } from './front-matter.ts';
import { lineOf, type IssueAnchor } from './issue-lines.ts';
import { rewriteBody, type RewriteContext } from './markdown.ts';
import { cleanUrl, linkLabel, splitAuthors } from './people.ts';
import { isEntryRef, type AssetRef, type EntryRef, type FieldValue, type ImportPlan, type Issue, type IssueLevel, type LinkValue, type PlannedEntry } from './plan.ts';
import type { JekyllSite } from './reader.ts';
import { decodeEntities, firstParagraph, fold, nameKey, plainText, slugify, squash, text, truncate } from './text.ts';
import { SECTION_URLS, jekyllPagePath, jekyllPostPath, legacyPathVariants, newUrls, parsePostFileName, postCategories } from './urls.ts';
import { announcedHeadings, matchProgramme, programmeHeadings, withoutProgramme, type ProgrammeTalk } from './programme.ts';
import { chooseEvening, type EveningSignal } from './talk-evening.ts';
import { parseVideo } from './video.ts';

type EventKind = 'api-hour' | 'group' | 'workshop' | 'devcamp' | 'conference' | 'tech-time' | 'other';

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

/** A multi-day event whose announcement gives no end time is assumed to end its last day at this hour (Paris). */
const MULTI_DAY_END = { hour: 18, minute: 0 };

/** Evening events without a time in their announcement are assumed to start at this hour (Paris). */
const DEFAULT_START = { hour: 19, minute: 0 };

interface Context {
  site: JekyllSite;
  config: Record<string, unknown>;
  issues: Issue[];
  files: { file: string; outcome: string }[];
}

/**
 * Records an issue. `at` is its line, or text of the file to find it at: a front-matter key
 * (`{ key: 'slides_url' }`) or words of the body (the first line holding them).
 */
function issue(context: Context, file: string, level: IssueLevel, message: string, field?: string, at?: number | IssueAnchor): void {
  const line = typeof at === 'number' ? at : at ? lineOf(context.site.documents.get(file) ?? '', at) : undefined;
  context.issues.push({ file, level, message, ...(field ? { field } : {}), ...(line ? { line } : {}) });
}

const ref = (type: EntryRef['$ref'], key: string): EntryRef => ({ $ref: type, key });
const asset = (path: string): AssetRef => ({ $asset: path });

/** Hands out slugs, suffixing -2, -3… so that no two entries of a type share one. */
class SlugRegistry {
  private readonly taken = new Set<string>();
  claim(base: string, fallback = 'sans-titre'): string {
    const root = base || fallback;
    let candidate = root;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${root}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

interface Doc {
  path: string;
  data: Record<string, unknown>;
  body: string;
}

interface EventDraft {
  doc: Doc;
  kind: EventKind;
  title: string;
  number?: number;
  slug: string;
  legacyPath: string;
  fileDate?: CalendarDate;
  groupKey?: string;
  url: string;
}

interface TalkDraft {
  doc: Doc;
  title: string;
  slug: string;
  legacyPath: string;
  event?: EventDraft;
  order?: number;
  speakers: string[];
  url: string;
}

/** A talk as the programme matcher knows it: its `{% post_url %}` name is its file name without extension. */
function programmeTalk(talk: TalkDraft): ProgrammeTalk {
  return { title: talk.title, speakers: talk.speakers, fileName: posix.basename(talk.doc.path).replace(/\.(md|markdown|mkd|html)$/i, '') };
}

interface SpeakerDraft {
  key: string;
  names: { name: string; at: string }[];
  links: string[];
  photo?: { path: string; at: string };
  sources: string[];
}

interface VenueDraft {
  key: string;
  name?: string;
  address?: Address;
  latitude?: number;
  longitude?: number;
  at: string;
  names: string[];
  streets: string[];
  sources: string[];
}

interface PostDraft {
  doc: Doc;
  slug: string;
  legacyPath: string;
  url: string;
  date: CalendarDate;
}

interface PageDraft {
  doc: Doc;
  slug: string;
  legacyPath: string;
  url: string;
  title: string;
}

function readConfig(site: JekyllSite, issues: Issue[]): Record<string, unknown> {
  const source = site.documents.get('_config.yml') ?? site.documents.get('_config.yaml');
  if (!source) return {};
  try {
    const parsed: unknown = parseYaml(source, { schema: 'failsafe', uniqueKeys: false });
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    issues.push({ file: '_config.yml', level: 'warning', message: `unparseable configuration (${(error as Error).message.split('\n')[0]}); defaults used` });
    return {};
  }
}

function oldHosts(config: Record<string, unknown>): string[] {
  const hosts = new Set<string>();
  for (const key of ['url', 'base_url', 'baseurl']) {
    const value = text(config[key]);
    if (!value) continue;
    try {
      const host = new URL(value).hostname.toLowerCase();
      hosts.add(host);
      hosts.add(host.startsWith('www.') ? host.slice(4) : `www.${host}`);
    } catch {
      // Not a URL (baseurl is often a path).
    }
  }
  return [...hosts];
}

function excluded(config: Record<string, unknown>, path: string): boolean {
  const patterns = Array.isArray(config.exclude) ? config.exclude.map(String) : [];
  return patterns.some((pattern) => {
    const clean = pattern.replace(/\/$/, '');
    return path === clean || path.startsWith(`${clean}/`);
  });
}

function readDoc(context: Context, path: string): Doc | undefined {
  const source = context.site.documents.get(path) ?? '';
  try {
    const { data, body, repairs } = parseFrontMatter(source);
    // Jekyll published the file whatever its front matter: import it, and say what was guessed.
    for (const repair of repairs) issue(context, path, 'warning', `front matter: ${repair.message}`, undefined, repair.line);
    return { path, data, body };
  } catch (error) {
    const message = error instanceof FrontMatterError ? error.message : String(error);
    issue(context, path, 'error', `${message}; file skipped`);
    context.files.push({ file: path, outcome: 'skipped: unparseable front matter' });
    return undefined;
  }
}

function isPublished(data: Record<string, unknown>): boolean {
  return text(data.published) !== 'false';
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
  const technology = suffix ? (TECHNOLOGIES[suffix] ?? (suffix.length <= 3 ? suffix.toUpperCase() : suffix.charAt(0).toUpperCase() + suffix.slice(1))) : undefined;
  return { name, technology };
}

/** True for an absolute URL to another site than the old one. */
function isExternal(value: string, hosts: string[]): boolean {
  const host = /^(?:https?:)?\/\/([^/]+)/i.exec(value)?.[1]?.toLowerCase();
  return host !== undefined && !hosts.includes(host);
}

function sitePath(value: string): string {
  return value.replace(/^\/+/, '');
}

/** Front-matter image values: `x.png` in the conventional folder, or a path from the site's root. */
function imagePath(value: string, folder: string): string {
  if (value.includes('/')) return sitePath(value.replace(/^https?:\/\/[^/]+/, ''));
  return posix.join(folder, value);
}

/** The Markdown of a section intro without the trailing "## Événements" that heads the listing. */
function withoutTrailingHeading(markdown: string): string {
  return markdown.replace(/\n*#{1,6}[^\n]*\s*$/, '').trim();
}

/**
 * Plans the import of a Jekyll site: what each file becomes in the CMS, with every field the
 * announcements let us extract, and the issues met on the way. Pure: reads only `site`.
 */
export function planSite(site: JekyllSite): ImportPlan {
  const issues: Issue[] = [];
  const config = readConfig(site, issues);
  const context: Context = { site, config, issues, files: [] };
  const permalink = text(config.permalink);
  const hosts = oldHosts(config);

  const eventSlugs = new SlugRegistry();
  const talkSlugs = new SlugRegistry();
  const postSlugs = new SlugRegistry();
  const pageSlugs = new SlugRegistry();
  const sponsorSlugs = new SlugRegistry();

  const events: EventDraft[] = [];
  const talkDocs: Doc[] = [];
  const posts: PostDraft[] = [];
  const pages: PageDraft[] = [];
  const groups = new Map<string, { name: string; technology?: string; sources: string[] }>();

  // 1. Sort every document into events, talks, posts and pages.
  const documentPaths = [...site.documents.keys()].filter((path) => !excluded(config, path)).sort();
  for (const path of documentPaths) {
    if (!/\.(md|markdown|mkd|html)$/i.test(path)) continue;
    const inPosts = path.startsWith('_posts/') || path.includes('/_posts/');
    if (!inPosts && (path.startsWith('_') || path.includes('/_'))) continue;
    const source = site.documents.get(path) ?? '';
    if (!hasFrontMatter(source)) {
      if (inPosts) {
        issue(context, path, 'warning', 'no front matter, so Jekyll never published it; skipped', undefined, 1);
        context.files.push({ file: path, outcome: 'skipped: no front matter' });
      }
      continue;
    }
    if (!inPosts && /\.html$/i.test(path)) {
      context.files.push({ file: path, outcome: 'skipped: HTML template page' });
      continue;
    }
    const doc = readDoc(context, path);
    if (!doc) continue;
    if (!isPublished(doc.data)) {
      issue(context, path, 'info', '`published: false`; skipped');
      context.files.push({ file: path, outcome: 'skipped: unpublished' });
      continue;
    }
    if (!inPosts) {
      planPage(doc);
      continue;
    }
    const name = parsePostFileName(path);
    if (!name) {
      // Jekyll reads only dated names in _posts: nothing it published is lost.
      issue(context, path, 'warning', 'a post file name must start with its date (YYYY-MM-DD-name.md), so Jekyll never published it; skipped', undefined, 1);
      context.files.push({ file: path, outcome: 'skipped: bad file name' });
      continue;
    }
    const layout = text(doc.data.layout)?.toLowerCase() ?? 'post';
    const categories = postCategories(path, doc.data).map((category) => category.toLowerCase());
    if (TALK_LAYOUTS.has(layout)) {
      talkDocs.push(doc);
    } else if (BLOG_LAYOUTS.has(layout) || (EVENT_LAYOUTS.has(layout) && categories.some((category) => BLOG_CATEGORIES.has(category)))) {
      planPost(doc, name.slug, name.date);
    } else if (EVENT_LAYOUTS.has(layout)) {
      const kind = categories.map((category) => EVENT_CATEGORIES[category]).find((found) => found !== undefined);
      if (!kind) issue(context, path, 'warning', `category ${categories.join(', ') || '(none)'} is not a known kind of event; imported as "other"`, 'kind', { key: ['category', 'categories', 'layout'] });
      planEvent(doc, kind ?? 'other', name.slug, name.date);
    } else {
      // Jekyll published it with whatever its layout showed: keep its text as a blog post.
      issue(context, path, 'warning', `unknown layout "${layout}"; imported as a blog post`, 'layout', { key: 'layout' });
      planPost(doc, name.slug, name.date);
    }
  }

  function planEvent(doc: Doc, kind: EventKind, fileSlug: string, fileDate: string): void {
    const rawTitle = text(doc.data.title);
    const title = rawTitle ? squash(decodeEntities(rawTitle)) : fileSlug;
    if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
    const number = eventNumber(title, fileSlug);
    const slug = eventSlugs.claim(kind === 'api-hour' && number ? `api-hour-${number}` : slugify(fileSlug));
    let groupKey: string | undefined;
    if (kind === 'group') {
      const group = groupFromTitle(title);
      groupKey = slugify(group.name);
      const known = groups.get(groupKey);
      if (known) known.sources.push(doc.path);
      else groups.set(groupKey, { ...group, sources: [doc.path] });
    }
    const legacyPath = jekyllPostPath(doc.path, doc.data, permalink);
    events.push({ doc, kind, title, number, slug, legacyPath, fileDate: parseIsoDate(fileDate), groupKey, url: newUrls.event(kind, slug, groupKey) });
    context.files.push({ file: doc.path, outcome: `event (${kind})` });
  }

  function planPost(doc: Doc, fileSlug: string, fileDate: string): void {
    const date = parseIsoDate(fileDate)!;
    const slug = postSlugs.claim(slugify(text(doc.data.slug) ?? fileSlug));
    posts.push({ doc, slug, legacyPath: jekyllPostPath(doc.path, doc.data, permalink), url: newUrls.post(slug), date });
    context.files.push({ file: doc.path, outcome: 'post' });
  }

  function planPage(doc: Doc): void {
    const layout = text(doc.data.layout)?.toLowerCase() ?? '';
    const dir = posix.dirname(doc.path);
    const base = posix.basename(doc.path, posix.extname(doc.path));
    const isSectionIntro = dir !== '.' && base === 'index';
    if (!PAGE_LAYOUTS.has(layout) && !(isSectionIntro && layout === posix.basename(dir)) && !(dir !== '.' && layout === posix.basename(dir))) {
      issue(context, doc.path, 'warning', `unknown layout "${layout}"; imported as a page`, 'layout', { key: 'layout' });
    }
    if (text(doc.data.redirect_to)) {
      context.files.push({ file: doc.path, outcome: 'skipped: redirect' });
      return;
    }
    const slug = pageSlugs.claim(PAGE_SLUGS[doc.path] ?? (isSectionIntro ? slugify(dir) : slugify(base)));
    const rawTitle = text(doc.data.title);
    const title = rawTitle ? squash(decodeEntities(rawTitle)) : base;
    pages.push({ doc, slug, legacyPath: jekyllPagePath(doc.path, doc.data), url: newUrls.page(slug), title });
  }

  // 2. Talks, now that events are known.
  const eventsByPath = new Map<string, EventDraft>();
  for (const event of events) for (const variant of legacyPathVariants(event.legacyPath)) eventsByPath.set(variant, event);
  const eventDays = new Map<EventDraft, string | undefined>();
  /** The day an event took place (Paris), as its announcement says, else its file's date. */
  const eventDay = (event: EventDraft): string | undefined => {
    if (!eventDays.has(event)) {
      const when = findEventWhen(plainText(practicalText(event.doc.body)), event.fileDate) ?? findEventWhen(plainText(event.doc.body), event.fileDate);
      const day = when?.date ?? event.fileDate;
      eventDays.set(event, day ? formatDate(day) : undefined);
    }
    return eventDays.get(event);
  };
  /**
   * A talk's evening, by the majority of what its file says (session_url, category, session_name,
   * date) and which evening's programme links to it; a warning names the signals that disagree.
   */
  const talkEvening = (doc: Doc, fileDate: string): EventDraft | undefined => {
    const sessionUrl = text(doc.data.session_url)?.replace(/^https?:\/\/[^/]+/i, '');
    const category = postCategories(doc.path, doc.data).find((value) => /^api-hour-\d+$/i.test(value));
    const sessionName = text(doc.data.session_name);
    const fileName = posix.basename(doc.path).replace(/\.(md|markdown|mkd|html)$/i, '');
    const linking = events.filter((event) => event.doc.body.includes(fileName));
    const sameDay = events.filter((event) => eventDay(event) === fileDate.slice(0, 10));
    const signals: EveningSignal<EventDraft>[] = [];
    if (linking.length === 1) signals.push({ source: 'programme', value: linking[0]!.doc.path, event: linking[0] });
    if (sessionUrl) signals.push({ source: 'session_url', value: sessionUrl, event: eventsByPath.get(sessionUrl) });
    if (category) signals.push({ source: 'category', value: category, event: eventsByPath.get(`/api-hours/${category.toLowerCase()}.html`) });
    if (sessionName) signals.push({ source: 'session_name', value: squash(decodeEntities(sessionName)), event: eventByName(squash(decodeEntities(sessionName))) });
    if (sameDay.length === 1) signals.push({ source: 'date', value: fileDate.slice(0, 10), event: sameDay[0] });
    const choice = chooseEvening(signals);
    if (!choice.event) {
      issue(context, doc.path, 'warning', `no imported event matches session_url ${sessionUrl ?? '(none)'}, its categories, session_name or date; the talk is not linked to an event`, 'event', { key: ['session_url', 'session_name', 'categories', 'category'] });
    } else if (choice.disagreeing.length > 0) {
      const describe = (list: EveningSignal<EventDraft>[]) => list.map((signal) => `${signal.source} (${signal.value})`).join(', ');
      const first = choice.disagreeing[0]!;
      issue(
        context,
        doc.path,
        'warning',
        `evening fields disagree: ${describe(choice.disagreeing)} ${choice.disagreeing.length > 1 ? 'name' : 'names'} ${first.event!.title}, but ${describe(choice.agreeing)} name ${choice.event.title}; linked to ${choice.event.title}`,
        'event',
        first.source === 'programme' || first.source === 'date' ? 1 : { key: first.source === 'category' ? ['categories', 'category'] : first.source },
      );
    }
    return choice.event;
  };
  /** The evening a `session_name` names: "Clermont'ech API Hour #21" by its number, else by its title. */
  const eventByName = (name: string): EventDraft | undefined => {
    const number = /#\s*(\d{1,4})\b/.exec(name)?.[1];
    const byNumber = number && /api\s*hour/i.test(name) ? events.filter((event) => event.kind === 'api-hour' && event.number === Number(number)) : [];
    if (byNumber.length === 1) return byNumber[0];
    const byTitle = events.filter((event) => fold(event.title) === fold(name));
    return byTitle.length === 1 ? byTitle[0] : undefined;
  };
  const talks: TalkDraft[] = [];
  for (const doc of talkDocs) {
    const name = parsePostFileName(doc.path)!;
    const rawTitle = text(doc.data.title);
    const title = rawTitle ? squash(decodeEntities(rawTitle)) : name.slug;
    if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
    const event = talkEvening(doc, name.date);
    const speakers = splitAuthors(text(doc.data.author));
    if (speakers.length === 0) issue(context, doc.path, 'warning', 'no author', 'speakers', 1);
    const slug = talkSlugs.claim(slugify(title, 70) || slugify(name.slug));
    talks.push({ doc, title, slug, legacyPath: jekyllPostPath(doc.path, doc.data, permalink), event, order: name.order, speakers, url: newUrls.talk(slug) });
    context.files.push({ file: doc.path, outcome: 'talk' });
  }

  // 3. Where every old URL now lives, for links in bodies.
  const byLegacyPath = new Map<string, string>();
  const byPostName = new Map<string, string>();
  const bySourcePath = new Map<string, string>();
  const remember = (doc: Doc, legacyPath: string, url: string) => {
    for (const variant of legacyPathVariants(legacyPath)) byLegacyPath.set(variant, url);
    bySourcePath.set(doc.path, url);
    if (doc.path.includes('_posts/')) byPostName.set(posix.basename(doc.path).replace(/\.(md|markdown|mkd|html)$/i, ''), url);
  };
  for (const event of events) remember(event.doc, event.legacyPath, event.url);
  for (const talk of talks) remember(talk.doc, talk.legacyPath, talk.url);
  for (const post of posts) remember(post.doc, post.legacyPath, post.url);
  for (const page of pages) {
    // Section intros are shown on the section's own page.
    const url = page.legacyPath.endsWith('/') ? (SECTION_URLS[page.legacyPath] ?? page.legacyPath) : page.url;
    remember(page.doc, page.legacyPath, url);
  }
  for (const [path, url] of Object.entries(SECTION_URLS)) if (!byLegacyPath.has(path)) byLegacyPath.set(path, url);

  const rewrite = (doc: Doc, body: string, field: string, legacyPath: string): string => {
    const rewriteContext: RewriteContext = {
      documentPath: legacyPath,
      postUrl: (name) => byPostName.get(name) ?? byPostName.get(posix.basename(name)),
      pageUrl: (path) => byLegacyPath.get(path),
      fileUrl: (path) => bySourcePath.get(path),
      hasFile: (path) => site.files.has(path),
      site: config,
      page: doc.data,
      oldHosts: hosts,
    };
    const result = rewriteBody(body, rewriteContext);
    for (const found of result.issues) issue(context, doc.path, 'warning', found.message, field, found.near ? { text: found.near } : undefined);
    return result.markdown;
  };

  /** An image named in front matter, as a file of the site to upload; reported when it is elsewhere or missing. */
  const frontMatterImage = (doc: Doc, value: string, folder: string, field: string): string | undefined => {
    if (isExternal(value, hosts)) {
      issue(context, doc.path, 'info', `${value} is on another site; not uploaded`, field);
      return undefined;
    }
    const path = imagePath(value, folder);
    if (site.files.has(path)) return path;
    issue(context, doc.path, 'warning', `missing referenced image /${path}`, field);
    return undefined;
  };

  const entries: PlannedEntry[] = [];
  const missing = (doc: Doc, field: string, message: string, level: IssueLevel = 'info', at?: number | IssueAnchor) => issue(context, doc.path, level, message, field, at);

  // 4. Venues and events.
  const venues = new Map<string, VenueDraft>();
  const flickrUser = text(config.flickr_id);
  for (const event of [...events].sort((a, b) => a.doc.path.localeCompare(b.doc.path))) {
    const { doc } = event;
    const practical = plainText(practicalText(doc.body));
    const when = findEventWhen(practical, event.fileDate) ?? findEventWhen(plainText(doc.body), event.fileDate);
    let startsAt: string | null = null;
    let endsAt: string | null = null;
    if (when) {
      for (const note of when.notes) issue(context, doc.path, 'warning', note, 'startsAt', { prose: when.mention });
      const start = when.start ?? DEFAULT_START;
      if (!when.start) missing(doc, 'startsAt', `no start time found; assumed ${formatTime(DEFAULT_START)} (Paris) on ${formatDate(when.date)}`, 'warning', { prose: when.mention });
      startsAt = parisToUtc(when.date, start).toISOString();
      if (when.lastDate) {
        // Several days: the event ends on the last one, at the time each day ends.
        const end = when.end ?? MULTI_DAY_END;
        endsAt = parisToUtc(when.lastDate, end).toISOString();
        if (!when.end) missing(doc, 'endsAt', `runs until ${formatDate(when.lastDate)}; no end time found, ${formatTime(MULTI_DAY_END)} (Paris) assumed`, 'warning', { prose: when.mention });
      } else if (when.end) endsAt = parisToUtc(when.date, when.end).toISOString();
    } else if (event.fileDate) {
      missing(doc, 'startsAt', `no date found in the text; used the file's date ${formatDate(event.fileDate)} at ${formatTime(DEFAULT_START)} (Paris)`, 'warning', 1);
      startsAt = parisToUtc(event.fileDate, DEFAULT_START).toISOString();
    }

    const venue = extractVenue(doc.body);
    const key = venueKey(venue);
    if (key) {
      const draft = venues.get(key) ?? { key, at: '', names: [], streets: [], sources: [] };
      // The latest announcement names the place as it is now known.
      if (doc.path >= draft.at) {
        draft.at = doc.path;
        if (venue.name) draft.name = venue.name;
        if (venue.address) draft.address = { ...venue.address, street: draft.address?.street ?? venue.address.street };
        if (venue.coordinates) {
          draft.latitude = venue.coordinates.latitude;
          draft.longitude = venue.coordinates.longitude;
        }
      }
      if (venue.name) draft.names.push(venue.name);
      if (venue.address) draft.streets.push(venue.address.street);
      draft.sources.push(doc.path);
      venues.set(key, draft);
    }
    if (!venue.name && !venue.online) missing(doc, 'venue', 'no venue name found');
    if (!venue.address && !venue.online) missing(doc, 'venue.address', 'no street address found');
    if (!venue.coordinates && !venue.online) missing(doc, 'venue.coordinates', 'no map link or embed with coordinates');

    const admission = extractAdmission(doc.body);
    const status = extractStatus(event.title, doc.body);
    if (status.status !== 'prevu') {
      issue(context, doc.path, 'warning', `status read as "${status.status}" from "${status.evidence ?? ''}"`, 'eventStatus', status.evidence ? { prose: status.evidence } : 1);
    }
    const capacity = extractCapacity(doc.body);
    if (capacity === undefined) missing(doc, 'capacity', 'no capacity ("limité à N personnes") found');
    const registrationUrl = extractRegistrationUrl(doc.body);
    if (!registrationUrl) missing(doc, 'registrationUrl', 'no registration link (Eventbrite, Mobilizon, Meetup…) found');
    const onlineUrl = extractOnlineUrl(doc.body, venue.online);
    if (venue.online && !onlineUrl) missing(doc, 'onlineUrl', 'the event is online but no link to follow it was found');

    const coverValue = text(doc.data.mascotte_img) ?? text(doc.data.image) ?? text(doc.data.cover);
    const coverPath = coverValue ? frontMatterImage(doc, coverValue, 'images', 'cover') : undefined;
    const intro = sections(doc.body)[0];
    const summary = intro && intro.title === '' ? firstParagraph(intro.content, 500) : undefined;

    // The talks it announces are shown from their own entries: their sections leave the description.
    const eventTalks = talks.filter((talk) => talk.event === event).map(programmeTalk);
    const announced = announcedHeadings(doc.body, eventTalks);

    entries.push({
      type: 'event',
      key: event.legacyPath,
      label: event.title,
      sources: [doc.path],
      data: {
        title: truncate(event.title, 200),
        slug: event.slug,
        kind: event.kind,
        number: event.number ?? null,
        startsAt,
        endsAt,
        venue: key ? ref('venue', key) : null,
        eventStatus: status.status,
        admission: admission.admission ?? null,
        price: admission.price ?? null,
        onlineUrl: onlineUrl ?? null,
        capacity: capacity ?? null,
        registrationUrl: registrationUrl ?? null,
        summary: summary ?? null,
        description: rewrite(doc, withoutProgramme(doc.body, announced), 'description', event.legacyPath),
        group: event.groupKey ? ref('group', event.groupKey) : null,
        photosUrl: extractPhotosUrl(doc.body, flickrUser, text(doc.data.flickr_set_id)) ?? null,
        cover: coverPath ? asset(coverPath) : null,
        legacyPath: event.legacyPath,
      },
    });
  }
  mergeVenueVariants(venues, entries, context);
  const venueSlugs = new SlugRegistry();
  for (const venue of [...venues.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const name = venue.name ?? venue.address?.street ?? 'Lieu';
    const street = mostFrequent(venue.streets) ?? venue.address?.street;
    entries.unshift({
      type: 'venue',
      key: venue.key,
      label: name,
      sources: venue.sources,
      data: {
        name: truncate(name, 150),
        slug: venueSlugs.claim(slugify(name)),
        address: street ? truncate(street, 250) : null,
        postcode: venue.address?.postcode ?? null,
        city: venue.address?.city ?? null,
        latitude: venue.latitude ?? null,
        longitude: venue.longitude ?? null,
      },
    });
  }
  for (const [key, group] of groups) {
    entries.unshift({ type: 'group', key, label: group.name, sources: group.sources, data: { name: group.name, slug: key, technology: group.technology ?? null } });
  }

  // 5. Talks, in programme order, and their speakers.
  const speakers = new Map<string, SpeakerDraft>();
  const talksByEvent = new Map<EventDraft | undefined, TalkDraft[]>();
  for (const talk of talks) talksByEvent.set(talk.event, [...(talksByEvent.get(talk.event) ?? []), talk]);
  const positions = new Map<TalkDraft, number>();
  const durations = new Map<TalkDraft, number>();
  for (const [event, list] of talksByEvent) {
    if (!event) continue;
    // The order the old page listed them in; talks it does not announce follow, by file name.
    const headings = programmeHeadings(event.doc.body);
    const matched = matchProgramme(
      list.map(programmeTalk),
      headings,
    );
    const rank = (talk: TalkDraft): number => matched.get(list.indexOf(talk))?.index ?? 1000 + (talk.order ?? 0);
    const sorted = [...list].sort((a, b) => rank(a) - rank(b) || a.doc.path.localeCompare(b.doc.path));
    sorted.forEach((talk, index) => positions.set(talk, index + 1));
    list.forEach((talk, index) => {
      const heading = matched.get(index);
      if (heading?.duration) durations.set(talk, heading.duration);
      if (!heading && matched.size > 0) {
        issue(context, talk.doc.path, 'warning', `not found among the headings of ${event.doc.path}; placed at #${positions.get(talk)} by its file name`, 'position', { key: 'title' });
      }
    });
  }
  for (const talk of talks) {
    const { doc } = talk;
    const authorImage = text(doc.data.author_image);
    const authorUrl = cleanUrl(text(doc.data.author_url));
    if (text(doc.data.author_url) && !authorUrl) issue(context, doc.path, 'warning', `author_url "${text(doc.data.author_url)}" is not a web address; ignored`, 'speakers.links', { key: 'author_url' });
    const keys: string[] = [];
    for (const name of talk.speakers) {
      const key = nameKey(name);
      keys.push(key);
      const draft = speakers.get(key) ?? { key, names: [], links: [], sources: [] };
      draft.names.push({ name, at: doc.path });
      draft.sources.push(doc.path);
      speakers.set(key, draft);
      if (talk.speakers.length > 1) continue;
      if (authorUrl && !draft.links.includes(authorUrl)) draft.links.push(authorUrl);
      const imageFile = authorImage ? frontMatterImage(doc, authorImage, 'images/speaker-images', 'speakers.photo') : conventionalPhoto(site, key);
      // default.jpg is the old site's placeholder, not a photo.
      if (imageFile && !/\/default\.[a-z]+$/i.test(imageFile) && (!draft.photo || doc.path >= draft.photo.at)) {
        draft.photo = { path: imageFile, at: doc.path };
      }
    }
    if (talk.speakers.length > 1 && (authorImage || authorUrl)) {
      issue(context, doc.path, 'info', `author_image/author_url of a joint talk (${talk.speakers.join(', ')}) cannot be given to one person; not imported`, 'speakers.photo');
    }

    let slidesUrl: string | null = null;
    let slidesFile: FieldValue = null;
    const slides = text(doc.data.slides_url);
    if (slides) {
      const local = slides.startsWith('/') || hosts.some((host) => new RegExp(`^https?://${host.replace(/\./g, '\\.')}/`, 'i').test(slides));
      if (local) {
        const path = sitePath(slides.replace(/^https?:\/\/[^/]+/i, ''));
        if (site.files.has(path)) slidesFile = asset(path);
        else issue(context, doc.path, 'warning', `missing referenced file /${path} (slides_url)`, 'slidesUrl', { key: 'slides_url' });
      } else {
        slidesUrl = cleanUrl(slides) ?? null;
        if (!slidesUrl) issue(context, doc.path, 'warning', `slides_url "${slides}" is not a web address; ignored`, 'slidesUrl', { key: 'slides_url' });
      }
    }
    const videoValue = text(doc.data.video) ?? text(doc.data.video_url) ?? text(doc.data.youtube);
    const video = parseVideo(videoValue, text(doc.data.video_start) ?? text(doc.data.video_time) ?? text(doc.data.start));
    if (videoValue && !video) issue(context, doc.path, 'warning', `video "${videoValue}" is neither a YouTube id nor a URL; ignored`, 'videoUrl', { text: videoValue });
    const language = fold(text(doc.data.lang) ?? text(doc.data.language) ?? 'fr').startsWith('en') ? 'en' : 'fr';
    entries.push({
      type: 'talk',
      key: talk.legacyPath,
      label: talk.title,
      sources: [doc.path],
      data: {
        title: truncate(talk.title, 200),
        slug: talk.slug,
        abstract: rewrite(doc, doc.body, 'abstract', talk.legacyPath) || null,
        speakers: keys.map((key) => ref('speaker', key)),
        event: talk.event ? ref('event', talk.event.legacyPath) : null,
        position: positions.get(talk) ?? null,
        duration: durations.get(talk) ?? null,
        slidesUrl,
        slidesFile,
        videoUrl: video?.url ?? null,
        videoStart: video?.start ?? null,
        language,
        legacyPath: talk.legacyPath,
      },
    });
  }
  const speakerSlugs = new SlugRegistry();
  for (const speaker of [...speakers.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const name = displayName(speaker.names);
    entries.unshift({
      type: 'speaker',
      key: speaker.key,
      label: name,
      sources: [...new Set(speaker.sources)],
      data: {
        name: truncate(name, 150),
        slug: speakerSlugs.claim(speaker.key),
        photo: speaker.photo ? asset(speaker.photo.path) : null,
        links: speaker.links.map((url): LinkValue => ({ label: linkLabel(url), url })),
      },
    });
  }

  // 6. Blog posts.
  for (const post of posts) {
    const { doc } = post;
    const rawTitle = text(doc.data.title);
    const title = rawTitle ? squash(decodeEntities(rawTitle)) : post.slug;
    if (!rawTitle) issue(context, doc.path, 'warning', 'no title; the file name is used', 'title', 1);
    const separator = text(doc.data.excerpt_separator) ?? text(config.excerpt_separator);
    const explicit = text(doc.data.excerpt) ?? text(doc.data.description);
    const beforeSeparator = separator && doc.body.includes(separator) ? plainText(doc.body.split(separator)[0]!) : undefined;
    const excerpt = explicit ? plainText(explicit) : (beforeSeparator ?? firstParagraph(doc.body, 500));
    const language = fold(text(doc.data.lang) ?? text(doc.data.language) ?? (/-en$/.test(post.slug) ? 'en' : 'fr')).startsWith('en') ? 'en' : 'fr';
    const coverValue = text(doc.data.image) ?? text(doc.data.cover);
    const coverPath = coverValue ? frontMatterImage(doc, coverValue, 'images/blog-posts', 'cover') : undefined;
    const author = text(doc.data.author);
    entries.push({
      type: 'post',
      key: post.legacyPath,
      label: title,
      sources: [doc.path],
      data: {
        title: truncate(title, 200),
        slug: post.slug,
        excerpt: excerpt ? truncate(excerpt, 500) : null,
        body: rewrite(doc, doc.body, 'body', post.legacyPath),
        author: author ? truncate(squash(decodeEntities(author)), 150) : null,
        date: formatDate(post.date),
        language,
        cover: coverPath ? asset(coverPath) : null,
        legacyPath: post.legacyPath,
      },
    });
  }

  // 7. Pages, sponsors (from the home page) and the board (from the association's page).
  for (const page of pages) {
    const { doc } = page;
    let body = doc.body;
    if (posix.basename(posix.dirname(doc.path)) !== '.' && posix.basename(doc.path).startsWith('index.')) body = withoutTrailingHeading(body);
    if (doc.path === 'association.md') body = withoutSections(body, /^(bureau|conseil)/);
    if (doc.path === 'index.md' || doc.path === 'index.markdown') planSponsors(doc);
    if (doc.path === 'association.md') planMembers(doc);
    if (body.trim() === '') {
      issue(context, doc.path, 'info', 'no text; no page created');
      context.files.push({ file: doc.path, outcome: 'skipped: empty page' });
      continue;
    }
    const summary = text(doc.data.description) ?? text(doc.data.excerpt);
    entries.push({
      type: 'page',
      key: page.legacyPath,
      label: page.title,
      sources: [doc.path],
      data: {
        title: truncate(page.title, 200),
        slug: page.slug,
        summary: summary ? truncate(plainText(summary), 1000) : null,
        body: rewrite(doc, body, 'body', page.legacyPath),
        legacyPath: page.legacyPath,
      },
    });
    context.files.push({ file: doc.path, outcome: 'page' });
  }

  function planSponsors(doc: Doc): void {
    const list = Array.isArray(doc.data.sponsors) ? doc.data.sponsors : [];
    list.forEach((item: unknown, index) => {
      const entry = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
      const name = text(entry.alt) ?? text(entry.name) ?? text(entry.title);
      if (!name) {
        issue(context, doc.path, 'warning', `sponsor #${index + 1} has no name (alt); skipped`, 'sponsors', { key: 'sponsors' });
        return;
      }
      const cleanName = squash(decodeEntities(name));
      const url = cleanUrl(text(entry.url));
      const img = text(entry.img) ?? text(entry.logo) ?? text(entry.image);
      const logoPath = img ? frontMatterImage(doc, img, 'images/sponsors', 'sponsors.logo') : undefined;
      const key = slugify(cleanName);
      entries.push({ type: 'sponsor', key, label: cleanName, sources: [doc.path], data: { name: truncate(cleanName, 150), slug: sponsorSlugs.claim(key), url: url ?? null, logo: logoPath ? asset(logoPath) : null } });
    });
  }

  function planMembers(doc: Doc): void {
    let position = 0;
    for (const section of sections(doc.body)) {
      const title = fold(section.title);
      const council = /conseil/.test(title);
      if (!council && !/bureau/.test(title)) continue;
      for (const line of section.content.split('\n')) {
        const item = /^\s*[-*+]\s+(.*)$/.exec(line);
        if (!item) continue;
        const value = item[1]!;
        const roleLabel = /^([^:[\]]+?)\s*:\s*(?=\S)/.exec(value);
        const rest = roleLabel ? value.slice(roleLabel[0].length) : value;
        const link = /\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
        const name = squash(decodeEntities(link ? link[1]! : plainText(rest)));
        if (!name) continue;
        const url = link ? cleanUrl(link[2]) : undefined;
        const role = council ? 'supervisory-council' : memberRole(roleLabel?.[1]);
        entries.push({
          type: 'member',
          key: nameKey(name),
          label: name,
          sources: [doc.path],
          data: { name: truncate(name, 150), role, links: url ? [{ label: linkLabel(url), url }] : [], position: position++ },
        });
      }
    }
  }

  return { entries: ordered(withUniqueKeys(entries, context)), issues, files: context.files };
}

/**
 * Two files with one identity (two posts Jekyll published at the same URL, a name listed twice)
 * would overwrite each other at every run: the later one gets a key of its own, and a warning.
 */
function withUniqueKeys(entries: PlannedEntry[], context: Context): PlannedEntry[] {
  const seen = new Map<string, PlannedEntry>();
  return entries.map((entry) => {
    const id = `${entry.type}:${entry.key}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, entry);
      return entry;
    }
    const key = `${entry.key}#${entry.sources[0] ?? seen.size}`;
    issue(context, entry.sources[0] ?? '', 'warning', `same ${entry.type} as ${first.sources.join(', ')} (${entry.key}); imported separately`, undefined, 1);
    return { ...entry, key };
  });
}

/**
 * A place named without its address in one announcement ("au **Turing 22**") is the one named with
 * it in another ("au **Turing22**, 22 allée Alan Turing"): the name-only venue joins the one with the
 * address whose name is spelt alike, and its events follow, with a warning saying so.
 */
function mergeVenueVariants(venues: Map<string, VenueDraft>, entries: PlannedEntry[], context: Context): void {
  const addressed = [...venues.values()].filter((venue) => venue.key.startsWith('address:'));
  for (const venue of [...venues.values()]) {
    if (venue.key.startsWith('address:') || !venue.name) continue;
    const compact = compactVenueName(venue.name);
    const target = addressed.filter((other) => other.names.some((name) => compactVenueName(name) === compact));
    if (target.length !== 1) continue;
    const into = target[0]!;
    into.names.push(...venue.names);
    into.sources.push(...venue.sources);
    venues.delete(venue.key);
    for (const entry of entries) {
      const ref = entry.data.venue;
      if (entry.type !== 'event' || !isEntryRef(ref) || ref.key !== venue.key) continue;
      entry.data.venue = { $ref: 'venue', key: into.key };
      issue(context, entry.sources[0] ?? '', 'warning', `venue "${venue.name}" has no address here; taken to be "${into.name ?? venue.name}" at ${into.address?.street ?? '?'} (${into.sources[0]})`, 'venue', {
        prose: venue.name,
      });
    }
  }
}

function memberRole(label: string | undefined): string {
  const folded = fold(label ?? '');
  if (/vice/.test(folded)) return 'vice-president';
  if (/presid/.test(folded)) return 'president';
  if (/tresor/.test(folded)) return 'treasurer';
  if (/secretai/.test(folded)) return 'secretary';
  return 'board-member';
}

function withoutSections(markdown: string, titles: RegExp): string {
  return sections(markdown)
    .filter((section) => !titles.test(fold(section.title)))
    .map((section) => (section.title ? `## ${section.title}\n${section.content}` : section.content))
    .join('\n')
    .trim();
}

function conventionalPhoto(site: JekyllSite, key: string): string | undefined {
  for (const ext of ['jpg', 'jpeg', 'png', 'webp']) {
    const path = `images/speaker-images/${key}.${ext}`;
    if (site.files.has(path)) return path;
  }
  return undefined;
}

/** The spelling to show: the one with the most accents ("Noël" over "Noel"), then the most used, then the latest. */
function displayName(names: { name: string; at: string }[]): string {
  const score = (name: string) => (name.normalize('NFD').match(/[\u0300-\u036f]/g) ?? []).length;
  const counts = new Map<string, number>();
  for (const { name } of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const latest = new Map<string, string>();
  for (const { name, at } of names) if ((latest.get(name) ?? '') < at) latest.set(name, at);
  return [...counts.keys()].sort((a, b) => score(b) - score(a) || counts.get(b)! - counts.get(a)! || latest.get(b)!.localeCompare(latest.get(a)!))[0]!;
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function ordered(entries: PlannedEntry[]): PlannedEntry[] {
  const order = ['group', 'venue', 'speaker', 'sponsor', 'event', 'talk', 'post', 'page', 'member'];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => order.indexOf(a.entry.type) - order.indexOf(b.entry.type) || a.index - b.index)
    .map(({ entry }) => entry);
}
