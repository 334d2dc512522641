import { existsSync, lstatSync, mkdtempSync, readlinkSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  carryOverPreviewServer,
  hasPreviewServer,
  recordPreviewServer,
  siteCodeVersion,
} from '../../../site/publisher/preview-server.ts';
import { buildCacheDir, prepareBuildCacheDir } from '../../../site/publisher/build-cache.ts';
import { writeFiles } from '../../helpers/releases.ts';

/** A repository's shape as siteCodeVersion() reads it: site/, with the lockfile and config/dist beside. */
function repository() {
  const root = mkdtempSync(join(tmpdir(), 'code-version-'));
  writeFiles(root, {
    'package-lock.json': '{"lockfileVersion":3}',
    'config/dist/index.js': 'export {}',
    'site/astro.config.ts': 'export default {}',
    'site/package.json': '{}',
    'site/src/pages/index.astro': '<h1>Accueil</h1>',
    'site/public/robots.txt': 'User-agent: *',
  });
  return { root, site: join(root, 'site') };
}

describe('the preview server a release keeps', () => {
  it('names the site’s code: the same files give the same version, any change to what the server is built from another', () => {
    const { root, site } = repository();
    const version = siteCodeVersion(site);
    expect(siteCodeVersion(site)).toBe(version);
    // Static files are not part of the server.
    writeFileSync(join(site, 'public/robots.txt'), 'User-agent: *\nDisallow: /');
    expect(siteCodeVersion(site)).toBe(version);

    const changes: [string, string][] = [
      [join(site, 'src/pages/index.astro'), '<h1>Bienvenue</h1>'],
      [join(site, 'src/pages/new.astro'), '<h1>Nouvelle page</h1>'],
      [join(site, 'astro.config.ts'), 'export default { site: "x" }'],
      [join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}'],
      [join(root, 'config/dist/index.js'), 'export const x = 1'],
    ];
    const seen = new Set([version]);
    for (const [file, text] of changes) {
      writeFileSync(file, text);
      const next = siteCodeVersion(site);
      expect(seen.has(next), file).toBe(false);
      seen.add(next);
    }
  });

  it('is kept only when the release has one, built from the same code', () => {
    const root = mkdtempSync(join(tmpdir(), 'preview-server-'));
    const live = join(root, 'live');
    writeFiles(live, {
      'index.html': 'accueil',
      '_server/entry.mjs': 'export const render = 1',
      '_server/chunks/a.mjs': 'a',
    });
    expect(hasPreviewServer(live, 'v1')).toBe(false);
    recordPreviewServer(live, 'v1');
    expect(hasPreviewServer(live, 'v1')).toBe(true);
    expect(hasPreviewServer(live, 'v2')).toBe(false);
    expect(hasPreviewServer(undefined, 'v1')).toBe(false);

    const next = join(root, 'next');
    writeFiles(next, { 'index.html': 'accueil' });
    carryOverPreviewServer(live, next);
    expect(statSync(join(next, '_server/chunks/a.mjs')).ino).toBe(statSync(join(live, '_server/chunks/a.mjs')).ino);
    expect(hasPreviewServer(next, 'v1')).toBe(true);

    // Nothing to carry over: the new release has no server, and says so.
    const bare = join(root, 'bare');
    writeFiles(bare, { 'index.html': 'accueil' });
    const after = join(root, 'after');
    writeFiles(after, { 'index.html': 'accueil' });
    carryOverPreviewServer(bare, after);
    carryOverPreviewServer(undefined, after);
    expect(existsSync(join(after, '_server'))).toBe(false);
  });

  it('builds without a server keep their own Astro cache, sharing the processed images', () => {
    const base = mkdtempSync(join(tmpdir(), 'site-cache-'));
    expect(buildCacheDir(base, true)).toBe(base);
    expect(prepareBuildCacheDir(base, true)).toBe(base);
    const dir = prepareBuildCacheDir(base, false);
    expect(dir).toBe(join(base, 'static'));
    expect(lstatSync(join(dir, 'assets')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'assets'))).toBe(join('..', 'assets'));
    expect(realpathSync(join(dir, 'assets'))).toBe(realpathSync(join(base, 'assets')));
    // Asking again keeps the link.
    expect(prepareBuildCacheDir(base, false)).toBe(dir);
  });
});
