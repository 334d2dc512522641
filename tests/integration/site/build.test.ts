import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_BUNDLES } from '../../../site/src/lib/search-bundles.ts';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import type { ListResponse } from '../../helpers/content.ts';
import { freePort } from '../../helpers/ports.ts';
import { buildSite, type SiteBuild } from '../../helpers/site.ts';

describe('site build from the demo content', () => {
  let cms: RunningCms;
  let build: SiteBuild;
  const page = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

  beforeAll(async () => {
    cms = await startCms();
    build = await buildSite({ ...cms.env, SITE_URL: 'https://www.clermontech.org' });
    if (build.exitCode !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it.each([
    'index.html',
    '404.html',
    'api-hours/index.html',
    'api-hours/api-hour-73/index.html',
    'api-hours/api-hour-72/index.html',
    'talks/index.html',
    'talks/files-de-messages-sans-douleur/index.html',
    'speakers/index.html',
    'speakers/camille-roche/index.html',
    'groups/index.html',
    'groups/clermontech-php/index.html',
    'groups/clermontech-php/clermontech-php-symfony-en-douceur/index.html',
    'workshops/index.html',
    'devcamp/index.html',
    'tech-time/index.html',
    'blog/index.html',
    'blog/bienvenue-sur-le-nouveau-site/index.html',
    'sponsors/index.html',
    'association/index.html',
    'manifeste/index.html',
    'code-de-conduite/index.html',
    'recherche/index.html',
    'sitemap.xml',
    'robots.txt',
  ])('builds %s', (path) => {
    expect(existsSync(join(build.outDir, path))).toBe(true);
  });

  it('puts the next event, the manifesto, posts and current sponsors on the home page', () => {
    const home = page('index.html');
    expect(home).toContain('lang="fr"');
    expect(home).toContain('API Hour #73');
    expect(home).toContain('https://mobilizon.example/events/api-hour-73');
    expect(home).toContain('Clermont’ech fait se rencontrer');
    expect(home).toContain('Bienvenue sur le nouveau site');
    expect(home).toContain('Volcans Logiciels');
    expect(home).not.toContain('Basalte Hosting');
    expect(home).toContain('Inscriptions ouvertes');
  });

  it('shows an event’s programme in order, its venue with a map link, in Paris time', () => {
    const event = page('api-hours/api-hour-73/index.html');
    const order = ['Des files de messages sans douleur', 'Un site web de 14 Ko', 'Ma maison sans nuage'].map((title) =>
      event.indexOf(title),
    );
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(event).toContain('Camille Roche');
    expect(event).toContain('La Fabrique des Puys');
    expect(event).toContain('openstreetmap.org');
    expect(event).toMatch(/19[:h]00/);
    expect(event).toContain('"@type":"Event"');
  });

  it('hides the registration link of a past event', () => {
    expect(page('api-hours/api-hour-72/index.html')).not.toContain('https://mobilizon.example/events/api-hour-72');
  });

  it('lists every talk of a speaker', () => {
    const speaker = page('speakers/camille-roche/index.html');
    expect(speaker).toContain('Des files de messages sans douleur');
    expect(speaker).toContain('Décider à plusieurs sans s’épuiser');
  });

  it('serves legacy paths as redirects to the new pages', () => {
    const legacy = page('manifeste.html');
    expect(legacy).toMatch(/<link rel="canonical" href="[^"]*\/manifeste\/"/);
    expect(legacy).toMatch(/http-equiv="refresh"/);
    expect(page('code-of-conduct.html')).toContain('/code-de-conduite/');
  });

  it('writes a valid Atom feed of the events, talks and posts', async () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(page('atom.xml')) as {
      feed: { entry: { title: string }[]; id: string };
    };
    const published = async (path: string) =>
      ((await (await cms.fetch(`/api/${path}?pagination[pageSize]=1`)).json()) as ListResponse).meta.pagination.total;
    expect(feed.feed.entry).toHaveLength(
      (await published('events')) + (await published('talks')) + (await published('posts')),
    );
    const titles = feed.feed.entry.map((entry) => String(entry.title));
    expect(titles).toEqual(
      expect.arrayContaining(['Bienvenue sur le nouveau site', 'API Hour #73', 'Des files de messages sans douleur']),
    );
  });

  it('writes a valid iCalendar of the events in Paris time with stable UIDs', async () => {
    const text = page('events.ics');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('TZID:Europe/Paris');
    const calendar = ical.sync.parseICS(text);
    const events = Object.values(calendar).filter((component): component is VEvent => component?.type === 'VEVENT');
    expect(events).toHaveLength(7);
    const next = events.find((event) => String(event.summary).includes('API Hour #73'))!;
    expect(next.uid).toMatch(/@clermontech\.org$/);
    const demo = (await (await cms.fetch('/api/events?filters[slug][$eq]=api-hour-73')).json()) as {
      data: { startsAt: string }[];
    };
    expect(new Date(next.start).toISOString()).toBe(new Date(demo.data[0]!.startsAt).toISOString());
  });

  it('indexes talks, speakers, events and posts for search, each page in one bundle', () => {
    expect(existsSync(join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(page('talks/files-de-messages-sans-douleur/index.html')).toContain('data-pagefind-body');
    for (const bundle of SEARCH_BUNDLES.slice(1))
      expect(existsSync(join(build.outDir, 'pagefind', bundle.name, 'pagefind-entry.json'))).toBe(true);
    // Every page marked for search is in a bundle, once: a new kind of page must be given one.
    const marked = readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).filter(
      (path) => path.endsWith('.html') && page(path).includes('data-pagefind-body'),
    );
    const indexed = /search index: (\d+) pages indexed \(talks (\d+), speakers (\d+), events (\d+), blog (\d+)\)/.exec(
      build.output,
    );
    expect(indexed, build.output.slice(-2000)).not.toBeNull();
    expect(Number(indexed![1])).toBe(marked.length);
    expect(
      indexed!
        .slice(2)
        .map(Number)
        .every((count) => count > 0),
    ).toBe(true);
  });

  it('ships no script on content pages but the video loader and JSON-LD', () => {
    for (const path of [
      'api-hours/api-hour-73/index.html',
      'blog/bienvenue-sur-le-nouveau-site/index.html',
      'index.html',
    ]) {
      const scripts = [...page(path).matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes!);
      for (const attributes of scripts) expect(attributes, path).toMatch(/application\/ld\+json|src="\/_astro\/video/);
    }
  });
});

describe('site build failures', () => {
  it('fails in one line naming the CMS URL when the CMS is unreachable', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const build = await buildSite({ CLERMONTECH_ENV_FILE: '/nonexistent/.env', CMS_URL: url, CMS_TOKEN: '' });
    expect(build.exitCode).not.toBe(0);
    expect(build.output).toMatch(new RegExp(`CMS unreachable at ${url.replace(/\./g, '\\.')}[^\\n]*`));
    expect(existsSync(join(build.outDir, 'index.html'))).toBe(false);
  });
});
