import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { planSite } from '../plan-site/index.ts';
import { readJekyllSite } from '../reader.ts';
import { isEntryRef, type PlannedEntry } from '../plan.ts';
import { parseFrontMatter } from '../front-matter.ts';
import { fold } from '../text.ts';
import { SECTION_URLS, legacyPathVariants, newUrls } from '../urls.ts';
import { announcedHeadings, withoutProgramme } from '../programme.ts';
import { oldReferences, oldText } from './old-post.ts';
import { readBuiltPage, significantWords } from './page.ts';

export const FIELDS = ['page', 'old URL', 'title', 'date', 'venue', 'talks', 'speakers', 'links', 'images', 'words', 'markup'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldCheck {
  field: Field;
  ok: boolean;
  /** What was wrong, or what was not checked and why. */
  detail?: string;
}

export interface PageCheck {
  /** The old URL (its path on the old site). */
  oldUrl: string;
  newUrl: string;
  source: string;
  checks: FieldCheck[];
}

export interface VerifyReport {
  pages: PageCheck[];
  /** Things of the old site that were already broken there (a link to a file it did not have). */
  notes: string[];
}

export interface VerifyOptions {
  /** Root of the Jekyll site. */
  jekyll: string;
  /** Folder of the built site (`npm run site:build`'s output). */
  built: string;
  /**
   * Whether an absolute URL answers (the CMS's uploads, other sites). Without it only the built
   * site's own files are checked, and other sites' links only for being present.
   */
  answers?: (url: string) => Promise<boolean>;
}

type Lookup = Map<string, PlannedEntry>;

function entryUrl(entry: PlannedEntry, redirects: Record<string, string>): string | undefined {
  const legacyPath = typeof entry.data.legacyPath === 'string' ? entry.data.legacyPath : undefined;
  if (legacyPath && redirects[legacyPath]) return redirects[legacyPath];
  const slug = String(entry.data.slug ?? '');
  switch (entry.type) {
    case 'event': {
      const group = entry.data.group;
      return newUrls.event(String(entry.data.kind), slug, isEntryRef(group) ? group.key : undefined);
    }
    case 'talk':
      return newUrls.talk(slug);
    case 'post':
      return newUrls.post(slug);
    case 'page':
      return legacyPath && SECTION_URLS[legacyPath] ? SECTION_URLS[legacyPath] : newUrls.page(slug);
    default:
      return undefined;
  }
}

/** `2013-04-03T19:00` of an instant, in Paris. */
function parisMinute(iso: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return parts.replace(' ', 'T');
}

function builtFile(built: string, url: string): string {
  const path = decodeURI(url.split(/[?#]/)[0]!);
  return join(built, path.endsWith('/') ? `${path}index.html` : path);
}

/** The same address, whichever way it was written: scheme, `www.`, a trailing slash, encoded characters. */
function sameAddress(a: string, b: string): boolean {
  const normal = (url: string) => {
    let value = url.trim().replace(/^https?:\/\/(www\.)?/i, '//').replace(/\/+(?=$|[?#])/, '');
    try {
      value = decodeURI(value);
    } catch {
      // Kept as written.
    }
    return value.replace(/\s+/g, ' ').toLowerCase();
  };
  return normal(a) === normal(b);
}

/** Compares each old post (events, talks, blog posts of `_posts`) with its page in the built site. */
export async function verifySite(options: VerifyOptions): Promise<VerifyReport> {
  const site = readJekyllSite(options.jekyll);
  const plan = planSite(site);
  const redirectsFile = join(options.built, 'redirects.json');
  const redirects = existsSync(redirectsFile) ? (JSON.parse(readFileSync(redirectsFile, 'utf8')) as Record<string, string>) : {};
  const byKey: Lookup = new Map(plan.entries.map((entry) => [`${entry.type}:${entry.key}`, entry]));
  const byLegacyPath = new Map<string, string>();
  const bySource = new Map<string, string>();
  for (const entry of plan.entries) {
    const url = entryUrl(entry, redirects);
    if (!url) continue;
    if (typeof entry.data.legacyPath === 'string') for (const variant of legacyPathVariants(entry.data.legacyPath)) byLegacyPath.set(variant, url);
    for (const source of entry.sources) bySource.set(source, url);
  }
  for (const [path, url] of Object.entries(SECTION_URLS)) if (!byLegacyPath.has(path)) byLegacyPath.set(path, url);
  const siteFiles = site.files;
  const documents = site.documents;
  const oldHosts = ['clermontech.org', 'www.clermontech.org'];
  const notes: string[] = [];
  const pages: PageCheck[] = [];

  const answers = async (url: string): Promise<boolean> => {
    if (/^https?:\/\//i.test(url)) return options.answers ? options.answers(url) : true;
    // mailto:, tel:: nothing to ask; present is all a page can be.
    if (!url.startsWith('/')) return true;
    return existsSync(builtFile(options.built, url));
  };

  /** The old body as the new page shows it: the sections announcing an evening's talks are on the talks' own pages. */
  const shownBody = (entry: PlannedEntry, body: string): string => {
    if (entry.type !== 'event') return body;
    const talks = plan.entries
      .filter((talk) => talk.type === 'talk' && isEntryRef(talk.data.event) && talk.data.event.key === entry.key)
      .map((talk) => ({
        title: String(talk.data.title),
        speakers: (Array.isArray(talk.data.speakers) ? talk.data.speakers : []).flatMap((ref) => (isEntryRef(ref) ? [String(byKey.get(`speaker:${ref.key}`)?.data.name ?? ref.key)] : [])),
        fileName: posix.basename(talk.sources[0] ?? '').replace(/\.(md|markdown|mkd|html)$/i, ''),
      }));
    return withoutProgramme(body, announcedHeadings(body, talks));
  };

  for (const entry of plan.entries) {
    if (!['event', 'talk', 'post'].includes(entry.type)) continue;
    const source = entry.sources[0]!;
    if (!source.startsWith('_posts/')) continue;
    const oldUrl = String(entry.data.legacyPath);
    const newUrl = entryUrl(entry, redirects)!;
    const check: PageCheck = { oldUrl, newUrl, source, checks: [] };
    pages.push(check);
    const file = builtFile(options.built, newUrl);
    if (!existsSync(file)) {
      check.checks.push({ field: 'page', ok: false, detail: `no page at ${newUrl}` });
      continue;
    }
    check.checks.push({ field: 'page', ok: true });
    // The old address still leads there: a static redirect page (and the publisher's 301, from redirects.json).
    const redirectFile = builtFile(options.built, oldUrl);
    const redirected = existsSync(redirectFile) && new RegExp(`url=(?:https?://[^/"']+)?${newUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(readFileSync(redirectFile, 'utf8'));
    check.checks.push(redirected && (!existsSync(redirectsFile) || redirects[oldUrl] === newUrl) ? { field: 'old URL', ok: true } : { field: 'old URL', ok: false, detail: `${oldUrl} does not lead to ${newUrl}` });
    const page = readBuiltPage(readFileSync(file, 'utf8'));
    const { body } = parseFrontMatter(documents.get(source) ?? '');
    const oldBody = shownBody(entry, body);
    const push = (field: Field, problems: string[]) => check.checks.push({ field, ok: problems.length === 0, ...(problems.length ? { detail: problems.join('; ') } : {}) });

    const title = String(entry.data.title);
    push('title', fold(page.title).includes(fold(title).replace(/…$/, '')) ? [] : [`"${page.title}" instead of "${title}"`]);

    if (entry.type === 'event' && typeof entry.data.startsAt === 'string') {
      const minute = parisMinute(entry.data.startsAt);
      push('date', page.times.some((time) => time.startsWith(minute)) ? [] : [`no ${minute} (Paris) among ${page.times.join(', ') || 'no date'}`]);
    } else if (entry.type === 'post' && typeof entry.data.date === 'string') {
      const day = entry.data.date;
      push('date', page.times.some((time) => time.startsWith(day)) ? [] : [`no ${day} among ${page.times.join(', ') || 'no date'}`]);
    }

    if (entry.type === 'event' && isEntryRef(entry.data.venue)) {
      const venue = byKey.get(`venue:${entry.data.venue.key}`);
      const name = String(venue?.data.name ?? '');
      const problems: string[] = [];
      if (!page.text.includes(name)) problems.push(`"${name}" not shown`);
      // A name, not a sentence's fragment nor the address run into it.
      if (/^(?:la|le|les|l'|un|une)$/i.test(name) || /\d{1,4}\s*,?\s+(?:rue|avenue|allée|boulevard|place|impasse|chemin)\b|\d{5}|\*\*/i.test(name)) problems.push(`"${name}" is not a clean venue name`);
      if (page.jsonLd.length > 0 && !page.jsonLd.some((block) => block.includes(JSON.stringify(name)))) problems.push(`"${name}" not the JSON-LD location`);
      push('venue', problems);
    }

    if (entry.type === 'event') {
      const expected = plan.entries
        .filter((talk) => talk.type === 'talk' && isEntryRef(talk.data.event) && talk.data.event.key === entry.key)
        .sort((a, b) => Number(a.data.position) - Number(b.data.position))
        .map((talk) => entryUrl(talk, redirects)!);
      if (expected.length > 0) {
        const shown = [...new Set(page.links.filter((href) => expected.includes(href)))];
        push('talks', shown.join(' ') === expected.join(' ') ? [] : [`talks in the order ${shown.join(', ') || '(none)'} instead of ${expected.join(', ')}`]);
      }
    }

    if (entry.type === 'talk' && Array.isArray(entry.data.speakers)) {
      const names = entry.data.speakers.flatMap((ref) => (isEntryRef(ref) ? [String(byKey.get(`speaker:${ref.key}`)?.data.name ?? ref.key)] : []));
      let from = 0;
      const problems: string[] = [];
      for (const name of names) {
        const at = page.text.indexOf(name, from);
        if (at === -1) problems.push(`speaker "${name}" missing or out of order`);
        else from = at + name.length;
      }
      push('speakers', problems);
    }

    const references = oldReferences(oldBody);
    const linkProblems: string[] = [];
    for (const raw of references.links) {
      const expected = await expectedLink(raw, source);
      if (expected.kind === 'broken-on-old-site') {
        notes.push(`${oldUrl}: link to ${raw} was already broken on the old site`);
        continue;
      }
      if (expected.kind === 'page') {
        if (!page.links.includes(expected.url)) linkProblems.push(`no link to ${expected.url} (was ${raw})`);
        else if (!(await answers(expected.url))) linkProblems.push(`${expected.url} does not answer`);
      } else if (expected.kind === 'file') {
        const stem = expected.stem;
        const found = page.links.find((href) => fold(posix.basename(href.split(/[?#]/)[0]!)).replace(/[^a-z0-9]/g, '').startsWith(stem));
        if (!found) linkProblems.push(`no link to the uploaded ${raw}`);
        else if (!(await answers(found))) linkProblems.push(`${found} (was ${raw}) does not answer`);
      } else {
        const found = page.links.find((href) => sameAddress(href, expected.url));
        if (!found) linkProblems.push(`no link to ${expected.url}`);
        else if (!(await answers(found))) linkProblems.push(`${found} does not answer`);
      }
    }
    push('links', linkProblems);

    const imageProblems: string[] = [];
    const oldImages = references.images.filter((src) => {
      const local = localPath(src, oldUrl);
      if (local !== undefined && !siteFiles.has(local)) {
        notes.push(`${oldUrl}: image ${src} was already missing on the old site`);
        return false;
      }
      return true;
    });
    if (page.images.length < oldImages.length) imageProblems.push(`${page.images.length} images shown, ${oldImages.length} on the old page`);
    for (const src of page.images) {
      if (src.startsWith('data:')) continue;
      if (/^\/images\//.test(src) || !(await answers(src))) imageProblems.push(`image ${src} does not answer`);
    }
    push('images', imageProblems);

    const shownWords = significantWords(page.text);
    const missing = [...significantWords(oldText(oldBody))].filter((word) => !shownWords.has(word));
    push('words', missing.length ? [`${missing.length} words missing: ${missing.slice(0, 8).join(', ')}`] : []);

    const raw = [page.text, ...page.jsonLd].join('\n');
    const markup = ['**', '](', '{%', '{{', '%}'].filter((token) => raw.includes(token)).map((token) => `raw "${token}" on the page`);
    // An HTML block the old page rendered, shown as its source in a code block (the old page had no code).
    const hadCode = /^(```|~~~)|\{%-?\s*highlight/m.test(body);
    if (!hadCode && page.code.some((code) => /<\/?(?:table|tbody|tr|td|th|div|p|ul|li)\b/i.test(code))) markup.push('HTML source shown as code');
    push('markup', markup);
  }
  return { pages, notes };

  /** A path of the old site's own, for a link or image written relative, absolute or with its host. */
  function localPath(url: string, base: string): string | undefined {
    const host = /^(?:https?:)?\/\/([^/]+)/i.exec(url)?.[1]?.toLowerCase();
    if (host && !oldHosts.includes(host)) return undefined;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !host) return undefined;
    const written = url.replace(/^(?:https?:)?\/\/[^/]+/i, '').split(/[?#]/)[0]! || (host ? '/' : '');
    // Relative to the page, as a browser resolved it on the old site.
    const path = written.startsWith('/') ? written : posix.resolve(posix.dirname(base), written);
    try {
      return decodeURI(path).replace(/^\/+/, '');
    } catch {
      return path.replace(/^\/+/, '');
    }
  }

  type Expected = { kind: 'page'; url: string } | { kind: 'file'; stem: string } | { kind: 'external'; url: string } | { kind: 'broken-on-old-site' };

  async function expectedLink(raw: string, source: string): Promise<Expected> {
    const postUrl = /\{%-?\s*post_url\s+(\S+?)\s*-?%\}/.exec(raw)?.[1];
    if (postUrl) {
      const target = [...bySource.entries()].find(([path]) => path.startsWith('_posts/') && posix.basename(path).replace(/\.(md|markdown|html)$/, '') === posix.basename(postUrl));
      return target ? { kind: 'page', url: target[1] } : { kind: 'broken-on-old-site' };
    }
    const linkTag = /\{%-?\s*link\s+(\S+?)\s*-?%\}/.exec(raw)?.[1];
    if (linkTag) {
      const url = bySource.get(linkTag.replace(/^\//, ''));
      return url ? { kind: 'page', url } : { kind: 'broken-on-old-site' };
    }
    const local = localPath(raw, byLegacyPathOf(source));
    if (local === undefined) return { kind: 'external', url: raw.startsWith('//') ? `https:${raw}` : raw };
    const absolute = `/${local}`;
    const page = byLegacyPath.get(absolute);
    if (page) return { kind: 'page', url: page };
    const file = absolute.replace(/^\/+/, '');
    if (siteFiles.has(file) && !/\.(html|md)$/.test(file)) {
      return { kind: 'file', stem: fold(posix.basename(file).replace(/\.[^.]+$/, '')).replace(/[^a-z0-9]/g, '') };
    }
    return { kind: 'broken-on-old-site' };
  }

  function byLegacyPathOf(source: string): string {
    const entry = plan.entries.find((candidate) => candidate.sources[0] === source);
    return typeof entry?.data.legacyPath === 'string' ? entry.data.legacyPath : '/';
  }
}

/** The table people read: pages checked, and per field how many pages had it right or wrong, then each wrong one with its old URL. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`Pages checked: ${report.pages.length}`, '', `${'field'.padEnd(10)}${'right'.padStart(8)}${'wrong'.padStart(8)}`];
  for (const field of FIELDS) {
    const checks = report.pages.flatMap((page) => page.checks.filter((check) => check.field === field));
    lines.push(`${field.padEnd(10)}${String(checks.filter((check) => check.ok).length).padStart(8)}${String(checks.filter((check) => !check.ok).length).padStart(8)}`);
  }
  const all = report.pages.flatMap((page) => page.checks);
  lines.push(`${'total'.padEnd(10)}${String(all.filter((check) => check.ok).length).padStart(8)}${String(all.filter((check) => !check.ok).length).padStart(8)}`);
  const wrong = report.pages.flatMap((page) => page.checks.filter((check) => !check.ok).map((check) => `  ${page.oldUrl} → ${page.newUrl} [${check.field}]: ${check.detail ?? ''}`));
  if (wrong.length > 0) lines.push('', 'Wrong:', ...wrong);
  if (report.notes.length > 0) lines.push('', 'Already broken on the old site (not counted):', ...report.notes.map((note) => `  ${note}`));
  return lines.join('\n');
}

/** Number of fields wrong: the verification passes at 0. */
export function wrongFields(report: VerifyReport): number {
  return report.pages.reduce((sum, page) => sum + page.checks.filter((check) => !check.ok).length, 0);
}
