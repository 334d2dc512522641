/**
 * The search index comes after the pages. Pagefind reads every page of a release, so it costs a
 * publish 0.5 s on the imported archive and half a minute at a hundred times its size. The
 * publisher swaps the new pages in first, carrying the live release's index over so search keeps
 * working one change behind. Then it indexes them and swaps in the indexed release.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_INDEX_DIR } from '../src/lib/search-bundles.ts';
import { writeSearchIndex } from '../src/lib/search-index.ts';
import { linkTree } from './link-tree.ts';
import type { ReleaseStore } from './release-store.ts';

/** Gives a release about to go live the live release's search index, until its own is written. */
export function carryOverSearchIndex(liveDir: string | undefined, newDir: string): void {
  const liveIndex = liveDir && join(liveDir, SEARCH_INDEX_DIR);
  if (!liveIndex || !existsSync(liveIndex) || existsSync(join(newDir, SEARCH_INDEX_DIR))) return;
  linkTree(liveIndex, join(newDir, SEARCH_INDEX_DIR));
}

/**
 * Indexes the live release `id`, then makes live a copy of it (hard links) with its own index in
 * place of the carried-over one, and drops `id`: nothing serves from it once the swap is done,
 * because a request resolves and reads its file in one go (app.ts). Returns the indexed release's id, or
 * undefined when another release went live meanwhile (a rollback), which the copy must not undo.
 */
export async function indexLiveRelease(store: ReleaseStore, id: string): Promise<string | undefined> {
  const indexedId = store.newId();
  const partial = join(store.root, `${indexedId}.partial`);
  try {
    await writeSearchIndex(store.dirOf(id), join(partial, SEARCH_INDEX_DIR));
    linkTree(store.dirOf(id), partial, [SEARCH_INDEX_DIR]);
    if (store.current()?.id !== id) return undefined;
    renameSync(partial, store.dirOf(indexedId));
    store.activate(indexedId, { replaces: id });
    return indexedId;
  } finally {
    store.discard(partial);
  }
}
