import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../../tests/helpers/cms.ts';
import { createDraft, publishChange } from '../../../tests/helpers/content.ts';
import { buildSite } from '../../../tests/helpers/site.ts';
import {
  EXPECTED,
  KINDS,
  listAll,
  mediaFiles,
  removeUploads,
  runImporter,
  stopImporters,
  total,
  type ImportRun,
} from '../../../tests/helpers/importer.ts';

interface Event {
  title: string;
  slug: string;
  kind: string;
  number: number | null;
  startsAt: string;
  capacity: number | null;
  registrationUrl: string | null;
  legacyPath: string;
  description: string;
  venue: {
    name: string;
    address: string | null;
    postcode: string | null;
    city: string | null;
    latitude: number | null;
    longitude: number | null;
  } | null;
  group: { slug: string } | null;
}

interface Talk {
  documentId: string;
  title: string;
  slug: string;
  position: number;
  legacyPath: string;
  videoUrl: string | null;
  event: { slug: string } | null;
  speakers: { name: string }[];
}

/** startsAt of an event as a Paris wall-clock time: "2013-04-03 19:00". */
const parisTime = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** The whole flow on SQLite; postgres.test.ts checks the same import on PostgreSQL. */
describe('importing the Jekyll site (SQLite)', () => {
  let cms: RunningCms;
  let first: ImportRun;

  beforeAll(async () => {
    cms = await startCms({ seedDemo: false });
    // First import with the CMS stopped; then a boot that would seed the demo content into an empty database.
    await cms.stop();
    first = await runImporter(cms);
    await cms.restart({ SEED_DEMO: 'true' });
  });

  afterAll(async () => {
    stopImporters();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
  });

  it('imports everything, exit code 0, and reports the fields it could not extract', () => {
    expect(first.code, first.stderr).toBe(0);
    const report = first.report!;
    for (const [path, count] of Object.entries(EXPECTED)) {
      const type = path.replace(/s$/, '') as keyof typeof report.counts;
      expect(report.counts[type], path).toMatchObject({ planned: count, created: count, failed: 0 });
    }
    expect(report.media.uploaded).toBeGreaterThan(90);
    expect(first.stdout).toMatch(/Fields not extracted/);
    expect(first.stdout).toMatch(/_posts\/2014-10-14-workshop-1-git\.md: capacity, registrationUrl/);
    expect(first.stderr).toMatch(/talks 162\/162 \(162 created\)/);
  });

  it('publishes the counts of the fixture, without demo content on top', async () => {
    for (const [path, count] of Object.entries(EXPECTED)) expect(await total(cms, path), path).toBe(count);
    for (const [kind, count] of Object.entries(KINDS))
      expect(await total(cms, 'events', `filters[kind][$eq]=${kind}`), kind).toBe(count);
  });

  it('links every talk to its event, in programme order, and splits joint talks', async () => {
    const talks = await listAll<Talk>(
      cms,
      'talks',
      'populate[event][fields][0]=slug&populate[speakers][fields][0]=name',
    );
    expect(talks).toHaveLength(EXPECTED.talks);
    expect(talks.filter((talk) => !talk.event)).toEqual([]);
    for (const talk of talks) expect(talk.legacyPath).toMatch(new RegExp(`^/talks/${talk.event!.slug}/.+\\.html$`));
    const byEvent = new Map<string, Talk[]>();
    for (const talk of talks) byEvent.set(talk.event!.slug, [...(byEvent.get(talk.event!.slug) ?? []), talk]);
    expect(byEvent.size).toBe(KINDS['api-hour']);
    for (const [slug, list] of byEvent) {
      expect(list.map((talk) => talk.position).sort(), slug).toEqual(list.map((_talk, index) => index + 1));
    }
    const hour1 = byEvent.get('api-hour-1')!.sort((a, b) => a.position - b.position);
    expect(hour1.map((talk) => talk.title)).toEqual([
      "Hello Clermont'ech",
      'Ajax From Scratch',
      'Intro Aux Licences Libres',
      'Relax!',
    ]);
    expect(hour1[0]).toMatchObject({
      videoUrl: 'https://www.youtube.com/watch?v=UKG8EaHwY5E',
      speakers: [{ name: 'Julien Maupetit' }],
    });
    // No numbered file names for #31: the programme's order.
    expect(
      byEvent
        .get('api-hour-31')!
        .sort((a, b) => a.position - b.position)
        .map((talk) => talk.speakers.map((speaker) => speaker.name)),
    ).toEqual([['Julien Muetton', 'Vincent Mazenod'], ['Cédric Charière Fiedler'], ['Julien Maupetit']]);
    const joint = talks.filter((talk) => talk.speakers.length > 1);
    expect(joint).toHaveLength(3);
    const speakers = await listAll<{ name: string; slug: string; photo: unknown; talks: unknown[] }>(
      cms,
      'speakers',
      'populate[talks][fields][0]=title&populate[photo][fields][0]=url',
    );
    expect(speakers).toHaveLength(EXPECTED.speakers);
    expect(new Set(speakers.map((speaker) => speaker.slug)).size).toBe(EXPECTED.speakers);
    expect(speakers.find((speaker) => speaker.slug === 'noel-martignoni')).toMatchObject({
      name: 'Noël Martignoni',
      talks: expect.any(Array),
    });
    expect(speakers.find((speaker) => speaker.slug === 'noel-martignoni')!.talks).toHaveLength(3);
    expect(speakers.find((speaker) => speaker.slug === 'paul-pinault')!.talks).toHaveLength(10);
    expect(speakers.find((speaker) => speaker.slug === 'julien-maupetit')!.photo).toMatchObject({
      url: expect.stringMatching(/^\/uploads\//),
    });
  });

  it.each([
    // [slug, Paris start, venue, address, capacity, registration]
    ['api-hour-1', '2013-04-03 19:00', 'SUPINFO', '37 Rue Gonod', 35, 'http://clermontech-apihour-01.eventbrite.fr/'],
    [
      'api-hour-5',
      '2013-10-29 19:00',
      'PIZZABIO',
      '138, avenue Edouard Michelin / 133, rue Anatole France',
      50,
      'http://clermontech-apihour-05.eventbrite.fr/',
    ],
    [
      'api-hour-25',
      '2017-02-01 19:00',
      'Bivouac',
      '22, allée Alan Turing',
      50,
      'https://clermontech-apihour-25.eventbrite.fr/',
    ],
    [
      'devcamp-1',
      '2018-04-03 17:00',
      'Le Bivouac',
      '59 Boulevard Léon Jouhaux',
      15,
      'https://clermontech-devcamp-1.eventbrite.fr/',
    ],
    [
      'clermontech-php-2',
      '2019-03-14 18:00',
      'Délirium café',
      "20 rue de la Tour D'Auvergne",
      null,
      'https://www.eventbrite.fr/e/58025711465',
    ],
    [
      'api-hour-45',
      '2019-12-19 19:00',
      'Centre Associatif Jean Richepin',
      '21 Rue J. Richepin',
      50,
      'https://clermontech-apihour-45.eventbrite.fr/',
    ],
  ])('extracts %s: %s at %s', async (slug, start, venue, address, capacity, registrationUrl) => {
    const [event] = await listAll<Event>(
      cms,
      'events',
      `filters[slug][$eq]=${slug}&populate[venue]=true&populate[group][fields][0]=slug`,
    );
    expect(event).toBeDefined();
    expect(parisTime(event!.startsAt)).toBe(start);
    expect(event!.venue).toMatchObject({ name: venue, address, city: 'Clermont-Ferrand' });
    expect(event!.venue!.latitude).toBeGreaterThan(45.7);
    expect(event!.venue!.longitude).toBeGreaterThan(3);
    expect(event!.capacity).toBe(capacity);
    expect(event!.registrationUrl).toBe(registrationUrl);
    expect(event!.description.length).toBeGreaterThan(200);
    expect(event!.description).not.toMatch(/\{%|<iframe/);
  });

  it('keeps titles readable, legacy paths, groups and Flickr albums', async () => {
    const [php] = await listAll<Event>(
      cms,
      'events',
      'filters[slug][$eq]=clermontech-php-1&populate[group][fields][0]=slug',
    );
    expect(php).toMatchObject({
      title: "Clermont'ech.php #1",
      kind: 'group',
      number: 1,
      legacyPath: '/groups/clermontech-php-1.html',
      group: { slug: 'clermontech-php' },
    });
    const [hour] = await listAll<Event & { photosUrl: string }>(cms, 'events', 'filters[slug][$eq]=api-hour-1');
    expect(hour).toMatchObject({
      title: "Clermont'ech API Hour #1",
      number: 1,
      legacyPath: '/api-hours/api-hour-1.html',
      photosUrl: 'https://www.flickr.com/photos/96523012@N07/sets/72157633945134494',
    });
    // Its programme (each talk's heading, text and {% post_url %} link) is carried by the talks: the description no longer repeats it.
    expect(hour!.description).not.toMatch(/Voir la vidéo|hello-clermontech|\{%/);
    expect(hour!.description).toMatch(/Informations pratiques/i);
    const pages = await listAll<{ slug: string; legacyPath: string }>(cms, 'pages');
    expect(pages.map((page) => `${page.slug} ${page.legacyPath}`).sort()).toEqual(
      [
        'api-hours /api-hours/',
        'association /association.html',
        'code-de-conduite /code-of-conduct.html',
        'cowork /cowork.html',
        'devcamp /devcamp/',
        'groups /groups/',
        'manifeste /',
        'talks /talks/',
        'tech-time /tech-time.html',
        'wishlist /api-hours/wishlist.html',
        'workshops /workshops/',
      ].sort(),
    );
    const members = await listAll<{ name: string; role: string }>(cms, 'members', 'sort=position');
    expect(members[0]).toMatchObject({ name: 'Claude Dioudonnat', role: 'president' });
    expect(members.filter((member) => member.role === 'supervisory-council')).toHaveLength(8);
  });

  it('uploads a blog post’s images and rewrites its links to them', async () => {
    const [post] = await listAll<{ body: string; date: string; legacyPath: string }>(
      cms,
      'posts',
      'filters[slug][$eq]=retour-workshop-git-1',
    );
    expect(post).toMatchObject({ date: '2015-02-23', legacyPath: '/blog-posts/retour-workshop-git-1.html' });
    const images = [...post!.body.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(images).toHaveLength(8);
    for (const url of images) expect(url).toMatch(new RegExp(`^${cms.url}/uploads/`));
    const response = await fetch(images[0]!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const sponsors = await listAll<{ name: string; logo: { url: string } | null }>(
      cms,
      'sponsors',
      'populate[logo][fields][0]=url',
    );
    expect(sponsors.filter((sponsor) => !sponsor.logo)).toEqual([]);
  });

  it('builds a site that serves those images itself: processed, sized, none taken from the CMS', async () => {
    const build = await buildSite({
      CMS_URL: cms.url,
      CMS_TOKEN: cms.env.CMS_TOKEN!,
      SITE_URL: 'https://www.clermontech.org',
    });
    try {
      expect(build.exitCode, build.output.slice(-2000)).toBe(0);
      const page = readFileSync(join(build.outDir, 'blog/retour-workshop-git-1/index.html'), 'utf8');
      // The post's own images: not the sponsors' logos, nor the site's logo (header) and mascot (footer).
      const images = [...page.matchAll(/<img\s[^>]*>/g)]
        .map(([tag]) => tag)
        .filter((tag) => !tag.includes('logo') && !tag.includes('mascotte'));
      expect(images, page.slice(page.indexOf('prose'), page.indexOf('prose') + 3000)).toHaveLength(8);
      for (const tag of images) {
        expect(tag).toMatch(/ width="\d+" height="\d+"/);
        const src = /src="(\/_astro\/[^"]+\.webp)"/.exec(tag)?.[1];
        expect(src, tag).toBeDefined();
        expect(existsSync(join(build.outDir, src!))).toBe(true);
      }
      expect(page).not.toContain(cms.url);
      // Imported bodies often start at ###: headings follow the page's h1 without a gap.
      const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map(([, level]) => Number(level));
      levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
    } finally {
      rmSync(build.outDir, { recursive: true, force: true });
      rmSync(`${build.outDir}.cache`, { recursive: true, force: true });
    }
  });

  it('changes nothing when run again (with the CMS running), and adds no media', async () => {
    const filesBefore = (await mediaFiles(cms)).length;
    const second = await runImporter(cms);
    expect(second.code, second.stderr).toBe(0);
    expect(second.report!.changes).toBe(0);
    expect(second.stdout).toMatch(/no changes in/);
    expect(second.report!.entries.every((entry) => entry.outcome === 'unchanged')).toBe(true);
    for (const [path, count] of Object.entries(EXPECTED)) expect(await total(cms, path), path).toBe(count);
    expect((await mediaFiles(cms)).length).toBe(filesBefore);
  });

  it('keeps a hand edit unless --overwrite, and never touches what it did not create', async () => {
    const token = await cms.adminToken();
    const [talk] = await listAll<Talk>(cms, 'talks', 'filters[slug][$eq]=hello-clermontech');
    await publishChange(cms.url, token, 'api::talk.talk', talk!.documentId, {
      title: 'Bonjour Clermont’ech (titre corrigé)',
    });
    const own = await createDraft(cms.url, token, 'api::sponsor.sponsor', {
      name: 'Sponsor ajouté à la main',
      slug: 'sponsor-ajoute-a-la-main',
    });
    await publishChange(cms.url, token, 'api::sponsor.sponsor', own.documentId, {});

    const third = await runImporter(cms);
    expect(third.code, third.stderr).toBe(0);
    expect(third.report!.entries.find((entry) => entry.documentId === talk!.documentId)).toMatchObject({
      outcome: 'kept',
      reason: expect.stringMatching(/edited in the CMS/),
    });
    expect(third.stdout).toMatch(/Kept as they are in the CMS:\n {2}talk "Hello Clermont'ech": edited in the CMS/);
    expect((await listAll<Talk>(cms, 'talks', 'filters[slug][$eq]=hello-clermontech'))[0]!.title).toBe(
      'Bonjour Clermont’ech (titre corrigé)',
    );
    expect(await total(cms, 'sponsors')).toBe(EXPECTED.sponsors + 1);

    const forced = await runImporter(cms, ['--overwrite', '--only', 'talks']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.report!.counts.talk).toMatchObject({ updated: 1, unchanged: EXPECTED.talks - 1 });
    expect(forced.report!.counts.event.planned).toBe(0);
    const restored = (
      await listAll<Talk>(cms, 'talks', 'filters[slug][$eq]=hello-clermontech&populate[event][fields][0]=slug')
    )[0]!;
    expect(restored).toMatchObject({ title: "Hello Clermont'ech", event: { slug: 'api-hour-1' } });
    expect(await total(cms, 'sponsors', 'filters[slug][$eq]=sponsor-ajoute-a-la-main')).toBe(1);
  });
});

describe('bad usage', () => {
  afterAll(stopImporters);

  it('refuses bad usage, names bad files and goes on with the rest; a dry run needs no database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clermontech-import-usage-'));
    // No database at all: a dry run only reads the site.
    const env = { env: { CLERMONTECH_ENV_FILE: join(dir, '.env'), DATABASE_FILENAME: join(dir, 'never-created.db') } };
    try {
      const badType = await runImporter(env, ['--only', 'podcasts', '--dry-run']);
      expect(badType.code).toBe(2);
      expect(badType.stderr).toMatch(/Unknown type "podcasts" for --only/);
      const notASite = await runImporter(env, ['--dry-run'], { site: dir });
      expect(notASite.code).toBe(2);
      expect(notASite.stderr).toContain(`${dir} does not look like a Jekyll site`);
      const dry = await runImporter(env, ['--dry-run', '--only', 'talks,speakers']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/Dry run \(nothing written\) of .* \(only talks, speakers\)/);
      expect(dry.report!.counts.talk.planned).toBe(EXPECTED.talks);
      expect(dry.report!.counts.event.planned).toBe(0);
      expect(existsSync(join(dir, 'never-created.db'))).toBe(false);

      // What Jekyll published is imported whatever Jekyll accepted, with a warning naming file and line: exit 0.
      const site = join(dir, 'site');
      mkdirSync(join(site, '_posts'), { recursive: true });
      writeFileSync(join(site, '_config.yml'), 'permalink: none\n');
      writeFileSync(
        join(site, '_posts', '2020-06-10-api-hour-50.md'),
        '---\nlayout: post\ncategory: api-hours\ntitle: API Hour &#35;50\n---\nIl aura lieu le **jeudi 25 juin** à **19h** en ligne.\n',
      );
      writeFileSync(
        join(site, '_posts', '2020-06-25-camille-dupre-des-tests.md'),
        '---\nlayout: talk\ncategories: [ talks, api-hour-50 ]\ntitle: "Des tests qui durent\nplus longtemps que le code"\nauthor: Camille Dupré\n---\nRésumé.\n',
      );
      writeFileSync(join(site, '_posts', '2020-06-11-broken.md'), '---\ntitle: [oops\n---\n');
      writeFileSync(join(site, '_posts', '2020-06-12-podcast.md'), '---\nlayout: podcast\ntitle: x\n---\n');
      const lenient = await runImporter(env, ['--dry-run'], { site });
      expect(lenient.code, lenient.stdout).toBe(0);
      expect(lenient.stdout).not.toMatch(/Not imported/);
      expect(lenient.stdout).toMatch(
        /^ {2}_posts\/2020-06-25-camille-dupre-des-tests\.md:4: front matter: title: the quoted value closes on line 5; read as one value$/m,
      );
      expect(lenient.stdout).toMatch(/^ {2}_posts\/2020-06-11-broken\.md:2: front matter: title: unreadable/m);
      expect(lenient.stdout).toMatch(
        /^ {2}_posts\/2020-06-12-podcast\.md:2 \[layout\]: unknown layout "podcast"; imported as a blog post$/m,
      );
      expect(lenient.report!.counts).toMatchObject({
        event: { planned: 2 },
        talk: { planned: 1 },
        post: { planned: 1 },
      });

      // Something that cannot be imported at all (a front matter never closed) still exits 1.
      writeFileSync(join(site, '_posts', '2020-06-13-unclosed.md'), '---\ntitle: Jamais fermé\n');
      const bad = await runImporter(env, ['--dry-run'], { site });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(
        /Not imported:\n {2}_posts\/2020-06-13-unclosed\.md: front matter has no closing "---" line; file skipped/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
