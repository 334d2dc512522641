import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseLifecycle } from '../../../site/publisher/release-lifecycle.ts';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';
import { REQUIRED_PAGES } from '../../../site/publisher/validate-release.ts';
import { writeFiles } from '../../helpers/releases.ts';
import { indexedText } from '../../helpers/search.ts';

const page = (title: string) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1></main></body></html>`;

/** A site that passes the gate, with one talk page titled `title`. */
const site = (title: string): Record<string, string> => ({
  ...Object.fromEntries(REQUIRED_PAGES.map((path) => [path, page(path)])),
  'talks/rust/index.html': page(title),
});

/** A build that writes `files` and prints `log`. */
const writes =
  (files: Record<string, string>, log = '') =>
  (outDir: string): Promise<string> => {
    writeFiles(outDir, files);
    return Promise.resolve(log);
  };

function lifecycle() {
  const store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'lifecycle-')));
  // The site's code is not read for a static build's own steps; any folder stands for it.
  return { store, releases: new ReleaseLifecycle(store, mkdtempSync(join(tmpdir(), 'site-'))) };
}

describe('a release’s life', () => {
  it('goes building → checked → live → indexed, the live release serving at each step until the next one replaces it', async () => {
    const { store, releases } = lifecycle();
    const building = releases.begin({ withServer: false });
    expect(building.state).toBe('building');
    expect(store.current()).toBeUndefined();

    const built = await releases.build(building, writes(site('Rust embarqué'), 'build log'));
    expect(built.log).toBe('build log');
    const checked = releases.check(built);
    expect(checked).toMatchObject({
      state: 'checked',
      id: building.id,
      pages: REQUIRED_PAGES.filter((path) => path.endsWith('.html')).length + 1,
    });
    expect(store.current()).toBeUndefined();

    const live = releases.goLive(checked);
    expect(live).toMatchObject({ state: 'live', id: building.id, currentServer: false });
    expect(store.current()?.id).toBe(building.id);

    const indexed = await releases.index(live);
    expect(indexed).toMatchObject({ state: 'indexed', replaced: building.id });
    expect(store.current()?.id).toBe(indexed!.id);
    expect(indexedText(join(store.current()!.dir, 'pagefind'))).toContain('Rust embarqué');
    // The unindexed release is retired: a rollback never lands on pages without their index.
    expect(store.list()).toEqual([indexed!.id]);
  });

  it('gives a new release the live search index until its own is written', async () => {
    const { store, releases } = lifecycle();
    const first = releases.goLive(
      releases.check(await releases.build(releases.begin({ withServer: false }), writes(site('Première')))),
    );
    await releases.index(first);
    const second = releases.goLive(
      releases.check(await releases.build(releases.begin({ withServer: false }), writes(site('Seconde')))),
    );
    expect(store.current()?.id).toBe(second.id);
    expect(indexedText(join(second.dir, 'pagefind'))).toContain('Première');
    expect(readFileSync(join(second.dir, 'talks/rust/index.html'), 'utf8')).toContain('Seconde');
  });

  it('abandons a release the gate refuses, leaving the live one and no folder behind', async () => {
    const { store, releases } = lifecycle();
    const live = releases.goLive(
      releases.check(await releases.build(releases.begin({ withServer: false }), writes(site('En ligne')))),
    );
    const broken = await releases.build(
      releases.begin({ withServer: false }),
      writes({ 'index.html': page('Accueil') }),
    );
    expect(() => releases.check(broken)).toThrow('release rejected: 404.html is missing');
    releases.abandon(broken);
    expect(store.current()?.id).toBe(live.id);
    expect(existsSync(broken.dir)).toBe(false);
    expect(readdirSync(store.root).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('empties the staging folder before a build, so nothing of a failed one is carried into the next', async () => {
    const { releases } = lifecycle();
    const failed = releases.begin({ withServer: false });
    await expect(
      releases.build(failed, (outDir) => {
        writeFiles(outDir, { 'talks/stale/index.html': page('Reste') });
        return Promise.reject(new Error('build failed'));
      }),
    ).rejects.toThrow('build failed');
    const next = await releases.build(releases.begin({ withServer: false }), (outDir) => {
      expect(existsSync(join(outDir, 'talks/stale/index.html'))).toBe(false);
      return writes(site('Propre'))(outDir);
    });
    expect(releases.check(next).state).toBe('checked');
  });
});
