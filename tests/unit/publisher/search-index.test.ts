import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';
import { linkTree } from '../../../site/publisher/link-tree.ts';
import { carryOverSearchIndex, indexLiveRelease } from '../../../site/publisher/release-lifecycle.ts';
import { liveRelease, writeFiles } from '../../helpers/releases.ts';
import { indexedText } from '../../helpers/search.ts';

const talkPage = (title: string) =>
  `<!doctype html><html lang="fr"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>Un talk sur ${title}.</p></main></body></html>`;

describe('search index after the pages', () => {
  it('links a tree file by file, sharing the bytes, without the entries left out', () => {
    const from = mkdtempSync(join(tmpdir(), 'tree-'));
    writeFiles(from, { 'index.html': 'accueil', 'talks/a/index.html': 'talk', 'pagefind/pagefind-entry.json': '{}' });
    const to = join(mkdtempSync(join(tmpdir(), 'tree-')), 'copy');
    linkTree(from, to, ['pagefind']);
    expect(readFileSync(join(to, 'talks/a/index.html'), 'utf8')).toBe('talk');
    expect(statSync(join(to, 'talks/a/index.html')).ino).toBe(statSync(join(from, 'talks/a/index.html')).ino);
    expect(existsSync(join(to, 'pagefind'))).toBe(false);
  });

  it('carries the live index over to a new release only when it has none', () => {
    const root = mkdtempSync(join(tmpdir(), 'carry-'));
    const live = join(root, 'live');
    writeFiles(live, { 'pagefind/pagefind-entry.json': '{"v":1}' });
    const fresh = join(root, 'fresh');
    mkdirSync(fresh);
    carryOverSearchIndex(undefined, fresh);
    expect(existsSync(join(fresh, 'pagefind'))).toBe(false);
    carryOverSearchIndex(live, fresh);
    expect(readFileSync(join(fresh, 'pagefind/pagefind-entry.json'), 'utf8')).toBe('{"v":1}');
    const ownIndex = join(root, 'own');
    writeFiles(ownIndex, { 'pagefind/pagefind-entry.json': '{"v":2}' });
    carryOverSearchIndex(live, ownIndex);
    expect(readFileSync(join(ownIndex, 'pagefind/pagefind-entry.json'), 'utf8')).toBe('{"v":2}');
  });

  it('swaps in an indexed copy of the live release and drops the unindexed one, leaving the older release as it was', async () => {
    const store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'index-')));
    const before = liveRelease(store, {
      'index.html': talkPage('Accueil'),
      'talks/rust/index.html': talkPage('Rust embarqué'),
    });
    expect(await indexLiveRelease(store, before)).toBeDefined();
    const beforeIndexed = store.current()!;
    const beforeText = indexedText(join(beforeIndexed.dir, 'pagefind'));
    expect(beforeText).toContain('Rust embarqué');

    const pages = {
      'index.html': talkPage('Accueil'),
      'talks/rust/index.html': talkPage('Rust embarqué, la suite'),
      'talks/wasm/index.html': talkPage('WebAssembly au quotidien'),
    };
    const id = store.newId();
    writeFiles(store.dirOf(id), pages);
    carryOverSearchIndex(beforeIndexed.dir, store.dirOf(id));
    store.activate(id);
    expect(indexedText(join(store.current()!.dir, 'pagefind'))).not.toContain('WebAssembly');

    const indexedId = await indexLiveRelease(store, id);
    expect(store.current()?.id).toBe(indexedId);
    expect(store.list()).toEqual([beforeIndexed.id, indexedId]);
    expect(indexedText(join(store.current()!.dir, 'pagefind'))).toContain('WebAssembly au quotidien');
    expect(readFileSync(join(store.current()!.dir, 'talks/wasm/index.html'), 'utf8')).toBe(
      pages['talks/wasm/index.html'],
    );
    // The carried-over files were shared with the older release, which must still hold its own index.
    expect(indexedText(join(beforeIndexed.dir, 'pagefind'))).toBe(beforeText);
    expect(readdirSync(store.root).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('leaves alone a release that is no longer live (a rollback while indexing)', async () => {
    const store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'index-')));
    const older = liveRelease(store, { 'index.html': talkPage('Ancienne') });
    const newer = liveRelease(store, { 'index.html': talkPage('Nouvelle') });
    store.rollback();
    expect(await indexLiveRelease(store, newer)).toBeUndefined();
    expect(store.current()?.id).toBe(older);
    expect(store.list()).toEqual([older, newer]);
    expect(readdirSync(store.root).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});
