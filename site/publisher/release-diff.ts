import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVER_DIR } from './preview.ts';

/**
 * Files that are not the site: the preview's server code, which a release keeps from the last
 * release built with it (preview-server.ts), so two releases of the same content may hold different
 * ones.
 */
const NOT_THE_SITE = [`${SERVER_DIR}/`];

/**
 * What two builds of the same content may differ by: when they ran. The calendar's DTSTAMP is the
 * time it was written (RFC 5545, 3.8.7.2), which is the build's.
 */
const BUILD_STAMPS: { file: RegExp; stamp: RegExp }[] = [{ file: /\.ics$/, stamp: /^DTSTAMP:[^\r\n]*/gm }];

/** A file's bytes, its build stamps blanked. */
function withoutStamps(path: string, bytes: Buffer): Buffer {
  const stamps = BUILD_STAMPS.filter(({ file }) => file.test(path));
  if (stamps.length === 0) return bytes;
  return Buffer.from(stamps.reduce((text, { stamp }) => text.replace(stamp, ''), bytes.toString('utf8')));
}

/** Every file of a built site, by path relative to it. */
export function siteFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path);
    if (entry.isFile() && !NOT_THE_SITE.some((prefix) => name.startsWith(prefix))) files.set(name, readFileSync(path));
  }
  return files;
}

/**
 * Where two built sites differ: the paths whose bytes differ (build stamps aside, see BUILD_STAMPS),
 * and those only one of them has (each marked so), sorted. Empty when they are the same site.
 */
export function siteDifferences(actualDir: string, expectedDir: string): string[] {
  const actual = siteFiles(actualDir);
  const expected = siteFiles(expectedDir);
  return [...new Set([...actual.keys(), ...expected.keys()])]
    .filter((path) => {
      const a = actual.get(path);
      const b = expected.get(path);
      return !a || !b || !withoutStamps(path, a).equals(withoutStamps(path, b));
    })
    .map((path) => (!actual.has(path) ? `${path} (missing)` : !expected.has(path) ? `${path} (extra)` : path))
    .sort();
}
