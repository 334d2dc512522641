/**
 * The life of a release, in one place. The publisher orchestrates; this module knows what a release
 * holds besides its pages (the preview's server, the search index) and walks it through its states:
 *
 *   building ── Astro writes the pages into the store's staging folder (begin, build)
 *   checked ─── they passed the gate (validate-release.ts), got a preview server and the live
 *               search index (check)
 *   live ────── renamed to its id, `current` points at it (goLive)
 *   indexed ─── an indexed copy (hard links and its own Pagefind index) replaced it (index)
 *   retired ─── dropped by the store: beyond the releases kept, or replaced by its indexed copy
 *
 * A building release that fails is abandoned: its folder goes, the live release stays. The search
 * index comes after the pages: Pagefind reads every page of a release, which on a large archive
 * costs more than the build, so new pages go live with the previous index (search one change
 * behind for a moment) and the indexed copy follows.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { SEARCH_INDEX_DIR } from '../src/lib/search-bundles.ts';
import { linkTree } from './link-tree.ts';
import { writeSearchIndex } from './pagefind-index.ts';
import { carryOverPreviewServer, hasPreviewServer, recordPreviewServer, siteCodeVersion } from './preview-server.ts';
import type { ReleaseStore } from './release-store.ts';
import { validateRelease } from './validate-release.ts';

export interface BuildingRelease {
  readonly state: 'building';
  readonly id: string;
  /** Where the build writes (the store's staging folder). */
  readonly dir: string;
  /** Whether the build writes the preview's server itself, rather than keeping the live one's. */
  readonly withServer: boolean;
}

/** A building release whose build finished; what the gate and the swap need to know about it. */
export interface BuiltRelease extends BuildingRelease {
  /** The site's code the build started from, and the release whose server it keeps: both read before building. */
  readonly codeVersion: string;
  readonly serverFrom: string | undefined;
  /** What the build printed. */
  readonly log: string;
}

export interface CheckedRelease {
  readonly state: 'checked';
  readonly id: string;
  readonly dir: string;
  readonly codeVersion: string;
  /** HTML pages in the release. */
  readonly pages: number;
}

export interface LiveRelease {
  readonly state: 'live';
  readonly id: string;
  readonly dir: string;
  readonly pages: number;
  /** Whether its preview server was built from the site's current code (else one must be built). */
  readonly currentServer: boolean;
}

export interface IndexedRelease {
  readonly state: 'indexed';
  readonly id: string;
  /** The live release it replaced, now retired. */
  readonly replaced: string;
}

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
  const partial = store.partialDir(indexedId);
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

/** The operations the publisher strings together; each takes a release in one state and returns the next. */
export class ReleaseLifecycle {
  readonly store: ReleaseStore;
  readonly #siteRoot: string;

  constructor(store: ReleaseStore, siteRoot: string) {
    this.store = store;
    this.#siteRoot = siteRoot;
    store.cleanLeftovers();
  }

  /** A new release, not built yet. */
  begin({ withServer }: { withServer: boolean }): BuildingRelease {
    return { state: 'building', id: this.store.newId(), dir: this.store.stagingDir(), withServer };
  }

  /** Runs `build` into the release's emptied folder; rejects as `build` does. */
  async build(release: BuildingRelease, build: (outDir: string) => Promise<string>): Promise<BuiltRelease> {
    this.store.discard(release.dir);
    // Read before building, like the CMS's version: a release swapped in meanwhile (a rollback)
    // doesn't change where the server comes from.
    const codeVersion = siteCodeVersion(this.#siteRoot);
    const serverFrom = this.store.current()?.dir;
    const log = await build(release.dir);
    return { ...release, codeVersion, serverFrom, log };
  }

  /** Passes the built pages through the gate and completes them; throws with one line naming what is wrong. */
  check(release: BuiltRelease): CheckedRelease {
    const live = this.store.current()?.dir;
    const pages = validateRelease(release.dir, live);
    if (release.withServer) recordPreviewServer(release.dir, release.codeVersion);
    else carryOverPreviewServer(release.serverFrom, release.dir);
    carryOverSearchIndex(live, release.dir);
    return { state: 'checked', id: release.id, dir: release.dir, codeVersion: release.codeVersion, pages };
  }

  /** Serves the checked release, atomically. */
  goLive(release: CheckedRelease): LiveRelease {
    const dir = this.store.dirOf(release.id);
    renameSync(release.dir, dir);
    this.store.activate(release.id);
    return {
      state: 'live',
      id: release.id,
      dir,
      pages: release.pages,
      currentServer: hasPreviewServer(dir, release.codeVersion),
    };
  }

  /** Drops a release that will not go live; the live one stays. */
  abandon(release: BuildingRelease | CheckedRelease): void {
    this.store.discard(release.dir);
  }

  /**
   * Replaces the live release with an indexed copy of it. Undefined when another release went live
   * meanwhile: the copy is dropped. Throws with Pagefind's words, leaving the release live.
   */
  async index(release: LiveRelease): Promise<IndexedRelease | undefined> {
    const id = await indexLiveRelease(this.store, release.id);
    return id ? { state: 'indexed', id, replaced: release.id } : undefined;
  }
}
