import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideLargeRemoval, forgetRemoval } from './removal-confirmation.ts';

/** Pages without which a release is not a site. */
export const REQUIRED_PAGES = [
  'index.html',
  '404.html',
  'api-hours/index.html',
  'talks/index.html',
  'blog/index.html',
  'atom.xml',
  'events.ics',
  'robots.txt',
];

/**
 * A new release may lose some pages (a deleted talk), not most of them (an empty API answer), unless
 * an Editor confirmed that removal (removal-confirmation.ts).
 */
export const MIN_PAGE_RATIO = 0.5;

export function countPages(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  }
  return count;
}

/**
 * The gate a build passes before it goes live. Throws with one line naming what is wrong;
 * returns the page count.
 */
export function validateRelease(dir: string, currentDir: string | undefined): number {
  for (const page of REQUIRED_PAGES) {
    if (!existsSync(join(dir, page))) throw new Error(`release rejected: ${page} is missing`);
  }
  if (!readFileSync(join(dir, 'index.html'), 'utf8').includes('</html>'))
    throw new Error('release rejected: index.html is incomplete');
  const pages = countPages(dir);
  if (currentDir && existsSync(currentDir)) {
    const before = countPages(currentDir);
    if (pages >= before * MIN_PAGE_RATIO) forgetRemoval(currentDir);
    else if (decideLargeRemoval(dir, currentDir, before, pages) === 'refused') {
      throw new Error(`release rejected: ${pages} pages instead of ${before} (more than half would disappear)`);
    }
  }
  return pages;
}
