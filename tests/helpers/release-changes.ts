import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PublisherStatus } from '@clermontech/config';
import { siteDifferences, siteFiles } from '../../site/publisher/release-diff.ts';
import type { ListResponse } from './content.ts';
import { isSettled, type Stack } from './publisher.ts';
import { buildSite } from './site.ts';

/** A published entry as the public API lists it. */
export type PublishedEntry = { documentId: string; slug: string } & Record<string, unknown>;

/** The first hundred published entries of a collection, oldest first. */
export async function publishedEntries(stack: Stack, path: string): Promise<PublishedEntry[]> {
  const response = await stack.cms.fetch(`/api/${path}?pagination[pageSize]=100&sort[0]=id:asc`, {
    headers: { authorization: `Bearer ${stack.cms.env.CMS_TOKEN}` },
  });
  return ((await response.json()) as ListResponse<PublishedEntry>).data;
}

/** Makes a change and waits until a release built after it is live and indexed; returns the status then. */
export async function changeAndWait(
  stack: Stack,
  what: string,
  change: () => Promise<unknown>,
): Promise<PublisherStatus> {
  const before = await stack.publisher.settled();
  await change();
  return stack.publisher.waitForStatus(
    `a release built after: ${what}`,
    (status) =>
      status.lastSuccess?.at !== before.lastSuccess?.at &&
      status.lastSuccess?.searchIndexMs !== undefined &&
      isSettled(status),
    180_000,
  );
}

/**
 * Builds the site as an operator does (`npm run site:build`, NODE_ENV=production whatever the test
 * runner runs with) from the CMS, and compares it with the publisher's live release: the files of the
 * clean build, and where the two differ (site/publisher/release-diff.ts). The tests and the bench use it.
 */
export async function differencesFromCleanBuild(
  { cms, publisher }: Pick<Stack, 'cms' | 'publisher'>,
  settleTimeoutMs?: number,
): Promise<{ cleanFiles: number; differences: string[] }> {
  const { release } = await publisher.settled(settleTimeoutMs);
  if (!release) throw new Error('the publisher has no live release');
  const build = await buildSite({
    CMS_URL: cms.url,
    SITE_URL: publisher.env.SITE_URL!,
    CMS_TOKEN: cms.env.CMS_TOKEN!,
    NODE_ENV: 'production',
  });
  try {
    if (build.exitCode !== 0) throw new Error(`the clean build failed:\n${build.output.slice(-2000)}`);
    const live = join(publisher.env.PUBLISHER_RELEASES_DIR!, release.id);
    return { cleanFiles: siteFiles(build.outDir).size, differences: siteDifferences(live, build.outDir) };
  } finally {
    rmSync(build.outDir, { recursive: true, force: true });
    rmSync(`${build.outDir}.cache`, { recursive: true, force: true });
  }
}
