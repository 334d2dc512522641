import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublisherStatus } from '../../../site/publisher/publisher.ts';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { isSettled, startStack, type Stack } from '../../helpers/publisher.ts';
import { buildSite } from '../../helpers/site.ts';

const SPEAKER = 'api::speaker.speaker';
const TALK = 'api::talk.talk';
const OLD_NAME = 'Camille Roche';
const NEW_NAME = 'Camille Auzon';
/** Every page that shows Camille Roche in the demo content: her page, her two talks, their events, the lists. */
const SHOWING_HER = [
  '/speakers/camille-roche/',
  '/talks/files-de-messages-sans-douleur/',
  '/talks/decider-a-plusieurs/',
  '/api-hours/api-hour-73/',
  '/api-hours/api-hour-72/',
  '/speakers/',
  '/talks/',
];
const DROPPED_TALK = { slug: 'un-site-web-de-14-ko', title: 'Un site web de 14 Ko' };

/** HTML files of a built site, by path (the preview server code in _server/ is not the site). */
function htmlFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path);
    if (entry.isFile() && name.endsWith('.html') && !name.startsWith('_server/'))
      files.set(name, readFileSync(path, 'utf8'));
  }
  return files;
}

const fileOf = (urlPath: string) => `${urlPath.slice(1)}index.html`;

describe('incremental publishing: after one edit, only what shows it is rendered again', () => {
  let stack: Stack;
  const releaseDir = (status: PublisherStatus) => join(stack.publisher.env.PUBLISHER_RELEASES_DIR!, status.release!.id);
  const page = async (path: string) => {
    const response = await stack.publisher.get(path);
    return { status: response.status, text: await response.text() };
  };
  /** Publishes a change and waits until a release built after it is live. */
  const publishAndWait = async (change: () => Promise<unknown>) => {
    const before = await stack.publisher.settled();
    await change();
    return stack.publisher.waitForStatus(
      'a release built after the change',
      (status) => status.lastSuccess?.releaseId !== before.lastSuccess?.releaseId && isSettled(status),
    );
  };

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  describe('renaming a speaker', () => {
    let before: Map<string, string>;
    let after: Map<string, string>;
    let status: PublisherStatus;
    /** The pages of the first release that showed her name. */
    let showing: string[];

    beforeAll(async () => {
      before = htmlFiles(releaseDir(await stack.publisher.settled()));
      showing = [...before].filter(([, html]) => html.includes(OLD_NAME)).map(([path]) => path);
      const speaker = await findBySlug(stack.cms.url, 'speakers', 'camille-roche');
      status = await publishAndWait(async () =>
        publishChange(stack.cms.url, await stack.cms.adminToken(), SPEAKER, speaker.documentId, { name: NEW_NAME }),
      );
      after = htmlFiles(releaseDir(status));
    });

    // Entry pages carry a cache key (site/src/lib/cache-keys.ts); pages such as the home page or the
    // answer pages of the forms have none and are always rendered, so they are not counted here.
    it('restores the unchanged entry pages instead of rendering them', () => {
      const entryPage = /^(talks|speakers|blog|api-hours|evenements)\/[^/]*[^/0-9][^/]*\/index\.html$/;
      const unchangedEntryPages = [...before.keys()].filter((path) => entryPage.test(path) && !showing.includes(path));
      expect(unchangedEntryPages.length).toBeGreaterThan(5);
      expect(status.lastSuccess?.restoredPages).toBeGreaterThanOrEqual(unchangedEntryPages.length);
    });

    it.each(SHOWING_HER)('shows the new name on %s, never the old one', async (path) => {
      expect(showing).toContain(fileOf(path));
      const { status: code, text } = await page(path);
      expect(code).toBe(200);
      expect(text).toContain(NEW_NAME);
      expect(text).not.toContain(OLD_NAME);
    });

    it('shows the new name wherever the old one was, and keeps every other page byte for byte', () => {
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      const stale = showing.filter(
        (path) => !after.get(path)!.includes(NEW_NAME) || after.get(path)!.includes(OLD_NAME),
      );
      expect(stale).toEqual([]);
      const others = [...before.keys()].filter((path) => !showing.includes(path));
      expect(others.length).toBeGreaterThan(10);
      expect(others.filter((path) => after.get(path) !== before.get(path))).toEqual([]);
    });

    it('gives the same pages as a clean build of the same content', async () => {
      const clean = await buildSite({
        CMS_URL: stack.cms.url,
        SITE_URL: stack.publisher.env.SITE_URL!,
        CMS_TOKEN: stack.cms.env.CMS_TOKEN!,
      });
      try {
        expect(clean.exitCode, clean.output.slice(-2000)).toBe(0);
        const expected = htmlFiles(clean.outDir);
        expect([...after.keys()].sort()).toEqual([...expected.keys()].sort());
        expect([...expected.keys()].filter((path) => after.get(path) !== expected.get(path))).toEqual([]);
      } finally {
        rmSync(clean.outDir, { recursive: true, force: true });
        rmSync(`${clean.outDir}.cache`, { recursive: true, force: true });
      }
    }, 180_000);
  });

  describe('unpublishing a talk', () => {
    beforeAll(async () => {
      const talk = await findBySlug(stack.cms.url, 'talks', DROPPED_TALK.slug);
      await publishAndWait(async () => {
        const response = await fetch(
          `${stack.cms.url}/content-manager/collection-types/${TALK}/${talk.documentId}/actions/unpublish`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${await stack.cms.adminToken()}`, 'content-type': 'application/json' },
            body: '{}',
          },
        );
        if (!response.ok) throw new Error(`unpublish: ${response.status} ${await response.text()}`);
      });
    });

    it('removes its page', async () => {
      expect((await page(`/talks/${DROPPED_TALK.slug}/`)).status).toBe(404);
    });

    it.each(['/talks/', '/api-hours/api-hour-73/', '/speakers/yanis-morel/', '/sitemap.xml'])(
      'no longer lists it on %s',
      async (path) => {
        const { status: code, text } = await page(path);
        expect(code).toBe(200);
        expect(text).not.toContain(DROPPED_TALK.title);
        expect(text).not.toContain(`/talks/${DROPPED_TALK.slug}/`);
      },
    );
  });
});
