/**
 * Step 4: where every old URL now lives, so links in bodies and images named in front matter point
 * to the new site and the files to upload.
 */
import { posix } from 'node:path';
import { rewriteBody, type RewriteContext } from '../markdown.ts';
import { SECTION_URLS, legacyPathVariants } from '../urls.ts';
import {
  issue,
  type Context,
  type Doc,
  type EventDraft,
  type PageDraft,
  type PostDraft,
  type TalkDraft,
} from './context.ts';

export interface Links {
  /** A body with its links and images rewritten to the new site; what could not be is reported as `field`. */
  rewrite(doc: Doc, body: string, field: string, legacyPath: string): string;
  /** An image named in front matter, as a file of the site to upload; reported when it is elsewhere or missing. */
  frontMatterImage(doc: Doc, value: string, folder: string, field: string): string | undefined;
}

/** True for an absolute URL to another site than the old one. */
function isExternal(value: string, hosts: string[]): boolean {
  const host = /^(?:https?:)?\/\/([^/]+)/i.exec(value)?.[1]?.toLowerCase();
  return host !== undefined && !hosts.includes(host);
}

/** A path of the site as its files are keyed: without the leading slash. */
export function sitePath(value: string): string {
  return value.replace(/^\/+/, '');
}

/** Front-matter image values: `x.png` in the conventional folder, or a path from the site's root. */
function imagePath(value: string, folder: string): string {
  if (value.includes('/')) return sitePath(value.replace(/^https?:\/\/[^/]+/, ''));
  return posix.join(folder, value);
}

interface Planned {
  events: EventDraft[];
  talks: TalkDraft[];
  posts: PostDraft[];
  pages: PageDraft[];
}

export function resolveLinks(context: Context, { events, talks, posts, pages }: Planned): Links {
  const { site, config, hosts } = context;
  const byLegacyPath = new Map<string, string>();
  const byPostName = new Map<string, string>();
  const bySourcePath = new Map<string, string>();
  const remember = (doc: Doc, legacyPath: string, url: string) => {
    for (const variant of legacyPathVariants(legacyPath)) byLegacyPath.set(variant, url);
    bySourcePath.set(doc.path, url);
    if (doc.path.includes('_posts/'))
      byPostName.set(posix.basename(doc.path).replace(/\.(md|markdown|mkd|html)$/i, ''), url);
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

  return {
    rewrite(doc, body, field, legacyPath) {
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
      for (const found of result.issues)
        issue(context, doc.path, 'warning', found.message, field, found.near ? { text: found.near } : undefined);
      return result.markdown;
    },
    frontMatterImage(doc, value, folder, field) {
      if (isExternal(value, hosts)) {
        issue(context, doc.path, 'info', `${value} is on another site; not uploaded`, field);
        return undefined;
      }
      const path = imagePath(value, folder);
      if (site.files.has(path)) return path;
      issue(context, doc.path, 'warning', `missing referenced image /${path}`, field);
      return undefined;
    },
  };
}
