/** Step 1: read the site's configuration and every file Jekyll published, front matter parsed. */
import { parse as parseYaml } from 'yaml';
import { FrontMatterError, hasFrontMatter, parseFrontMatter } from '../front-matter.ts';
import type { Issue } from '../plan.ts';
import type { JekyllSite } from '../reader.ts';
import { text } from '../text.ts';
import { issue, type Context, type Doc } from './context.ts';

function readConfig(site: JekyllSite, issues: Issue[]): Record<string, unknown> {
  const source = site.documents.get('_config.yml') ?? site.documents.get('_config.yaml');
  if (!source) return {};
  try {
    const parsed: unknown = parseYaml(source, { schema: 'failsafe', uniqueKeys: false });
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch (error) {
    issues.push({
      file: '_config.yml',
      level: 'warning',
      message: `unparseable configuration (${(error as Error).message.split('\n')[0]}); defaults used`,
    });
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

/** The context every later step reads and reports into. */
export function openSite(site: JekyllSite): Context {
  const issues: Issue[] = [];
  const config = readConfig(site, issues);
  return { site, config, hosts: oldHosts(config), issues, files: [] };
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
    for (const repair of repairs)
      issue(context, path, 'warning', `front matter: ${repair.message}`, undefined, repair.line);
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

export interface PublishedDoc {
  doc: Doc;
  /** In a `_posts` folder (an event, talk or blog post), else a page. */
  inPosts: boolean;
}

/**
 * The Markdown files Jekyll published, in path order; what it skipped is recorded with its reason. A
 * generator, so each file's issues follow the previous file's classification, in file order.
 */
export function* readPublishedDocs(context: Context): Generator<PublishedDoc> {
  const { site, config } = context;
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
    yield { doc, inPosts };
  }
}
