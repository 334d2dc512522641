import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** The files of a Jekyll site, read once: text for documents and configuration, names for the rest. */
export interface JekyllSite {
  root: string;
  /** Relative path (with `/`) → contents, for Markdown, HTML and YAML files. */
  documents: Map<string, string>;
  /** Every file, relative to the root. */
  files: Set<string>;
}

/** Folders Jekyll never publishes, or that hold templates rather than content. */
const SKIPPED_FOLDERS = new Set([
  '_site',
  '_layouts',
  '_includes',
  '_sass',
  '_drafts',
  '.git',
  '.github',
  '.jekyll-cache',
  '.sass-cache',
  'node_modules',
  'vendor',
  '.bundle',
]);
const DOCUMENT = /\.(md|markdown|mkd|html|ya?ml)$/i;

export class SiteError extends Error {
  override name = 'SiteError';
}

/** Reads a Jekyll site from disk. Throws a SiteError when `root` is not one. */
export function readJekyllSite(root: string): JekyllSite {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new SiteError(`${root} is not a folder`);
  if (!existsSync(join(root, '_config.yml')) && !existsSync(join(root, '_posts'))) {
    throw new SiteError(`${root} does not look like a Jekyll site (no _config.yml, no _posts folder)`);
  }
  const documents = new Map<string, string>();
  const files = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
        continue;
      }
      if (!entry.isFile()) continue;
      const path = relative(root, full).split(sep).join(posix.sep);
      files.add(path);
      if (DOCUMENT.test(entry.name)) documents.set(path, readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return { root, documents, files };
}
