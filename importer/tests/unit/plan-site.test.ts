import { describe, expect, it } from 'vitest';
import { planSite } from '../../src/plan-site/index.ts';
import type { PlannedEntry } from '../../src/plan.ts';
import type { JekyllSite } from '../../src/reader.ts';

/** A small site in the old format, with the variations of its later years. */
function site(documents: Record<string, string>, files: string[] = []): JekyllSite {
  return {
    root: '/site',
    documents: new Map(Object.entries(documents)),
    files: new Set([...Object.keys(documents), ...files]),
  };
}

const CONFIG = 'permalink: none\nflickr_id: 96523012@N07\nbase_url: http://clermontech.org\n';

const apiHour50 = `---
layout: post
category: api-hours
title: Clermont'ech API Hour &#35;50
---

## Informations pratiques

L'API Hour aura lieu le **jeudi 25 juin** à **19h** en ligne, sur [Twitch](https://www.twitch.tv/clermontech).

## Inscription

Inscription (gratuite) sur [Mobilizon](https://mobilizon.fr/events/3f0c7a1e-2b5d-4c7e-9a51-7d2f1b0e6c11).

## Programme

### Trois talks ce soir

[Le premier]({% post_url 2020-06-25-1-ada-lovelace-moteur-analytique %}) puis [le deuxième]({% post_url 2020-06-25-alan-turing-grace-hopper-machines %}).
`;

const apiHour51 = `---
layout: post
category: api-hours
title: "Clermont'ech API Hour &#35;51"
---

Cet événement aura lieu le **mardi 3 novembre 2020** à **18h30** au **Celtill**. L'adresse
exacte est : [**11 rue Niel, 63100 Clermont-Ferrand**](https://www.openstreetmap.org/?mlat=45.78434&mlon=3.10158).
Cet événement est limité à **40 personnes**. Inscription : https://www.meetup.com/clermontech/events/123/
`;

const apiHour52 = `---
layout: post
category: api-hours
title: Clermont'ech API Hour &#35;52
---

Cet événement aura lieu le **jeudi 3 décembre 2020** à **19h** au **Le Celtill**, 11, Rue Niel 63100 Clermont-Fd.
`;

const talk = (author: string, image = 'ada.jpg', category = 'api-hour-50') => `---
layout: talk
categories: [ talks, ${category} ]
title: "Un talk"
author: ${author}
author_url: https://twitter.com/someone
author_image: ${image}
slides_url:
session_url: /api-hours/${category}.html
video: UKG8EaHwY5E?t=42
---

Le résumé, avec ![un schéma](/images/talks/schema.png).
`;

function plan(documents: Record<string, string>, files?: string[]) {
  return planSite(site({ '_config.yml': CONFIG, ...documents }, files));
}

const byType = (entries: PlannedEntry[], type: string) => entries.filter((entry) => entry.type === type);

describe('planSite', () => {
  it('plans an online evening of 2020: no venue, Mobilizon, year from the file, three talks in programme order', () => {
    const result = plan(
      {
        '_posts/2020-06-10-api-hour-50.md': apiHour50,
        '_posts/2020-06-25-1-ada-lovelace-moteur-analytique.md': talk('Ada Lovelace'),
        '_posts/2020-06-25-alan-turing-grace-hopper-machines.md': talk(
          'Alan Turing et Grace Hopper',
          'duo.png',
        ).replace('Un talk', 'Machines'),
        '_posts/2020-06-25-noel-martignoni-data.md': talk('Noël Martignoni', 'noel.jpeg').replace('Un talk', 'Data'),
      },
      ['images/speaker-images/ada.jpg', 'images/talks/schema.png'],
    );
    const [event] = byType(result.entries, 'event');
    expect(event?.key).toBe('/api-hours/api-hour-50.html');
    expect(event?.data).toMatchObject({
      title: "Clermont'ech API Hour #50",
      slug: 'api-hour-50',
      kind: 'api-hour',
      number: 50,
      startsAt: '2020-06-25T17:00:00.000Z',
      venue: null,
      onlineUrl: 'https://www.twitch.tv/clermontech',
      registrationUrl: 'https://mobilizon.fr/events/3f0c7a1e-2b5d-4c7e-9a51-7d2f1b0e6c11',
      legacyPath: '/api-hours/api-hour-50.html',
    });
    // The programme's sections are carried by the talks themselves: the description does not repeat them.
    expect(event?.data.description).not.toContain('/talks/un-talk/');
    expect(byType(result.entries, 'venue')).toHaveLength(0);
    // Online: a missing venue is not a missing field.
    expect(result.issues.filter((issue) => issue.field?.startsWith('venue'))).toEqual([]);

    const talks = byType(result.entries, 'talk');
    expect(talks.map((entry) => [entry.data.title, entry.data.position])).toEqual([
      ['Un talk', 1],
      ['Machines', 2],
      ['Data', 3],
    ]);
    expect(talks[0]?.data).toMatchObject({
      event: { $ref: 'event', key: '/api-hours/api-hour-50.html' },
      videoUrl: 'https://www.youtube.com/watch?v=UKG8EaHwY5E',
      videoStart: 42,
      slidesUrl: null,
      legacyPath: '/talks/api-hour-50/1-ada-lovelace-moteur-analytique.html',
    });
    expect(talks[0]?.data.abstract).toBe('Le résumé, avec ![un schéma](jekyll-asset:images/talks/schema.png).');
    expect(talks[1]?.data.speakers).toEqual([
      { $ref: 'speaker', key: 'alan-turing' },
      { $ref: 'speaker', key: 'grace-hopper' },
    ]);

    const speakers = byType(result.entries, 'speaker');
    expect(speakers.map((entry) => entry.data.name).sort()).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Noël Martignoni',
    ]);
    const ada = speakers.find((entry) => entry.data.name === 'Ada Lovelace');
    expect(ada?.data).toMatchObject({
      photo: { $asset: 'images/speaker-images/ada.jpg' },
      links: [{ label: 'Twitter', url: 'https://twitter.com/someone' }],
    });
    // The duo's picture and link are not given to either of them.
    expect(speakers.find((entry) => entry.data.name === 'Alan Turing')?.data).toMatchObject({ photo: null, links: [] });
    // Noël's picture is missing: reported, not invented.
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2020-06-25-noel-martignoni-data.md',
        field: 'speakers.photo',
        level: 'warning',
      }),
    );
  });

  it('deduplicates venues across spellings and takes the latest name', () => {
    const result = plan({
      '_posts/2020-10-20-api-hour-51.md': apiHour51,
      '_posts/2020-11-20-api-hour-52.md': apiHour52,
    });
    const venues = byType(result.entries, 'venue');
    expect(venues).toHaveLength(1);
    expect(venues[0]?.data).toMatchObject({
      name: 'Le Celtill',
      postcode: '63100',
      city: 'Clermont-Ferrand',
      latitude: 45.78434,
      longitude: 3.10158,
    });
    const events = byType(result.entries, 'event');
    expect(events.map((entry) => entry.data.venue)).toEqual([
      venues.map((venue) => ({ $ref: 'venue', key: venue.key }))[0],
      { $ref: 'venue', key: venues[0]!.key },
    ]);
    expect(events[0]?.data).toMatchObject({
      startsAt: '2020-11-03T17:30:00.000Z',
      capacity: 40,
      registrationUrl: 'https://www.meetup.com/clermontech/events/123/',
    });
    // #52 has neither capacity nor registration link, nor a map: listed, not guessed.
    const missing = result.issues
      .filter((issue) => issue.file === '_posts/2020-11-20-api-hour-52.md')
      .map((issue) => issue.field);
    expect(missing).toEqual(expect.arrayContaining(['capacity', 'registrationUrl', 'venue.coordinates']));
  });

  it('imports what Jekyll published whatever its front matter or layout, says what it guessed (file, line), and skips what Jekyll never published', () => {
    const result = plan({
      '_posts/2020-01-01-broken.md': '---\ntitle: [oops\n---\nBody',
      '_posts/2020-01-02-strange.md': '---\nlayout: podcast\ntitle: Épisode 1\n---\nBody',
      '_posts/notes.md': '---\nlayout: post\n---\n',
      '_posts/2020-10-20-api-hour-51.md': apiHour51,
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2020-01-01-broken.md',
        line: 2,
        level: 'warning',
        message: expect.stringMatching(/^front matter: title: unreadable \(.+\); left out$/),
      }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2020-01-02-strange.md',
        line: 2,
        level: 'warning',
        message: 'unknown layout "podcast"; imported as a blog post',
      }),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/notes.md',
        line: 1,
        level: 'warning',
        message: expect.stringMatching(/Jekyll never published it; skipped/),
      }),
    );
    expect(result.issues.filter((found) => found.level === 'error')).toEqual([]);
    expect(byType(result.entries, 'event')).toHaveLength(2);
    expect(byType(result.entries, 'post').map((post) => post.data.title)).toEqual(['Épisode 1']);
  });

  it('keeps apart two files Jekyll published at the same URL, and leaves images of other sites where they are', () => {
    const result = plan({
      '_posts/2020-10-20-api-hour-51.md': apiHour51,
      '_posts/2021-10-20-api-hour-51.md': apiHour51.replace('2020', '2021'),
      '_posts/2020-10-21-ada-lovelace-x.md': talk('Ada Lovelace', 'https://avatars.example.org/ada.png', 'api-hour-51'),
    });
    const events = byType(result.entries, 'event');
    expect(events.map((event) => event.key)).toEqual([
      '/api-hours/api-hour-51.html',
      '/api-hours/api-hour-51.html#_posts/2021-10-20-api-hour-51.md',
    ]);
    expect(new Set(events.map((event) => event.data.slug)).size).toBe(2);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2021-10-20-api-hour-51.md',
        level: 'warning',
        message: expect.stringMatching(/same event as/),
      }),
    );
    expect(byType(result.entries, 'speaker')[0]?.data.photo).toBeNull();
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        field: 'speakers.photo',
        level: 'info',
        message: expect.stringMatching(/on another site/),
      }),
    );
  });

  it('falls back to the file date, and reports it, when the text has no date', () => {
    const result = plan({
      '_posts/2021-09-01-devcamp-2.md':
        '---\nlayout: post\ncategory: devcamp\ntitle: Devcamp &#35;2\n---\n\nOn code ensemble !\n',
    });
    expect(byType(result.entries, 'event')[0]?.data).toMatchObject({
      kind: 'devcamp',
      number: 2,
      startsAt: '2021-09-01T17:00:00.000Z',
      legacyPath: '/devcamp/devcamp-2.html',
    });
    expect(result.issues).toContainEqual(expect.objectContaining({ field: 'startsAt', level: 'warning' }));
  });

  it('plans a group evening and its group from the title', () => {
    const result = plan({
      '_posts/2017-05-02-clermontech-php-1.md':
        "---\nlayout: post\ncategory: groups\ntitle: Clermont'ech.php &#35;1\n---\n\nCet événement aura lieu le **Jeudi 11 Mai 2017** à **19h** au **Centre Jean Richepin**.",
    });
    expect(byType(result.entries, 'group')[0]?.data).toEqual({
      name: "Clermont'ech.php",
      slug: 'clermontech-php',
      technology: 'PHP',
    });
    expect(byType(result.entries, 'event')[0]?.data).toMatchObject({
      kind: 'group',
      group: { $ref: 'group', key: 'clermontech-php' },
      legacyPath: '/groups/clermontech-php-1.html',
    });
  });

  it('plans blog posts with their date, pages, sponsors and the board', () => {
    const result = plan(
      {
        '_posts/2019-03-21-little-big-event-1-typescript.md':
          '---\nlayout: blog-post\ncategories: [ blog-posts ]\ntitle: "Little Big Event &#35;1"\n---\n\n![logo typescript](../images/blog-posts/typescript.jpg)\n\nUn événement.\n',
        'index.md':
          '---\nlayout: home\ntitle: Manifesto\nsponsors:\n  - { url: "https://acme.org", img: "acme.png", alt: "Acme" }\n  - { url: "https://gone.org", img: "gone.png", alt: "Gone" }\n---\n\n## Objectifs\n\nFédérer.\n',
        'association.md':
          "---\nlayout: default\ntitle: L'association\n---\n\nIntro.\n\n## Bureau\n\n* Présidente : [Ada](https://mamot.fr/@ada)\n* Vice Président : Alan\n* Trésorier : Bob\n* [Carol](https://carol.example)\n\n## Conseil de surveillance\n\n* Dave\n",
        'workshops/index.md':
          '---\nlayout: workshops\ntitle: Workshops\n---\n\nDes ateliers.\n\n## &Eacute;vénements Passés\n',
        'README.md': '# Not a page: no front matter\n',
      },
      ['images/blog-posts/typescript.jpg', 'images/sponsors/acme.png'],
    );
    expect(byType(result.entries, 'post')[0]?.data).toMatchObject({
      title: 'Little Big Event #1',
      slug: 'little-big-event-1-typescript',
      date: '2019-03-21',
      body: '![logo typescript](jekyll-asset:images/blog-posts/typescript.jpg)\n\nUn événement.',
      legacyPath: '/blog-posts/little-big-event-1-typescript.html',
    });
    const pages = byType(result.entries, 'page');
    expect(pages.map((page) => [page.data.slug, page.data.legacyPath])).toEqual([
      ['association', '/association.html'],
      ['manifeste', '/'],
      ['workshops', '/workshops/'],
    ]);
    expect(pages.find((page) => page.data.slug === 'association')?.data.body).toBe('Intro.');
    expect(pages.find((page) => page.data.slug === 'workshops')?.data.body).toBe('Des ateliers.');
    expect(byType(result.entries, 'sponsor').map((sponsor) => sponsor.data)).toEqual([
      { name: 'Acme', slug: 'acme', url: 'https://acme.org/', logo: { $asset: 'images/sponsors/acme.png' } },
      { name: 'Gone', slug: 'gone', url: 'https://gone.org/', logo: null },
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: 'index.md',
        field: 'sponsors.logo',
        message: expect.stringMatching(/gone\.png/),
      }),
    );
    expect(
      byType(result.entries, 'member').map((member) => [member.data.name, member.data.role, member.data.position]),
    ).toEqual([
      ['Ada', 'president', 0],
      ['Alan', 'vice-president', 1],
      ['Bob', 'treasurer', 2],
      ['Carol', 'board-member', 3],
      ['Dave', 'supervisory-council', 4],
    ]);
  });
});

describe('planSite: fidelity to the old site (issue 22)', () => {
  const evening = (number: number, date: string, programme: string) => `---
layout: post
category: api-hours
title: Clermont'ech API Hour &#35;${number}
---

Cet événement aura lieu le **${date}** à **19h** au **Celtill**, 11 rue Niel, 63100 Clermont-Ferrand.

## Programme

${programme}
`;
  const talkFile = (front: string) => `---\nlayout: talk\n${front}\nauthor: Camille Dupré\n---\n\nUn résumé.\n`;

  it('links a talk to the evening most of its fields name, and warns with the file, the line and the field that disagrees', () => {
    const result = plan({
      '_posts/2015-02-20-api-hour-13.md': evening(
        13,
        'mercredi 4 mars 2015',
        '### Camille Dupré • Des tests qui durent',
      ),
      '_posts/2014-12-08-api-hour-12.md': evening(12, 'jeudi 18 décembre 2014', '### Autre • Autre sujet'),
      '_posts/2015-03-04-camille-dupre-des-tests.md': talkFile(
        "categories: [ talks, api-hour-13 ]\nsession_url: /api-hours/api-hour-12.html\nsession_name: Clermont'ech API Hour &#35;13\ntitle: Des tests qui durent",
      ),
    });
    expect(byType(result.entries, 'talk')[0]?.data.event).toEqual({
      $ref: 'event',
      key: '/api-hours/api-hour-13.html',
    });
    expect(result.issues).toContainEqual({
      file: '_posts/2015-03-04-camille-dupre-des-tests.md',
      line: 4,
      field: 'event',
      level: 'warning',
      message:
        "evening fields disagree: session_url (/api-hours/api-hour-12.html) names Clermont'ech API Hour #12, but category (api-hour-13), session_name (Clermont'ech API Hour #13), date (2015-03-04) name Clermont'ech API Hour #13; linked to Clermont'ech API Hour #13",
    });
  });

  it('imports a talk whose quoted title closes on the next line, resolves the evening’s link to it, and reads its duration', () => {
    const result = plan({
      '_posts/2015-02-20-api-hour-13.md': evening(
        13,
        'mercredi 4 mars 2015',
        '### Camille Dupré • Des tests qui durent plus longtemps (30 min)\n\n[Voir la vidéo]({% post_url 2015-03-04-camille-dupre-des-tests %})',
      ),
      '_posts/2015-03-04-camille-dupre-des-tests.md': talkFile(
        'categories: [ talks, api-hour-13 ]\nsession_url: /api-hours/api-hour-13.html\ntitle: "Des tests qui durent\nplus longtemps"',
      ),
    });
    const [imported] = byType(result.entries, 'talk');
    expect(imported?.data).toMatchObject({
      title: 'Des tests qui durent plus longtemps',
      duration: 30,
      position: 1,
      event: { key: '/api-hours/api-hour-13.html' },
    });
    // Matched to its heading, the talk's section leaves the evening's description (shown once, from the talk).
    expect(byType(result.entries, 'event')[0]?.data.description).not.toContain(
      '/talks/des-tests-qui-durent-plus-longtemps/',
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2015-03-04-camille-dupre-des-tests.md',
        line: 5,
        level: 'warning',
        message: 'front matter: title: the quoted value closes on line 6; read as one value',
      }),
    );
    expect(result.issues.filter((found) => found.level === 'error')).toEqual([]);
  });

  it('merges a venue named without its address into the one spelt alike with it', () => {
    const result = plan({
      '_posts/2015-02-20-api-hour-13.md': evening(13, 'mercredi 4 mars 2015', '').replace(
        'au **Celtill**, 11 rue Niel, 63100 Clermont-Ferrand',
        'au **Turing22**, 22 allée Alan Turing, 63000 Clermont-Ferrand',
      ),
      '_posts/2015-05-20-api-hour-14.md': evening(14, 'mercredi 3 juin 2015', '').replace(
        'au **Celtill**, 11 rue Niel, 63100 Clermont-Ferrand',
        'au **Turing 22**',
      ),
    });
    const venues = byType(result.entries, 'venue');
    expect(venues.map((venue) => venue.data.name)).toEqual(['Turing22']);
    expect(new Set(byType(result.entries, 'event').map((event) => JSON.stringify(event.data.venue)))).toEqual(
      new Set([JSON.stringify({ $ref: 'venue', key: venues[0]!.key })]),
    );
    expect(result.issues).toContainEqual(
      expect.objectContaining({ file: '_posts/2015-05-20-api-hour-14.md', field: 'venue', level: 'warning', line: 7 }),
    );
  });
});

describe('planSite: event facts the old pages wrote in prose (issue 22, class 8, importer side)', () => {
  it('reads a paid three-day workshop: price as written, first and last day, end time each day', () => {
    const result = plan({
      '_posts/2021-09-01-workshop-4-kubernetes.md': `---
layout: post
category: workshops
title: Workshop &#35;4 - Kubernetes
---

## Informations pratiques

Le workshop aura lieu du **mercredi 6 au vendredi 8 octobre 2021**, de **9h** à **17h30**, au **Bivouac**, 59 boulevard Léon Jouhaux, 63000 Clermont-Ferrand.

## Tarif

La participation est payante : 150 € les trois jours, repas compris.
`,
    });
    const [event] = byType(result.entries, 'event');
    expect(event?.data).toMatchObject({
      startsAt: '2021-10-06T07:00:00.000Z',
      endsAt: '2021-10-08T15:30:00.000Z',
      admission: 'payante',
      price: 'La participation est payante : 150 € les trois jours, repas compris.',
      eventStatus: 'prevu',
    });
  });

  it('reads "les 23 et 24 mai" as two days, and says the end time was assumed', () => {
    const result = plan({
      '_posts/2016-01-16-phptour.md':
        "---\nlayout: post\ncategory: events\ntitle: PHP Tour\n---\n\nL'événement aura lieu les **23 et 24 mai 2016** à **9h** au Polydôme.\n\nEntrée libre pour les membres.\n",
    });
    const [event] = byType(result.entries, 'event');
    expect(event?.data).toMatchObject({
      startsAt: '2016-05-23T07:00:00.000Z',
      endsAt: '2016-05-24T16:00:00.000Z',
      admission: 'gratuite',
      price: null,
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ file: '_posts/2016-01-16-phptour.md', field: 'endsAt', level: 'warning', line: 7 }),
    );
  });

  it('marks a cancelled evening as cancelled, with a warning naming the line, and leaves admission unknown when the page does not say', () => {
    const result = plan({
      '_posts/2020-03-02-api-hour-48.md':
        "---\nlayout: post\ncategory: api-hours\ntitle: Clermont'ech API Hour &#35;48\n---\n\n**Mise à jour : la soirée est annulée** en raison des mesures sanitaires.\n\nCet événement aura lieu le **jeudi 19 mars 2020** à **19h** au **Celtill**, 11 rue Niel, 63100 Clermont-Ferrand.\n\n## Programme\n\n### Léa Martin • Un outil gratuit pour tout le monde\n",
    });
    const [event] = byType(result.entries, 'event');
    expect(event?.data).toMatchObject({ eventStatus: 'annule', admission: null });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: '_posts/2020-03-02-api-hour-48.md',
        field: 'eventStatus',
        level: 'warning',
        line: 7,
        message: 'status read as "annule" from "annulee"',
      }),
    );
  });
});
