import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Release } from './release-store.ts';

/**
 * Written by the build (site/src/pages/redirects.json.ts): every old URL of the Jekyll site and the
 * path of its new page, as `{ "/api-hours/api-hour-72.html": "/api-hours/api-hour-72/" }`. The
 * release also holds a meta-refresh page at each old URL, for static hosting; the publisher answers
 * those URLs with a real 301 instead.
 */
export const REDIRECTS_FILE = 'redirects.json';

/** An old path as requests spell it: percent-encoded the way URL does, without trailing slashes. */
function key(path: string): string {
  return new URL(path, 'http://x').pathname.replace(/\/+$/, '');
}

function load(dir: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, REDIRECTS_FILE), 'utf8'));
  } catch {
    // A release built before the manifest existed: its redirect pages still work as pages.
    return new Map();
  }
  const redirects = new Map<string, string>();
  if (typeof parsed !== 'object' || parsed === null) return redirects;
  for (const [from, to] of Object.entries(parsed)) {
    if (typeof to !== 'string' || !from.startsWith('/') || !to.startsWith('/') || to.startsWith('//')) continue;
    const fromKey = key(from);
    if (fromKey !== '' && fromKey !== key(to)) redirects.set(fromKey, to);
  }
  return redirects;
}

/** The old URLs of the live release, read once per release (a release never changes). */
export class LegacyRedirects {
  #releaseId: string | undefined;
  #redirects = new Map<string, string>();

  /** The new path `pathname` moved to in `release`, or undefined when it is not an old URL. */
  target(release: Release, pathname: string): string | undefined {
    if (release.id !== this.#releaseId) {
      this.#redirects = load(release.dir);
      this.#releaseId = release.id;
    }
    return this.#redirects.get(pathname.replace(/\/+$/, ''));
  }
}
