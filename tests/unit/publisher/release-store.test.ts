import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';

function storeWithReleases(count: number, keep = 5) {
  const store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'releases-')), keep);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = store.newId();
    mkdirSync(store.dirOf(id));
    writeFileSync(join(store.dirOf(id), 'index.html'), `release ${i}`);
    store.activate(id);
    ids.push(id);
  }
  return { store, ids };
}

describe('ReleaseStore', () => {
  it('has no current release before the first activation', () => {
    expect(new ReleaseStore(mkdtempSync(join(tmpdir(), 'releases-'))).current()).toBeUndefined();
  });

  it('gives ids that sort by creation', () => {
    const { ids } = storeWithReleases(3);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it('switches the current release and keeps only the last five', () => {
    const { store, ids } = storeWithReleases(7);
    expect(store.current()?.id).toBe(ids[6]);
    expect(store.list()).toEqual(ids.slice(2));
    expect(readFileSync(join(store.current()!.dir, 'index.html'), 'utf8')).toBe('release 6');
    expect(store.liveSince()).toBeInstanceOf(Date);
  });

  it('deletes the releases it drops from the disk, in the background', async () => {
    const { store, ids } = storeWithReleases(7);
    const indexed = store.newId();
    mkdirSync(store.dirOf(indexed));
    store.activate(indexed, { replaces: ids[6] });
    expect(store.list()).toEqual([...ids.slice(2, 6), indexed]);
    await store.removalsDone();
    expect(readdirSync(store.root).sort()).toEqual(['current', ...ids.slice(2, 6), indexed].sort());
  });

  it('rolls back to the previous release, then the one before', () => {
    const { store, ids } = storeWithReleases(3);
    expect(store.rollback()).toBe(ids[1]);
    expect(readFileSync(join(store.current()!.dir, 'index.html'), 'utf8')).toBe('release 1');
    expect(store.rollback()).toBe(ids[0]);
    expect(store.rollback()).toBeUndefined();
    expect(store.current()?.id).toBe(ids[0]);
  });

  it('removes the release a new one replaces, so a rollback skips it', () => {
    const { store, ids } = storeWithReleases(3);
    const indexed = store.newId();
    mkdirSync(store.dirOf(indexed));
    store.activate(indexed, { replaces: ids[2] });
    expect(store.list()).toEqual([ids[0], ids[1], indexed]);
    expect(store.rollback()).toBe(ids[1]);
  });

  it('refuses to activate a release that does not exist', () => {
    const { store, ids } = storeWithReleases(1);
    expect(() => store.activate('20990101T000000000Z-00abcd')).toThrow(/does not exist/);
    expect(store.current()?.id).toBe(ids[0]);
  });

  it('cleans what a killed build or deletion left behind', () => {
    const { store } = storeWithReleases(1);
    mkdirSync(`${store.dirOf(store.newId())}.partial`);
    mkdirSync(`${store.dirOf(store.newId())}.removing`);
    store.cleanLeftovers();
    expect(store.list()).toHaveLength(1);
    expect(readdirSync(store.root).filter((name) => name.endsWith('.partial') || name.endsWith('.removing'))).toEqual(
      [],
    );
  });
});
