import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { buildSite, type SiteBuild } from '../../helpers/site.ts';

const RETITLED = '/og/talks/files-de-messages-sans-douleur.png';

/** Every card of a build, by its path under og/, and its bytes. */
function cards(build: SiteBuild): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const section of readdirSync(join(build.outDir, 'og')))
    for (const name of readdirSync(join(build.outDir, 'og', section)))
      found.set(`/og/${section}/${name}`, readFileSync(join(build.outDir, 'og', section, name)));
  return found;
}

/** The build's own count of the cards it drew and read (lib/social-card/integration.ts). */
function counts(build: SiteBuild): { drawn: number; read: number } {
  const match = /cartes de partage : (\d+) dessinées, (\d+) lues dans le cache/.exec(build.output);
  if (!match) throw new Error(`no social card count in the build's output:\n${build.output.slice(-3000)}`);
  return { drawn: Number(match[1]), read: Number(match[2]) };
}

/**
 * Drawn social cards are kept beside the encoded images (lib/social-card/card-cache.ts), so a cold
 * build — Astro's cache deleted, as for a new publisher — reads them instead of drawing them again.
 * Every build here is cold: its own new SITE_CACHE_DIR, the same image folder.
 */
describe('social cards kept across cold builds', () => {
  let cms: RunningCms;
  let work: string;
  let first: SiteBuild;
  let firstCards: Map<string, Buffer>;
  let builds = 0;
  const imageCacheDir = () => join(work, 'images');
  const cardEntries = () =>
    readdirSync(join(imageCacheDir(), 'social-cards')).map((name) => join(imageCacheDir(), 'social-cards', name));
  const coldBuild = async () => {
    builds += 1;
    const result = await buildSite(
      {
        ...cms.env,
        SITE_URL: 'https://www.clermontech.org',
        SITE_CACHE_DIR: join(work, `astro-cache-${builds}`),
        SITE_IMAGE_CACHE_DIR: imageCacheDir(),
      },
      join(work, `site-${builds}`),
    );
    if (result.exitCode !== 0) throw new Error(`site build failed:\n${result.output.slice(-4000)}`);
    return result;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clermontech-card-cache-'));
    cms = await startCms();
    first = await coldBuild();
    firstCards = cards(first);
  });
  afterAll(async () => {
    await cms?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('draws every card of a build with an empty folder and keeps each one', () => {
    expect(firstCards.size).toBeGreaterThan(5);
    expect(firstCards.has(RETITLED)).toBe(true);
    expect(counts(first)).toEqual({ drawn: firstCards.size, read: 0 });
    expect(cardEntries()).toHaveLength(firstCards.size);
  });

  it('draws no card in a cold build after a cold build, and gives the same bytes', async () => {
    const second = await coldBuild();
    expect(counts(second)).toEqual({ drawn: 0, read: firstCards.size });
    expect(cards(second)).toEqual(firstCards);
  });

  it('draws again, rather than serves, a truncated or damaged entry', async () => {
    const [truncated, damaged] = cardEntries();
    const size = statSync(truncated!).size;
    truncateSync(truncated!, Math.floor(size / 2));
    const bytes = readFileSync(damaged!);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(damaged!, bytes);
    const third = await coldBuild();
    expect(counts(third)).toEqual({ drawn: 2, read: firstCards.size - 2 });
    expect(cards(third)).toEqual(firstCards);
    // Both entries are whole again for the next build.
    expect(statSync(truncated!).size).toBe(size);
    expect(counts(await coldBuild())).toEqual({ drawn: 0, read: firstCards.size });
  });

  it('draws only the card of a retitled talk', async () => {
    const talk = await findBySlug(cms.url, 'talks', 'files-de-messages-sans-douleur');
    await publishChange(cms.url, await cms.adminToken(), 'api::talk.talk', talk.documentId, {
      title: 'Des files de messages, enfin sans douleur',
    });
    const retitled = await coldBuild();
    expect(counts(retitled)).toEqual({ drawn: 1, read: firstCards.size - 1 });
    const after = cards(retitled);
    expect(after.size).toBe(firstCards.size);
    for (const [path, bytes] of firstCards) expect(after.get(path)!.equals(bytes), path).toBe(path !== RETITLED);
  });
});
