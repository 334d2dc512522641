import { randomBytes } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface Release {
  id: string;
  dir: string;
}

const CURRENT = 'current';
/** Suffix of a folder being put together: never served, and removed at start-up if a stop interrupted it. */
const PARTIAL = '.partial';
/**
 * Where every release is built, before it is renamed to its id. Always the same path: Astro's
 * incremental build hashes each page's code with the output directory in it, so a new path per
 * build would make every page look changed.
 */
const STAGING = `next${PARTIAL}`;
const LOGS = 'logs';
/** Suffix of a release being deleted: out of list()'s sight, and removed at start-up if a stop interrupted it. */
const REMOVING = '.removing';
const RELEASE_ID = /^\d{8}T\d{9}Z-\d{2}[0-9a-f]{4}$/;
let lastStamp = '';
let sequence = 0;

/**
 * Releases are immutable directories named by creation time; `current` is a symlink to one of them.
 * Switching is a rename of a fresh symlink over `current`: atomic, so a reader sees the old or the new
 * release, never a mix. Readers resolve the link once per request.
 */
export class ReleaseStore {
  readonly root: string;
  readonly keep: number;
  /** Deletions of dropped releases, still running (see #remove). */
  readonly #removals = new Set<Promise<void>>();

  constructor(root: string, keep = 5) {
    this.root = root;
    this.keep = keep;
    mkdirSync(root, { recursive: true });
  }

  /** A new unique release id; ids sort in creation order, even within one millisecond. */
  newId(): string {
    const stamp = new Date().toISOString().replace(/[-:.]/g, '');
    sequence = stamp === lastStamp ? sequence + 1 : 0;
    lastStamp = stamp;
    return `${stamp}-${String(sequence % 100).padStart(2, '0')}${randomBytes(2).toString('hex')}`;
  }

  dirOf(id: string): string {
    return join(this.root, id);
  }

  /** The directory a release is built in; see STAGING. */
  stagingDir(): string {
    return join(this.root, STAGING);
  }

  /** Where release `id` is put together before it is renamed to dirOf(id); removed by cleanLeftovers() if left behind. */
  partialDir(id: string): string {
    return join(this.root, `${id}${PARTIAL}`);
  }

  /** Where the logs of failed builds are kept. */
  logsDir(): string {
    return join(this.root, LOGS);
  }

  /** The release being served, or undefined before the first successful build. */
  current(): Release | undefined {
    try {
      const id = readlinkSync(join(this.root, CURRENT));
      return { id, dir: this.dirOf(id) };
    } catch {
      return undefined;
    }
  }

  /** Complete releases, oldest first. */
  list(): string[] {
    return readdirSync(this.root)
      .filter((name) => RELEASE_ID.test(name) && statSync(this.dirOf(name)).isDirectory())
      .sort();
  }

  /** When a release went live (its pointer's change time), if it is the current one. */
  liveSince(): Date | undefined {
    return lstatSync(join(this.root, CURRENT), { throwIfNoEntry: false })?.mtime;
  }

  /**
   * Points `current` at a complete release, atomically, then drops the releases beyond `keep`.
   * `replaces`: a release the new one supersedes (the same pages before their search index), removed
   * so a rollback never lands on it.
   */
  activate(id: string, { replaces }: { replaces?: string } = {}): void {
    if (!existsSync(this.dirOf(id))) throw new Error(`release ${id} does not exist`);
    const next = join(this.root, `${CURRENT}.${randomBytes(4).toString('hex')}`);
    symlinkSync(id, next);
    renameSync(next, join(this.root, CURRENT));
    if (replaces && replaces !== id) this.#remove(replaces);
    this.prune();
  }

  /** Resolves once the releases activate() dropped are deleted from the disk. */
  async removalsDone(): Promise<void> {
    await Promise.all(this.#removals);
  }

  /** Switches back to the release before the current one; returns it, or undefined when there is none. */
  rollback(): string | undefined {
    const releases = this.list();
    const current = this.current()?.id;
    const index = current ? releases.indexOf(current) : releases.length;
    const previous = index > 0 ? releases[index - 1] : undefined;
    if (previous) this.activate(previous);
    return previous;
  }

  /** Removes a partial or failed release directory. */
  discard(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  /** Removes what a killed build, swap or deletion left behind; only while no build runs (at start-up). */
  cleanLeftovers(): void {
    for (const name of readdirSync(this.root)) {
      if (name.endsWith(PARTIAL) || name.endsWith(REMOVING) || name.startsWith(`${CURRENT}.`))
        rmSync(join(this.root, name), { recursive: true, force: true });
    }
  }

  private prune(): void {
    const current = this.current()?.id;
    const releases = this.list();
    const excess = releases.slice(0, Math.max(0, releases.length - this.keep));
    for (const id of excess) if (id !== current) this.#remove(id);
  }

  /**
   * Drops a release: renamed at once, so list() and rollback() no longer see it, then deleted in the
   * background. A release is about a thousand files: deleting them synchronously right after the swap
   * would keep the server from answering with the new pages until it is done.
   */
  #remove(id: string): void {
    const doomed = `${this.dirOf(id)}${REMOVING}`;
    try {
      renameSync(this.dirOf(id), doomed);
    } catch {
      return; // Already gone.
    }
    // A failure leaves a `.removing` folder, which cleanLeftovers() deletes at the next start.
    const removal: Promise<void> = rm(doomed, { recursive: true, force: true })
      .catch(() => undefined)
      .finally(() => this.#removals.delete(removal));
    this.#removals.add(removal);
  }
}
