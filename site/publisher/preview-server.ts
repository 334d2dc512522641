/**
 * A release's preview server (`_server/`, see preview.ts) renders drafts with the site's code; it
 * holds none of the published content. So the publisher builds the pages alone
 * (SITE_PREVIEW_SERVER=false) and links the live release's server into the new release; only when
 * that server was built from other code (a deploy) or is missing does it build another release, with
 * a server, right after.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { linkTree } from './link-tree.ts';
import { SERVER_DIR, SERVER_ENTRY } from './preview.ts';

/** What the server code is built from, relative to the site: its code and config, the packages installed. */
const CODE_INPUTS = [
  'src',
  'astro.config.ts',
  'package.json',
  join('..', 'package-lock.json'),
  join('..', 'config', 'dist'),
];

/** Written next to a release's server code: the siteCodeVersion() it was built from. */
const VERSION_FILE = join(SERVER_DIR, 'code-version');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A digest of every file the server code is built from (a few milliseconds). */
export function siteCodeVersion(siteRoot: string): string {
  const hash = createHash('sha256');
  for (const input of CODE_INPUTS) {
    for (const file of filesUnder(join(siteRoot, input))) {
      hash.update(`${relative(siteRoot, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('base64url');
}

/** Whether `releaseDir` holds a server built from `version` of the code, which a new release can keep. */
export function hasPreviewServer(releaseDir: string | undefined, version: string): releaseDir is string {
  if (!releaseDir || !existsSync(join(releaseDir, SERVER_ENTRY))) return false;
  try {
    return readFileSync(join(releaseDir, VERSION_FILE), 'utf8') === version;
  } catch {
    return false;
  }
}

/** Marks the server a build just wrote as built from `version`. */
export function recordPreviewServer(releaseDir: string, version: string): void {
  writeFileSync(join(releaseDir, VERSION_FILE), version);
}

/**
 * Gives a release built without a server the server of `fromDir`, if it has one, whatever code it
 * was built from: previews keep working until the publisher has built a current one (hard links:
 * releases never change).
 */
export function carryOverPreviewServer(fromDir: string | undefined, toDir: string): void {
  if (!fromDir || !existsSync(join(fromDir, SERVER_ENTRY))) return;
  linkTree(join(fromDir, SERVER_DIR), join(toDir, SERVER_DIR));
}
