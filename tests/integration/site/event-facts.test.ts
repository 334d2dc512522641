import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, findBySlug, publishChange, type ListResponse } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { buildSite, type SiteBuild } from '../../helpers/site.ts';

const EVENT = 'api::event.event';
const TALK = 'api::talk.talk';
const DAY_MS = 86_400_000;

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
    ([, json]) => JSON.parse(json!) as Record<string, unknown>,
  );
}

/** The text of the facts block (<dl class="facts">), tags stripped. */
function facts(html: string): string {
  const block = /<dl class="facts">(.*?)<\/dl>/s.exec(html)?.[1] ?? '';
  return block.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** How many entries of a collection the public API publishes. */
async function publishedCount(cms: RunningCms, path: string): Promise<number> {
  const body = (await (await cms.fetch(`/api/${path}?pagination[pageSize]=1`)).json()) as ListResponse;
  return body.meta.pagination.total;
}

interface AtomEntry {
  id: string;
  title: string;
  published: string;
  link: { '@_href': string };
}

describe.each(databases)('event status, price, dates and links on the built site (%s)', (database) => {
  let cms: RunningCms;
  let build: SiteBuild;
  const page = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

  beforeAll(async () => {
    cms = await startCms({ database });
    const token = await cms.adminToken();
    const publish = async (uid: string, data: Record<string, unknown>) => {
      const { documentId } = await createDraft(cms.url, token, uid, data);
      await publishChange(cms.url, token, uid, documentId, {});
      return documentId;
    };
    // Demo content holds a cancelled evening and a paid three-day workshop; these add what it lacks.
    await publish(EVENT, {
      title: 'Apéro tech en visio',
      slug: 'apero-tech-en-visio',
      kind: 'other',
      // After the demo's next API Hour (in 21 days), which the home page must still put forward.
      startsAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
      onlineUrl: 'https://visio.example/apero',
      summary: 'Une heure pour discuter, chacun chez soi.',
    });
    await publish(EVENT, {
      title: 'Soirée reportée',
      slug: 'soiree-reportee',
      kind: 'other',
      eventStatus: 'reporte',
      startsAt: new Date(Date.now() + 40 * DAY_MS).toISOString(),
      registrationUrl: 'https://mobilizon.example/events/reportee',
    });
    await publish(EVENT, {
      title: 'Soirée passée en ligne',
      slug: 'soiree-passee-en-ligne',
      kind: 'other',
      eventStatus: 'en_ligne',
      startsAt: new Date(Date.now() + 50 * DAY_MS).toISOString(),
      venue: (await findBySlug(cms.url, 'venues', 'la-fabrique-des-puys')).documentId,
      onlineUrl: 'https://visio.example/soiree',
    });
    const replayed = await publish(EVENT, {
      title: 'API Hour #12',
      slug: 'api-hour-12',
      kind: 'api-hour',
      number: 12,
      startsAt: new Date(Date.now() - 400 * DAY_MS).toISOString(),
      admission: 'gratuite',
      onlineUrl: 'https://www.youtube.com/@clermontech',
      replayUrl: 'https://www.youtube.com/watch?v=api-hour-12',
      legacyPath: '/api-hours/api-hour-12.html',
    });
    await publish(TALK, {
      title: 'Un talk de l’ancien site',
      slug: 'un-talk-de-l-ancien-site',
      event: replayed,
      position: 1,
      legacyPath: '/talks/api-hour-12/2-un-talk-de-l-ancien-site.html',
    });
    build = await buildSite({ ...cms.env, SITE_URL: 'https://www.clermontech.org' });
    if (build.exitCode !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  describe('a cancelled evening', () => {
    const path = 'groups/clermontech-php/clermontech-php-php-8-5-en-pratique/index.html';

    it('says so in a banner and offers no registration', () => {
      const html = page(path);
      expect(html).toMatch(/class="status-banner[^"]*"><strong>Annulé<\/strong>/);
      expect(html).not.toContain('https://mobilizon.example/events/php-8-5');
    });

    it('is CANCELLED in the iCalendar, under its usual UID', () => {
      const calendar = ical.sync.parseICS(page('events.ics'));
      const event = Object.values(calendar).find(
        (component) => component?.type === 'VEVENT' && String(component.url).includes('php-8-5'),
      ) as VEvent;
      expect(event.status).toBe('CANCELLED');
      expect(String(event.summary)).toBe('Annulé : clermontech.php : PHP 8.5 en pratique');
      expect(event.uid).toMatch(/@clermontech\.org$/);
    });

    it('is EventCancelled in the JSON-LD, with no offer', () => {
      const [event] = jsonLd(page(path));
      expect(event).toMatchObject({ '@type': 'Event', eventStatus: 'https://schema.org/EventCancelled' });
      expect(event).not.toHaveProperty('offers');
    });

    it('is never the next event of the home page', () => {
      const home = page('index.html');
      const nextEvent = /<section class="next-event".*?<\/section>/s.exec(home)?.[0] ?? '';
      expect(nextEvent).toContain('API Hour #73');
      expect(nextEvent).not.toContain('PHP 8.5');
    });
  });

  describe('a paid three-day workshop', () => {
    const path = 'evenements/workshop-kubernetes-de-zero-a-la-production/index.html';

    it('shows its price, its first and last day, and never "Gratuite"', () => {
      const text = facts(page(path));
      expect(text).toContain('Entrée 150 € les trois jours (50 € pour les étudiants et les demandeurs d’emploi)');
      expect(text).toMatch(/du \S+ \d+ \S+ \d{4}, 09:00 au \S+ \d+ \S+ \d{4}, 17:30/);
      const [first, last] = [...page(path).matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})T/g)].map(([, day]) => day!);
      expect((Date.parse(last!) - Date.parse(first!)) / DAY_MS).toBe(2);
      expect(page(path)).not.toContain('Gratuite');
    });

    it('offers its price and its end date in the JSON-LD', () => {
      const [event] = jsonLd(page(path));
      expect(event).toMatchObject({ isAccessibleForFree: false, offers: { price: 150, priceCurrency: 'EUR' } });
      expect(String(event!.endDate)).toMatch(/T17:30:00\+0[12]:00$/);
      expect(Date.parse(String(event!.endDate)) - Date.parse(String(event!.startDate))).toBeGreaterThan(2 * DAY_MS);
    });
  });

  it('shows "Gratuite" only for an event known to be free', () => {
    expect(facts(page('api-hours/api-hour-73/index.html'))).toContain('Entrée Gratuite');
  });

  describe('an online evening with an unknown price', () => {
    const path = 'evenements/apero-tech-en-visio/index.html';

    it('says "En ligne" where the venue goes, and nothing about the price', () => {
      const text = facts(page(path));
      expect(text).toContain('Lieu En ligne');
      expect(text).not.toContain('Entrée');
      expect(page(path)).toContain('href="https://visio.example/apero"');
    });

    it('is an online event in the JSON-LD, without price claims', () => {
      const [event] = jsonLd(page(path));
      expect(event).toMatchObject({
        eventStatus: 'https://schema.org/EventScheduled',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
        location: { '@type': 'VirtualLocation', url: 'https://visio.example/apero' },
      });
      expect(event).not.toHaveProperty('isAccessibleForFree');
      expect(event).not.toHaveProperty('offers');
    });
  });

  it('marks a postponed evening "Reporté" everywhere and takes no registration for its old date', () => {
    const html = page('evenements/soiree-reportee/index.html');
    expect(html).toMatch(/class="status-banner[^"]*"><strong>Reporté<\/strong>/);
    expect(html).not.toContain('https://mobilizon.example/events/reportee');
    expect(jsonLd(html)[0]).toMatchObject({ eventStatus: 'https://schema.org/EventPostponed' });
    const calendar = ical.sync.parseICS(page('events.ics'));
    const event = Object.values(calendar).find(
      (component) => component?.type === 'VEVENT' && String(component.url).includes('soiree-reportee'),
    ) as VEvent;
    expect(event.status).toBe('TENTATIVE');
  });

  it('shows an evening moved online as "En ligne", not at its venue', () => {
    const html = page('evenements/soiree-passee-en-ligne/index.html');
    expect(html).toMatch(/class="status-banner[^"]*"><strong>En ligne<\/strong>/);
    expect(facts(html)).toContain('Lieu En ligne');
    expect(facts(html)).not.toContain('La Fabrique des Puys');
    expect(jsonLd(html)[0]).toMatchObject({
      eventStatus: 'https://schema.org/EventMovedOnline',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: 'https://visio.example/soiree' },
    });
  });

  it('links a past evening to its replay, not to the channel it was streamed on', () => {
    const html = page('api-hours/api-hour-12/index.html');
    expect(html).toMatch(
      /<a class="button" href="https:\/\/www\.youtube\.com\/watch\?v=api-hour-12">\s*Revoir la soirée/,
    );
    expect(html).not.toContain('href="https://www.youtube.com/@clermontech"');
  });

  describe('the Atom feed', () => {
    const entries = () => {
      const parsed = new XMLParser({ ignoreAttributes: false }).parse(page('atom.xml')) as {
        feed: { id: string; entry: AtomEntry[] };
      };
      return { id: parsed.feed.id, entries: parsed.feed.entry };
    };

    it('holds every event, talk and post, newest first', async () => {
      const { entries: list } = entries();
      const kinds = (prefix: string) =>
        list.filter((entry) => entry.link['@_href'].startsWith(`https://www.clermontech.org/${prefix}`)).length;
      const [events, talks, posts] = await Promise.all(
        ['events', 'talks', 'posts'].map((path) => publishedCount(cms, path)),
      );
      expect(events).toBeGreaterThan(6);
      expect(list).toHaveLength(events! + talks! + posts!);
      expect(kinds('talks/')).toBe(talks);
      expect(kinds('blog/')).toBe(posts);
      expect(kinds('api-hours/') + kinds('evenements/') + kinds('groups/')).toBe(events);
      const published = list.map((entry) => Date.parse(entry.published));
      expect(published).toEqual([...published].sort((a, b) => b - a));
    });

    it('keeps the old site’s entry ids, and gives new entries ids that outlive a renamed slug', () => {
      const { id, entries: list } = entries();
      expect(id).toBe('http://clermontech.org/');
      const byTitle = (title: string) => list.find((entry) => String(entry.title) === title)!;
      expect(byTitle('API Hour #12').id).toBe('http://clermontech.org/api-hours/api-hour-12');
      expect(byTitle('Un talk de l’ancien site').id).toBe(
        'http://clermontech.org/talks/api-hour-12/2-un-talk-de-l-ancien-site',
      );
      expect(byTitle('Bienvenue sur le nouveau site').id).toMatch(/^tag:clermontech\.org,2026:post\/\w+$/);
      expect(new Set(list.map((entry) => entry.id)).size).toBe(list.length);
    });
  });
});
