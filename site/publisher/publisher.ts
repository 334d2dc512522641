import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildFailed, restoredPageCount } from './build-log.ts';
import { BuildQueue } from './build-queue.ts';
import { oneLine } from './errors.ts';
import { ReleaseLifecycle, type LiveRelease } from './release-lifecycle.ts';
import type { ReleaseStore } from './release-store.ts';
import type { PublicStatus, PublisherStatus, ShownOutcome } from '@clermontech/config/contract';
import type { BuildOutcome, StatusFile } from './status.ts';
import { WarmBuilder } from './warm-builder.ts';

export interface PublisherOptions {
  siteRoot: string;
  store: ReleaseStore;
  status: StatusFile;
  /** Environment of the build (CMS_URL, CMS_TOKEN…). */
  buildEnv: NodeJS.ProcessEnv;
  /** The CMS's content version, or undefined when the CMS can't say. */
  fetchVersion: () => Promise<string | undefined>;
  /** Values never written to logs or status (tokens). */
  secrets: string[];
  buildTimeoutMs?: number;
  /** See WarmBuilderOptions.maxRssBytes. */
  buildProcessMaxBytes?: number;
  /** Whether a new release may share the live release's unchanged files (#sharedRelease); default true. */
  shareReleaseFiles?: boolean;
  log?: (line: string) => void;
}

/** The status shapes are the publisher contract's (config/src/contract/publisher-api.ts), which the CMS's widget reads too. */
export type { PublicStatus, PublisherStatus };

export function publicStatus(status: PublisherStatus): PublicStatus {
  return {
    live: status.release !== null,
    liveSince: status.release?.liveSince ?? null,
    building: status.building !== null || status.queued,
  };
}

function shown(outcome: BuildOutcome | undefined): ShownOutcome | null {
  if (!outcome) return null;
  const { logFile: _private, ...rest } = outcome;
  return rest;
}

const KEPT_LOGS = 20;
/**
 * Changes during a build wait for a pause this long before their build starts (see BuildQueue):
 * builds take about as long as a burst of saves, and a burst of 20 edits in 2 s must not cost
 * more than 2 builds. A change while idle still starts a build at once.
 */
const FOLLOW_UP_QUIET_MS = 1_000;

/** Builds releases one at a time on request and records outcomes; a release's steps are the lifecycle's (release-lifecycle.ts). */
export class Publisher {
  readonly queue: BuildQueue;
  readonly #logsDir: string;
  #buildsStarted = 0;
  #forceNext = false;
  /**
   * Builds are static (the pages only, which is faster) and keep the live release's preview server
   * (preview-server.ts); this is set when that server is missing or was built from other code.
   */
  #serverBuildNext = false;
  /**
   * The release the last static build wrote (or its indexed copy), which Astro's static cache
   * describes exactly: the next static build shares its unchanged files. Unset at start, after a
   * build with the server (another cache) and after a failed build (the gate may have refused pages
   * Astro's cache now holds); a rollback makes another release live, which is then not this one.
   */
  #lastStaticRelease: string | undefined;
  #lastCheckAt: Date | undefined;
  readonly #builder: WarmBuilder;
  readonly #lifecycle: ReleaseLifecycle;
  private readonly options: PublisherOptions;

  constructor(options: PublisherOptions) {
    this.options = options;
    this.#builder = new WarmBuilder({
      siteRoot: options.siteRoot,
      // The build writes no search index: the pages go live without waiting for it (#indexSearch).
      env: options.buildEnv,
      timeoutMs: options.buildTimeoutMs ?? 15 * 60_000,
      maxRssBytes: options.buildProcessMaxBytes,
      log: options.log,
    });
    this.#builder.warmUp();
    this.queue = new BuildQueue(() => this.#build(), { quietMs: FOLLOW_UP_QUIET_MS });
    this.#logsDir = options.store.logsDir();
    mkdirSync(this.#logsDir, { recursive: true });
    this.#lifecycle = new ReleaseLifecycle(options.store, options.siteRoot);
  }

  /**
   * Something may have changed: build now, or once more after the running build. Unless `force`d
   * (the admin's "Republier" button), a build is skipped when the CMS's published content is exactly
   * what the current release was built from: saving a draft, or the second webhook of one click
   * (Strapi sends entry.update then entry.publish), costs a version check, not a build.
   */
  request(reason: string, { force = false } = {}): void {
    this.options.log?.(`publisher: change signalled (${reason})`);
    if (force) this.#forceNext = true;
    this.queue.request();
  }

  /** Rebuilds when the CMS's content differs from what the current release was built from. */
  async reconcile(): Promise<boolean> {
    const { runningSince, queued } = this.queue.state();
    if (runningSince || queued) return false;
    const version = await this.options.fetchVersion().catch(() => undefined);
    this.#lastCheckAt = new Date();
    const current = this.options.store.current();
    // An unreachable CMS is not a change: the next webhook or check will tell.
    if (current && (version === undefined || version === this.options.status.get().builtVersion)) return false;
    this.request(current ? `reconcile: CMS at version ${version ?? 'unknown'}` : 'no release yet');
    return true;
  }

  status(): PublisherStatus {
    const current = this.options.store.current();
    const { runningSince, queued } = this.queue.state();
    const { lastSuccess, lastFailure } = this.options.status.get();
    return {
      release: current ? { id: current.id, liveSince: this.options.store.liveSince()?.toISOString() } : null,
      building: runningSince ? { since: runningSince.toISOString() } : null,
      queued,
      lastSuccess: shown(lastSuccess),
      lastFailure: shown(lastFailure),
      buildsStarted: this.#buildsStarted,
      lastCheckAt: this.#lastCheckAt?.toISOString() ?? null,
    };
  }

  #redact(text: string): string {
    return this.options.secrets.filter(Boolean).reduce((result, secret) => result.split(secret).join('***'), text);
  }

  async #build(): Promise<void> {
    const { store, status } = this.options;
    const force = this.#forceNext || this.#serverBuildNext;
    this.#forceNext = false;
    // Read before building: a change made during the build moves the version past this one.
    const version = await this.options.fetchVersion().catch(() => undefined);
    if (!force && version !== undefined && version === status.get().builtVersion && store.current()) {
      this.options.log?.(`publisher: nothing published since release ${store.current()!.id}`);
      return;
    }
    const started = Date.now();
    this.#buildsStarted += 1;
    const withServer = this.#serverBuildNext;
    this.#serverBuildNext = false;
    const building = this.#lifecycle.begin({ withServer });
    this.options.log?.(`publisher: building release ${building.id}${withServer ? ' with the preview’s server' : ''}`);
    let live: LiveRelease;
    let restoredPages: number;
    try {
      const previousRelease = withServer ? undefined : this.#sharedRelease();
      const built = await this.#lifecycle.build(building, (outDir) =>
        this.#builder.build(outDir, { previewServer: withServer, previousRelease }),
      );
      restoredPages = restoredPageCount(built.log);
      live = this.#lifecycle.goLive(this.#lifecycle.check(built));
    } catch (error) {
      // Astro's cache may now describe pages the gate refused, not the live release's: the next
      // build copies from its cache rather than share files that may differ from it.
      this.#lastStaticRelease = undefined;
      try {
        this.#lifecycle.abandon(building);
      } catch {
        // Nothing was written there, or it can't be removed now: cleanLeftovers() will at start-up.
      }
      this.#recordFailure(building.id, Date.now() - started, error);
      throw error;
    }
    this.#lastStaticRelease = withServer ? undefined : live.id;
    const durationMs = Date.now() - started;
    status.update({
      lastSuccess: { at: new Date().toISOString(), durationMs, releaseId: live.id, pages: live.pages, restoredPages },
      builtVersion: version,
    });
    this.options.log?.(
      `publisher: release ${live.id} live (${live.pages} pages, ${restoredPages} of them unchanged and restored, ${durationMs} ms${withServer ? ', with the preview’s server' : ''})`,
    );
    if (!live.currentServer) {
      // The site's code changed since the live server was built (or there was none): pages first,
      // then, right away, a release with a server built from this code. Should that build fail, the
      // next publish goes live without a server and asks again: a broken preview never holds pages back.
      this.#serverBuildNext = true;
      this.queue.request();
    }
    await this.#indexSearch(live);
  }

  /** The live release's folder, when the next static build may share its files (see #lastStaticRelease). */
  #sharedRelease(): string | undefined {
    if (this.options.shareReleaseFiles === false) return undefined;
    const current = this.options.store.current();
    return current && current.id === this.#lastStaticRelease ? current.dir : undefined;
  }

  #recordFailure(id: string, durationMs: number, error: unknown): void {
    const logFile = join(this.#logsDir, `${id}.log`);
    const log = error instanceof BuildFailed ? error.log : String((error as Error)?.stack ?? error);
    try {
      writeFileSync(logFile, this.#redact(log));
      this.#pruneLogs();
    } catch (logError) {
      this.options.log?.(`publisher: could not write ${logFile}: ${(logError as Error).message}`);
    }
    const message = this.#redact(oneLine(error));
    this.options.status.update({ lastFailure: { at: new Date().toISOString(), durationMs, error: message, logFile } });
    this.options.log?.(`publisher: build ${id} failed: ${message} (log: ${logFile})`);
  }

  /**
   * Replaces the live release (new pages, the previous search index) with an indexed copy of it.
   * A failure leaves it live, its search one change behind, until the next build.
   */
  async #indexSearch(live: LiveRelease): Promise<void> {
    const { status } = this.options;
    const started = Date.now();
    try {
      const indexed = await this.#lifecycle.index(live);
      const searchIndexMs = Date.now() - started;
      if (!indexed) {
        this.options.log?.(
          `publisher: release ${live.id} was replaced while its search index was written; index dropped`,
        );
        return;
      }
      if (this.#lastStaticRelease === live.id) this.#lastStaticRelease = indexed.id;
      const lastSuccess = status.get().lastSuccess;
      if (lastSuccess?.releaseId === live.id)
        status.update({ lastSuccess: { ...lastSuccess, releaseId: indexed.id, searchIndexMs } });
      this.options.log?.(
        `publisher: release ${indexed.id} live: release ${live.id} with its search index (${searchIndexMs} ms)`,
      );
    } catch (error) {
      const message = `search index not updated: ${this.#redact(oneLine(error))}`;
      status.update({
        lastFailure: { at: new Date().toISOString(), durationMs: Date.now() - started, error: message },
      });
      this.options.log?.(`publisher: release ${live.id} stays live with the previous search index; ${message}`);
    }
  }

  #pruneLogs(): void {
    const logs = readdirSync(this.#logsDir).sort();
    for (const name of logs.slice(0, Math.max(0, logs.length - KEPT_LOGS)))
      rmSync(join(this.#logsDir, name), { force: true });
  }
}
