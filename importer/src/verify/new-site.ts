/**
 * The built new site, as the import plan says it should be: where each planned entry's page is, where
 * an old link should now lead, and whether a URL answers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isEntryRef, type ImportPlan, type PlannedEntry, type FieldValue } from '../plan.ts';
import { fold } from '../text.ts';
import { SECTION_URLS, legacyPathVariants, newUrls } from '../urls.ts';

/** What an old post's link should be on the new page. */
export type Expected =
  | { kind: 'page'; url: string }
  | { kind: 'file'; stem: string }
  | { kind: 'external'; url: string }
  | { kind: 'broken-on-old-site' };

const OLD_HOSTS = ['clermontech.org', 'www.clermontech.org'];

/** The same address, whichever way it was written: scheme, `www.`, a trailing slash, encoded characters. */
export function sameAddress(a: string, b: string): boolean {
  const normal = (url: string) => {
    let value = url
      .trim()
      .replace(/^https?:\/\/(www\.)?/i, '//')
      .replace(/\/+(?=$|[?#])/, '');
    try {
      value = decodeURI(value);
    } catch {
      // Kept as written.
    }
    return value.replace(/\s+/g, ' ').toLowerCase();
  };
  return normal(a) === normal(b);
}

/** A path of the old site's own, for a link or image written relative, absolute or with its host. */
export function localPath(url: string, base: string): string | undefined {
  const host = /^(?:https?:)?\/\/([^/]+)/i.exec(url)?.[1]?.toLowerCase();
  if (host && !OLD_HOSTS.includes(host)) return undefined;
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

export class NewSite {
  readonly plan: ImportPlan;
  readonly built: string;
  /** The publisher's redirects (old path → new URL), when the build wrote them. */
  readonly redirects: Record<string, string> | undefined;
  private readonly siteFiles: Set<string>;
  private readonly byKey: Map<string, PlannedEntry>;
  private readonly byLegacyPath = new Map<string, string>();
  private readonly bySource = new Map<string, string>();
  private readonly answersOutside: ((url: string) => Promise<boolean>) | undefined;

  constructor(plan: ImportPlan, siteFiles: Set<string>, built: string, answers?: (url: string) => Promise<boolean>) {
    this.plan = plan;
    this.siteFiles = siteFiles;
    this.built = built;
    this.answersOutside = answers;
    const redirectsFile = join(built, 'redirects.json');
    this.redirects = existsSync(redirectsFile)
      ? (JSON.parse(readFileSync(redirectsFile, 'utf8')) as Record<string, string>)
      : undefined;
    this.byKey = new Map(plan.entries.map((entry) => [`${entry.type}:${entry.key}`, entry]));
    for (const entry of plan.entries) {
      const url = this.urlOf(entry);
      if (!url) continue;
      if (typeof entry.data.legacyPath === 'string')
        for (const variant of legacyPathVariants(entry.data.legacyPath)) this.byLegacyPath.set(variant, url);
      for (const source of entry.sources) this.bySource.set(source, url);
    }
    for (const [path, url] of Object.entries(SECTION_URLS))
      if (!this.byLegacyPath.has(path)) this.byLegacyPath.set(path, url);
  }

  /** Where a planned entry's page is on the new site. */
  urlOf(entry: PlannedEntry): string | undefined {
    const legacyPath = typeof entry.data.legacyPath === 'string' ? entry.data.legacyPath : undefined;
    if (legacyPath && this.redirects?.[legacyPath]) return this.redirects[legacyPath];
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

  /** The built file a URL of the site is served from. */
  file(url: string): string {
    const path = decodeURI(url.split(/[?#]/)[0]!);
    return join(this.built, path.endsWith('/') ? `${path}index.html` : path);
  }

  /** Whether a URL answers: the built site's own files on disk, others through `answers` (or taken as answering). */
  async answers(url: string): Promise<boolean> {
    if (/^https?:\/\//i.test(url)) return this.answersOutside ? this.answersOutside(url) : true;
    // mailto:, tel:: nothing to ask; present is all a page can be.
    if (!url.startsWith('/')) return true;
    return existsSync(this.file(url));
  }

  entry(type: string, key: string): PlannedEntry | undefined {
    return this.byKey.get(`${type}:${key}`);
  }

  /** The names of the speakers an entry links to, in order. */
  speakerNames(refs: FieldValue | undefined): string[] {
    return (Array.isArray(refs) ? refs : []).flatMap((ref) =>
      isEntryRef(ref) ? [String(this.entry('speaker', ref.key)?.data.name ?? ref.key)] : [],
    );
  }

  /** The talks planned for an event. */
  talksOf(event: PlannedEntry): PlannedEntry[] {
    return this.plan.entries.filter(
      (talk) => talk.type === 'talk' && isEntryRef(talk.data.event) && talk.data.event.key === event.key,
    );
  }

  private legacyPathOf(source: string): string {
    const entry = this.plan.entries.find((candidate) => candidate.sources[0] === source);
    return typeof entry?.data.legacyPath === 'string' ? entry.data.legacyPath : '/';
  }

  /** Where a link of the old post at `source` should lead now. */
  expectedLink(raw: string, source: string): Expected {
    const postUrl = /\{%-?\s*post_url\s+(\S+?)\s*-?%\}/.exec(raw)?.[1];
    if (postUrl) {
      const target = [...this.bySource.entries()].find(
        ([path]) =>
          path.startsWith('_posts/') &&
          posix.basename(path).replace(/\.(md|markdown|html)$/, '') === posix.basename(postUrl),
      );
      return target ? { kind: 'page', url: target[1] } : { kind: 'broken-on-old-site' };
    }
    const linkTag = /\{%-?\s*link\s+(\S+?)\s*-?%\}/.exec(raw)?.[1];
    if (linkTag) {
      const url = this.bySource.get(linkTag.replace(/^\//, ''));
      return url ? { kind: 'page', url } : { kind: 'broken-on-old-site' };
    }
    const local = localPath(raw, this.legacyPathOf(source));
    if (local === undefined) return { kind: 'external', url: raw.startsWith('//') ? `https:${raw}` : raw };
    const absolute = `/${local}`;
    const page = this.byLegacyPath.get(absolute);
    if (page) return { kind: 'page', url: page };
    const file = absolute.replace(/^\/+/, '');
    if (this.siteFiles.has(file) && !/\.(html|md)$/.test(file)) {
      return { kind: 'file', stem: fold(posix.basename(file).replace(/\.[^.]+$/, '')).replace(/[^a-z0-9]/g, '') };
    }
    return { kind: 'broken-on-old-site' };
  }

  /** Whether a file of the old site exists. */
  hasOldFile(path: string): boolean {
    return this.siteFiles.has(path);
  }
}
