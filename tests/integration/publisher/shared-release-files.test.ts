import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublisherStatus } from '../../../site/publisher/publisher.ts';
import { publishChange } from '../../helpers/content.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';
import {
  changeAndWait as waitForRelease,
  differencesFromCleanBuild,
  publishedEntries,
  type PublishedEntry,
} from '../../helpers/release-changes.ts';

type Entry = PublishedEntry;

interface FileState {
  inode: number;
  sha256: string;
}

/** Every file of a release: its inode and a digest of its bytes. */
function snapshot(dir: string): Map<string, FileState> {
  const files = new Map<string, FileState>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), {
      inode: statSync(path).ino,
      sha256: createHash('sha256').update(readFileSync(path)).digest('hex'),
    });
  }
  return files;
}

/** Files whose bytes are not what `before` recorded, or which are gone. */
function changedSince(dir: string, before: Map<string, FileState>): string[] {
  const now = snapshot(dir);
  return [...before].filter(([path, state]) => now.get(path)?.sha256 !== state.sha256).map(([path]) => path);
}

/**
 * A publish links the live release's unchanged files into the new one instead of copying them
 * (site/src/integrations/shared-release-files.ts). The live release must never be written through
 * those links, whatever the change: a page rendered again, a page deleted, a file an integration
 * writes at the end (sitemap.xml), the feeds rendered at every build.
 */
describe('a new release shares the unchanged files of the live one and never writes into them', () => {
  let stack: Stack;
  let admin: string;

  const releaseDir = (status: PublisherStatus) =>
    join(stack.publisher.env.PUBLISHER_RELEASES_DIR!, status.lastSuccess!.releaseId!);
  const entries = (path: string) => publishedEntries(stack, path);
  const changeAndWait = (what: string, change: () => Promise<unknown>) => waitForRelease(stack, what, change);
  const retitle = (type: 'talk' | 'post', entry: Entry, title: string) =>
    changeAndWait(`${type} retitled`, () =>
      publishChange(stack.cms.url, admin, `api::${type}.${type}`, entry.documentId, { title }),
    );

  /** Each step: the release live before it, its files as they were, and the release after it. */
  const steps: { what: string; before: string; files: Map<string, FileState>; after: string }[] = [];
  const step = async (what: string, change: () => Promise<PublisherStatus>) => {
    const before = releaseDir(await stack.publisher.settled());
    const files = snapshot(before);
    steps.push({ what, before, files, after: releaseDir(await change()) });
  };

  let talk: Entry;
  let post: Entry;
  let unpublishedTalk: Entry;
  let differences: string[];

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.cms.adminToken();
    const talks = await entries('talks');
    [talk, unpublishedTalk] = [talks[0]!, talks.at(-1)!];
    post = (await entries('posts'))[0]!;
    // The publisher's first releases (cold, then one with the preview's server) come from other
    // caches: the first edit's release is the first one the next can share files with.
    await retitle('talk', talk, 'Un titre pour commencer');

    await step('a talk retitled', () => retitle('talk', talk, 'Un titre corrigé'));
    await step('a post retitled', () => retitle('post', post, 'Un billet retitré'));
    await step('a talk unpublished', () =>
      changeAndWait('a talk unpublished', async () => {
        const response = await stack.cms.fetch(
          `/content-manager/collection-types/api::talk.talk/${unpublishedTalk.documentId}/actions/unpublish`,
          {
            method: 'POST',
            body: '{}',
            headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          },
        );
        if (!response.ok) throw new Error(`unpublish: ${response.status} ${await response.text()}`);
      }),
    );

    // Back to the release before the unpublishing, which Astro's cache no longer describes (its
    // pages of the talk's event, speakers and lists are older): the next release must not share
    // its files, or those pages would be served stale.
    const rolledBack = stack.publisher.rollback();
    if (rolledBack.status !== 0) throw new Error(`rollback: ${rolledBack.output}`);
    await retitle('talk', talk, 'Un titre après le retour arrière');

    ({ differences } = await differencesFromCleanBuild(stack));
  }, 900_000);

  afterAll(async () => {
    await stack?.destroy();
  });

  it('leaves every file of the previous release as it was, whatever the change', () => {
    expect(steps.map(({ what }) => what)).toEqual(['a talk retitled', 'a post retitled', 'a talk unpublished']);
    for (const { what, before, files } of steps) {
      expect(files.size, what).toBeGreaterThan(50);
      expect(changedSince(before, files), what).toEqual([]);
    }
  });

  it('shares the unchanged pages’ files with the previous release, and writes the changed ones anew', () => {
    const pagesUnder = (files: Map<string, FileState>, section: string) =>
      [...files.keys()].filter((path) => path.startsWith(`${section}/`) && path.endsWith('/index.html'));
    const sharedWith = (before: Map<string, FileState>, after: Map<string, FileState>, paths: string[]) =>
      paths.filter((path) => after.get(path)?.inode === before.get(path)?.inode);
    const [talkStep, postStep, unpublishStep] = steps.map((step) => ({ ...step, now: snapshot(step.after) }));

    // A talk's title shows on no post's page, and a post's on no talk's page: those are shared.
    const posts = pagesUnder(talkStep!.files, 'blog');
    expect(posts.length).toBeGreaterThan(1);
    expect(sharedWith(talkStep!.files, talkStep!.now, posts)).toEqual(posts);
    // Each talk's own page (the list of talks is rendered at every build).
    const talks = pagesUnder(postStep!.files, 'talks').filter((path) => /^talks\/[^/]+\/index\.html$/.test(path));
    expect(talks.length).toBeGreaterThan(3);
    expect(sharedWith(postStep!.files, postStep!.now, talks)).toEqual(talks);

    // The changed page is a file of its own, with the new title.
    const talkPage = `talks/${talk.slug}/index.html`;
    expect(talkStep!.now.get(talkPage)?.inode).not.toBe(talkStep!.files.get(talkPage)?.inode);
    expect(readFileSync(join(talkStep!.after, talkPage), 'utf8')).toContain('Un titre corrigé');
    const postPage = `blog/${post.slug}/index.html`;
    expect(postStep!.now.get(postPage)?.inode).not.toBe(postStep!.files.get(postPage)?.inode);
    expect(readFileSync(join(postStep!.after, postPage), 'utf8')).toContain('Un billet retitré');

    // Pages rendered at every build (home, feeds) and the sitemap, written at the end, get files of their own.
    for (const { what, files, now } of [talkStep!, postStep!, unpublishStep!])
      for (const path of ['index.html', 'atom.xml', 'sitemap.xml'])
        expect(now.get(path)?.inode, `${what}: ${path}`).not.toBe(files.get(path)?.inode);
  });

  it('drops the page of an unpublished talk instead of keeping the shared file', () => {
    const { before, after } = steps[2]!;
    const page = `talks/${unpublishedTalk.slug}/index.html`;
    expect(statSync(join(before, page)).isFile()).toBe(true);
    expect(() => statSync(join(after, page))).toThrow(/ENOENT/);
  });

  it('serves, after these changes and a rollback, every file of a clean build of the same content, byte for byte', () => {
    expect(differences).toEqual([]);
  });
});
