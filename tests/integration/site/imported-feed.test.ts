import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { buildSite, type SiteBuild } from '../../helpers/site.ts';
import { EXPECTED, FIXTURE, removeUploads, runImporter, stopImporters } from '../../helpers/importer.ts';

interface AtomEntry {
  id: string;
  link: { '@_href': string };
}

/**
 * The ids the old site's feed gave its posts, worked out from the fixture as Jekyll 3 does:
 * atom.xml wrote `{{ site.base_url }}{{ post.id }}`; with `permalink: none` a post's URL is
 * `/<categories>/<slug>.html`, and post.id is that URL's folder joined with the slug.
 */
function oldFeedIds(): string[] {
  const baseUrl = /^base_url:\s*(\S+)/m.exec(readFileSync(join(FIXTURE, '_config.yml'), 'utf8'))![1]!;
  return readdirSync(join(FIXTURE, '_posts')).map((file) => {
    const frontMatter = readFileSync(join(FIXTURE, '_posts', file), 'utf8').split(/^---$/m)[1]!;
    const list = /^categories:\s*\[(.*)\]/m.exec(frontMatter)?.[1];
    const categories = list
      ? list.split(',').map((category) => category.trim())
      : [/^category:\s*(\S+)/m.exec(frontMatter)![1]!];
    const slug = file.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.\w+$/, '');
    return `${baseUrl}/${categories.join('/')}/${slug}`;
  });
}

describe('the Atom feed of the imported Jekyll site', () => {
  let cms: RunningCms;
  let build: SiteBuild;
  let entries: AtomEntry[];

  beforeAll(async () => {
    cms = await startCms({ seedDemo: false });
    await cms.stop();
    const run = await runImporter(cms);
    if (!run.report) throw new Error(`import failed:\n${run.stderr.slice(-4000)}`);
    await cms.restart();
    build = await buildSite({ ...cms.env, SITE_URL: 'https://www.clermontech.org' });
    if (build.exitCode !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
    const xml = readFileSync(join(build.outDir, 'atom.xml'), 'utf8');
    entries = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: AtomEntry[] } }).feed.entry;
  });
  afterAll(async () => {
    stopImporters();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
  });

  it('holds every API Hour and other event, every talk and every post, as the old feed did', () => {
    const under = (prefix: string) =>
      entries.filter((entry) => entry.link['@_href'].startsWith(`https://www.clermontech.org/${prefix}`)).length;
    expect(entries).toHaveLength(EXPECTED.events + EXPECTED.talks + EXPECTED.posts);
    expect(under('talks/')).toBe(EXPECTED.talks);
    expect(under('blog/')).toBe(EXPECTED.posts);
  });

  it('gives each old post the id the old feed gave it, so readers show no duplicate', () => {
    const ids = entries.map((entry) => entry.id);
    expect(ids).toContain('http://clermontech.org/api-hours/api-hour-1');
    expect(ids).toContain('http://clermontech.org/talks/api-hour-1/1-julien-maupetit-hello-clermontech');
    expect([...ids].sort()).toEqual(oldFeedIds().sort());
  });
});
