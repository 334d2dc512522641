import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishChange, type ListResponse } from '../../tests/helpers/content.ts';
import type { Corpus } from '../corpus/load.ts';
import { median, summarize, type Summary } from '../stats.ts';
import { astroBuild, type BuildPhases, type BuildRun } from '../tools/astro-build.ts';
import { startCountingProxy } from '../tools/counting-proxy.ts';

export const BUILD_KINDS = ['coldNoImages', 'cold', 'warm', 'change'] as const;
export type BuildKind = (typeof BUILD_KINDS)[number];

export interface BuildFigures {
  /** HTML files written (legacy redirects included). */
  pages: number;
  /** Routes Astro generated. */
  astroPages: number;
  /** Of those, the ones restored from the incremental build's cache (median). */
  restoredPages: number;
  seconds: Summary;
  pagesPerSecond: Summary;
  peakRssMiB: Summary;
  /** The highest peak's split by command, in MiB. */
  peakRssByProcessMiB: Record<string, number>;
  /** REST requests to the CMS per build. */
  cmsRequests: Summary;
  /** Media downloads from the CMS per build. */
  mediaRequests: Summary;
  /** Median ms per phase. */
  phases: BuildPhases;
}

export interface BuildResult {
  /** Astro's and Vite's caches deleted, and the encoded images kept across builds too: every image is encoded. */
  coldNoImages: BuildFigures;
  /** Astro's and Vite's caches deleted; the encoded images kept across builds stay (images are not encoded again). */
  cold: BuildFigures;
  /** Again, nothing changed. */
  warm: BuildFigures;
  /** After one talk's title was published. */
  change: BuildFigures;
  /** Median cold time over median one-change time. */
  coldOverChange: number;
  /** The REST paths of one build, in order: what the API scenario replays. */
  apiPaths: string[];
  /** The last build's output directory (kept for the page-weight scenario; the caller removes it). */
  outDir: string;
}

interface Measured {
  run: BuildRun;
  api: number;
  media: number;
}

/** How the highest peak was split between commands, in MiB. */
function peakSplit(measured: Measured[]): Record<string, number> {
  const highest = measured.reduce((a, b) => (b.run.peakRssBytes > a.run.peakRssBytes ? b : a));
  return Object.fromEntries(
    Object.entries(highest.run.peakRssByProcess).map(([name, bytes]) => [name, Math.round(bytes / 2 ** 20)]),
  );
}

function figures(measured: Measured[]): BuildFigures {
  const phases = Object.fromEntries(
    Object.keys(measured[0]!.run.phases).map((phase) => [
      phase,
      Math.round(median(measured.map(({ run }) => run.phases[phase as keyof BuildPhases]))),
    ]),
  ) as unknown as BuildPhases;
  return {
    pages: measured.at(-1)!.run.htmlFiles,
    astroPages: measured.at(-1)!.run.astroPages,
    restoredPages: Math.round(median(measured.map(({ run }) => run.restoredPages))),
    seconds: summarize(measured.map(({ run }) => run.durationMs / 1000)),
    pagesPerSecond: summarize(measured.map(({ run }) => run.htmlFiles / (run.durationMs / 1000))),
    peakRssMiB: summarize(measured.map(({ run }) => run.peakRssBytes / 2 ** 20)),
    peakRssByProcessMiB: peakSplit(measured),
    cmsRequests: summarize(measured.map(({ api }) => api)),
    mediaRequests: summarize(measured.map(({ media }) => media)),
    phases,
  };
}

/** A published talk: the entry a volunteer corrects. */
async function someTalk(corpus: Corpus): Promise<{ documentId: string; title: string }> {
  const response = await corpus.cms.fetch('/api/talks?pagination[pageSize]=1&sort[0]=id:asc', {
    headers: { authorization: `Bearer ${corpus.cms.env.CMS_TOKEN}` },
  });
  const talk = ((await response.json()) as ListResponse<{ title: string }>).data[0];
  if (!talk) throw new Error(`the ${corpus.name} corpus has no talk to change`);
  return talk;
}

/**
 * One cold build through a counting proxy, when the build scenario doesn't run but the API and page
 * weight scenarios need what a build gives: the loader's requests and a built site.
 */
export async function buildForOtherScenarios(
  corpus: Corpus,
  siteUrl: string,
): Promise<Pick<BuildResult, 'apiPaths' | 'outDir'>> {
  const proxy = await startCountingProxy(corpus.cms.url);
  const cacheDir = mkdtempSync(join(tmpdir(), 'clermontech-bench-cache-'));
  const outDir = mkdtempSync(join(tmpdir(), 'clermontech-bench-site-'));
  try {
    await astroBuild({ env: { ...corpus.cms.env, CMS_URL: proxy.url, SITE_URL: siteUrl }, outDir, cacheDir });
    return { apiPaths: proxy.take().apiPaths, outDir };
  } finally {
    await proxy.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The real site build against the corpus's CMS, through a counting proxy: cold without the encoded
 * images (the bench's Astro and Vite caches and its image cache deleted), cold (Astro's and Vite's
 * caches deleted, the images kept), warm (again, nothing changed), then after one talk's title was
 * published. `runs` rounds of the four, in that order.
 */
export async function benchBuild(
  corpus: Corpus,
  { runs, siteUrl }: { runs: number; siteUrl: string },
): Promise<BuildResult> {
  const proxy = await startCountingProxy(corpus.cms.url);
  const cacheDir = mkdtempSync(join(tmpdir(), 'clermontech-bench-cache-'));
  const imageCacheDir = mkdtempSync(join(tmpdir(), 'clermontech-bench-images-'));
  const talk = await someTalk(corpus);
  const admin = await corpus.cms.adminToken();
  const measured: Record<BuildKind, Measured[]> = { coldNoImages: [], cold: [], warm: [], change: [] };
  // Every build writes to the same path, emptied first, as the publisher does (its staging
  // directory): Astro's incremental build hashes each page's code with the output path in it.
  const outDir = mkdtempSync(join(tmpdir(), 'clermontech-bench-site-'));
  let apiPaths: string[] = [];
  const build = async (kind: BuildKind) => {
    rmSync(outDir, { recursive: true, force: true });
    proxy.take();
    const run = await astroBuild({
      env: { ...corpus.cms.env, CMS_URL: proxy.url, SITE_URL: siteUrl, BENCH_IMAGE_CACHE_DIR: imageCacheDir },
      outDir,
      cacheDir,
    });
    const taken = proxy.take();
    apiPaths = taken.apiPaths;
    measured[kind].push({ run, api: taken.counts.api, media: taken.counts.media });
  };
  try {
    for (let round = 1; round <= runs; round++) {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(imageCacheDir, { recursive: true, force: true });
      await build('coldNoImages');
      rmSync(cacheDir, { recursive: true, force: true });
      await build('cold');
      await build('warm');
      await publishChange(corpus.cms.url, admin, 'api::talk.talk', talk.documentId, {
        title: `${talk.title} (corrigé ${round})`,
      });
      await build('change');
    }
  } finally {
    await proxy.close();
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(imageCacheDir, { recursive: true, force: true });
  }
  const result = {
    coldNoImages: figures(measured.coldNoImages),
    cold: figures(measured.cold),
    warm: figures(measured.warm),
    change: figures(measured.change),
  };
  return { ...result, coldOverChange: result.cold.seconds.median / result.change.seconds.median, apiPaths, outDir };
}
