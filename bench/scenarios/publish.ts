import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { siteCodeVersion } from '../../site/publisher/preview-server.ts';
import { repoRoot } from '../../tests/helpers/cms.ts';
import { publishChange, type ListResponse } from '../../tests/helpers/content.ts';
import { startPublisher, type RunningPublisher } from '../../tests/helpers/publisher.ts';
import { differencesFromCleanBuild } from '../../tests/helpers/release-changes.ts';
import type { Corpus } from '../corpus/load.ts';
import { median, summarize, type Summary } from '../stats.ts';
import { stopOnExit } from '../tools/cleanup.ts';

/** Where one edit's time went, in seconds. */
export interface EditTimeline {
  /** The admin's publish request, until the CMS answered. */
  publish: number;
  /** CMS answered → the publisher started the build that made it live: webhook delivery, version check, and waiting for a running build. */
  webhookAndQueue: number;
  /** That build, as the publisher times it: `astro build` (without the search index), the release gate, the swap. */
  build: number;
  /** The swap → the new title served (the bench polls every 50 ms). */
  swapToServed: number;
  total: number;
  /** After the new title is live: Pagefind indexing the release and the indexed copy's swap (not in `total`). */
  searchIndexAfter: number;
}

export interface PublishResult {
  /** Seconds from clicking Publish to the new title served, one edit at a time. */
  single: Summary;
  /** Medians of each part of the single edits. */
  timeline: EditTimeline;
  burst: {
    edits: number;
    /** First publish → every edited page served with its new title. */
    seconds: number;
    /** The last edit's publish answered → every edited page served with its new title. */
    afterLastEdit: number;
    /** Releases that went live from the last edit until the final state was served. */
    buildsAfterLastEdit: number;
    /** Builds the publisher started for the whole burst (skipped ones not counted). */
    buildsStarted: number;
  };
  /**
   * The publisher's start → its first release live: a cold build of the pages (a fresh releases
   * directory and Astro cache); the release with the preview's server that follows is not counted.
   */
  firstReleaseSeconds: number;
  /**
   * After every edit above: the files where the live release differs from a clean build of the
   * same content (site/publisher/release-diff.ts). Empty when the incremental path was exact.
   */
  differencesFromCleanBuild: string[];
  /** The site's code changed during the run (someone edited site/): the releases and the clean build are not comparable. */
  codeChanged: boolean;
  /** Whether new releases shared the live release's unchanged files (PUBLISHER_SHARE_RELEASE_FILES). */
  sharedFiles: boolean;
  /** The releases kept at the end and the disk they take, each file counted once however many releases link it. */
  releasesOnDisk: { releases: number; mebibytes: number };
}

interface Talk {
  documentId: string;
  slug: string;
}

async function talks(corpus: Corpus, count: number): Promise<Talk[]> {
  const response = await corpus.cms.fetch(`/api/talks?pagination[pageSize]=${count}&sort[0]=id:asc&fields[0]=slug`, {
    headers: { authorization: `Bearer ${corpus.cms.env.CMS_TOKEN}` },
  });
  return ((await response.json()) as ListResponse<Talk>).data;
}

/** Resolves once every page shows its expected text; returns when that was seen. */
async function servedAll(
  publisher: RunningPublisher,
  pages: [path: string, text: string][],
  timeoutMs = 600_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let waiting = pages;
  while (Date.now() < deadline) {
    const still: typeof waiting = [];
    for (const page of waiting) {
      const body = await (await publisher.get(page[0])).text();
      if (!body.includes(page[1])) still.push(page);
    }
    if (still.length === 0) return Date.now();
    waiting = still;
    await delay(50);
  }
  throw new Error(
    `not live after ${timeoutMs} ms: ${waiting.map(([path]) => path).join(', ')}\n${publisher.output().slice(-2000)}`,
  );
}

/** A title without characters HTML would escape, unique per run, so the page shows it verbatim. */
const newTitle = (label: string) => `Titre corrigé ${label} ${Math.random().toString(36).slice(2, 8)}`;

async function singleEdit(
  corpus: Corpus,
  publisher: RunningPublisher,
  admin: string,
  talk: Talk,
  index: number,
): Promise<EditTimeline> {
  await publisher.settled(600_000);
  const title = newTitle(`édition ${index}`);
  const clicked = Date.now();
  await publishChange(corpus.cms.url, admin, 'api::talk.talk', talk.documentId, { title });
  const answered = Date.now();
  const served = await servedAll(publisher, [[`/talks/${talk.slug}/`, title]]);
  // The search index is written once the page is live: wait for it, so the next edit starts from rest.
  const { lastSuccess } = await publisher.settled(600_000);
  if (!lastSuccess) throw new Error('the publisher reports no successful build');
  if (lastSuccess.searchIndexMs === undefined)
    throw new Error(
      `the publisher wrote no search index for release ${lastSuccess.releaseId}:\n${publisher.output().slice(-2000)}`,
    );
  const swapped = Date.parse(lastSuccess.at);
  const buildStarted = swapped - lastSuccess.durationMs;
  return {
    publish: (answered - clicked) / 1000,
    webhookAndQueue: (buildStarted - answered) / 1000,
    build: lastSuccess.durationMs / 1000,
    swapToServed: (served - swapped) / 1000,
    total: (served - clicked) / 1000,
    searchIndexAfter: lastSuccess.searchIndexMs / 1000,
  };
}

async function burst(
  corpus: Corpus,
  publisher: RunningPublisher,
  admin: string,
  edited: Talk[],
): Promise<PublishResult['burst']> {
  await publisher.settled(600_000);
  const before = await publisher.status();
  const started = Date.now();
  const expected: [string, string][] = [];
  for (const [index, talk] of edited.entries()) {
    const title = newTitle(`rafale ${index + 1}`);
    await publishChange(corpus.cms.url, admin, 'api::talk.talk', talk.documentId, { title });
    expected.push([`/talks/${talk.slug}/`, title]);
  }
  const lastEdit = Date.now();
  // Count the builds that go live from now until the last page shows its title. A build is known by
  // when its pages went live: its search index then comes as a second release of the same build.
  const builds = new Set<string>();
  const liveBuild = async () => (await publisher.status()).lastSuccess?.at;
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const build = await liveBuild();
      if (build) builds.add(build);
      await delay(50);
    }
  })();
  const current = await liveBuild();
  const served = await servedAll(publisher, expected);
  watching = false;
  await watcher;
  const live = await liveBuild();
  if (live) builds.add(live);
  if (current) builds.delete(current);
  const after = await publisher.settled(600_000);
  return {
    edits: edited.length,
    seconds: (served - started) / 1000,
    afterLastEdit: (served - lastEdit) / 1000,
    // The build live when the last edit was answered may already hold it, if it read the CMS after.
    buildsAfterLastEdit: Math.max(1, builds.size),
    buildsStarted: after.buildsStarted - before.buildsStarted,
  };
}

const siteRoot = join(repoRoot, 'site');

/** The releases in `dir` and the bytes their files take on disk, a file linked from several releases counted once. */
function releasesOnDisk(dir: string): PublishResult['releasesOnDisk'] {
  const releases = readdirSync(dir).filter((name) => /^\d{8}T/.test(name));
  const seen = new Set<string>();
  let bytes = 0;
  for (const release of releases)
    for (const entry of readdirSync(join(dir, release), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const stats = statSync(join(entry.parentPath, entry.name), { bigint: true });
      const inode = `${stats.dev}:${stats.ino}`;
      if (seen.has(inode)) continue;
      seen.add(inode);
      bytes += Number(stats.blocks) * 512;
    }
  return { releases: releases.length, mebibytes: Math.round(bytes / 2 ** 20) };
}

/**
 * Publish-to-live through the real publisher (CMS webhook → build → swap): `edits` single edits of a
 * talk's title, each waited for, then a burst of `burstSize` edits of different talks back to back.
 */
export async function benchPublish(
  corpus: Corpus,
  { edits, burstSize, shareFiles }: { edits: number; burstSize: number; shareFiles: boolean },
): Promise<PublishResult> {
  const started = Date.now();
  const codeVersion = siteCodeVersion(siteRoot);
  const publisher = await startPublisher(
    corpus.cms,
    corpus.sitePort,
    { PUBLISHER_SHARE_RELEASE_FILES: String(shareFiles) },
    { settle: false },
  );
  const forget = stopOnExit(() => publisher.stop());
  try {
    const firstReleaseSeconds = (Date.now() - started) / 1000;
    // The release with the preview's server, built right after, is not part of any figure.
    await publisher.settled(600_000);
    const admin = await corpus.cms.adminToken();
    const available = await talks(corpus, Math.max(burstSize, 1) + 1);
    const [single, ...others] = available;
    if (!single) throw new Error(`the ${corpus.name} corpus has no talk to edit`);
    const timelines: EditTimeline[] = [];
    for (let index = 1; index <= edits; index++)
      timelines.push(await singleEdit(corpus, publisher, admin, single, index));
    const part = (key: keyof EditTimeline) => median(timelines.map((timeline) => timeline[key]));
    const burstResult = await burst(corpus, publisher, admin, others.slice(0, burstSize));
    return {
      single: summarize(timelines.map(({ total }) => total)),
      timeline: {
        publish: part('publish'),
        webhookAndQueue: part('webhookAndQueue'),
        build: part('build'),
        swapToServed: part('swapToServed'),
        total: part('total'),
        searchIndexAfter: part('searchIndexAfter'),
      },
      burst: burstResult,
      firstReleaseSeconds,
      differencesFromCleanBuild: (await differencesFromCleanBuild({ cms: corpus.cms, publisher }, 600_000)).differences,
      codeChanged: siteCodeVersion(siteRoot) !== codeVersion,
      sharedFiles: shareFiles,
      releasesOnDisk: releasesOnDisk(publisher.env.PUBLISHER_RELEASES_DIR!),
    };
  } finally {
    forget();
    await publisher.stop();
  }
}
