import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../helpers/cms.ts';
import { findBySlug, publishChange } from '../helpers/content.ts';
import { buildSite, type SiteBuild } from '../helpers/site.ts';

const SITE_URL = 'https://www.clermontech.org';

/** One page of each kind that has a card, with where its card is served. */
const PAGES = [
  ['event', 'api-hours/api-hour-73/index.html', '/og/evenements/api-hour-73.png'],
  ['talk', 'talks/files-de-messages-sans-douleur/index.html', '/og/talks/files-de-messages-sans-douleur.png'],
  ['post', 'blog/bienvenue-sur-le-nouveau-site/index.html', '/og/blog/bienvenue-sur-le-nouveau-site.png'],
] as const;

/** How the build treated a path: drawn again (`rendered`), or taken from the incremental cache. */
function fate(build: SiteBuild, path: string): 'rendered' | 'restored' | 'absent' {
  const line = build.output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .find((text) => text.includes(`${path.slice(1)} `) || text.endsWith(path.slice(1)));
  if (!line) return 'absent';
  return / \((restored|cached)\)$/.test(line) ? 'restored' : 'rendered';
}

/**
 * Events, talks and posts get a social card (1200×630 PNG) drawn at build time, named by their
 * pages' og:image; a build where a card's fields did not change keeps it without drawing it again.
 */
describe('social cards', () => {
  let cms: RunningCms;
  let work: string;
  let first: SiteBuild;
  let second: SiteBuild;
  const build = async (name: string) => {
    const result = await buildSite({ ...cms.env, SITE_URL, SITE_CACHE_DIR: join(work, 'cache') }, join(work, name));
    if (result.exitCode !== 0) throw new Error(`site build failed:\n${result.output.slice(-4000)}`);
    return result;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clermontech-cards-'));
    cms = await startCms();
    first = await build('first');
    second = await build('second');
  });
  afterAll(async () => {
    await cms?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each(PAGES)('the %s page names its card, a 1200×630 PNG in the brand’s colours', async (_kind, page, card) => {
    const html = readFileSync(join(first.outDir, page), 'utf8');
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toBeDefined();
    const url = new URL(image!);
    expect(url.origin + url.pathname).toBe(SITE_URL + card);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"');
    expect(html).toContain(`<meta name="twitter:image" content="${image}"`);
    expect(html).toContain('<meta property="og:image:width" content="1200"');
    const png = sharp(readFileSync(join(first.outDir, card)));
    expect(await png.metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    // The dark teal band behind the title, the blue stripe along the top.
    const { data } = await png.clone().removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 1200 + x) * 3, (y * 1200 + x) * 3 + 3)];
    // The palette PNG may move a channel by a step or two.
    const near = (actual: number[], expected: number[]) =>
      actual.every((value, index) => Math.abs(value - expected[index]!) <= 2);
    expect(pixel(1190, 620), 'background').toSatisfy((rgb: number[]) => near(rgb, [0x05, 0x29, 0x2c]));
    expect(pixel(600, 5), 'top stripe').toSatisfy((rgb: number[]) => near(rgb, [0x2b, 0xa6, 0xcb]));
  });

  it('draws every card of the first build, and none of a build where nothing changed', () => {
    for (const [, , card] of PAGES) {
      expect(fate(first, card), card).toBe('rendered');
      expect(fate(second, card), card).toBe('restored');
      expect(readFileSync(join(second.outDir, card)).equals(readFileSync(join(first.outDir, card))), card).toBe(true);
    }
  });

  it('draws again only the card whose talk was retitled', async () => {
    const talk = await findBySlug(cms.url, 'talks', 'files-de-messages-sans-douleur');
    await publishChange(cms.url, await cms.adminToken(), 'api::talk.talk', talk.documentId, {
      title: 'Des files de messages, enfin sans douleur',
    });
    const third = await build('third');
    expect(fate(third, '/og/talks/files-de-messages-sans-douleur.png')).toBe('rendered');
    expect(fate(third, '/og/blog/bienvenue-sur-le-nouveau-site.png')).toBe('restored');
    const card = '/og/talks/files-de-messages-sans-douleur.png';
    expect(readFileSync(join(third.outDir, card)).equals(readFileSync(join(first.outDir, card)))).toBe(false);
    expect(statSync(join(third.outDir, card)).size).toBeGreaterThan(5_000);
  });
});
