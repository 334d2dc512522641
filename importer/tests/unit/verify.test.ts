import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifyReport, verifySite, wrongFields, type VerifyReport } from '../../src/verify/index.ts';
import { oldReferences } from '../../src/verify/old-post.ts';
import { readBuiltPage } from '../../src/verify/page.ts';

describe('reading the old and the new page', () => {
  it('finds the links and images Kramdown showed: Liquid destinations, images inside links, addresses with spaces; not dead static maps', () => {
    const references = oldReferences(
      '[Voir la vidéo]({% post_url 2014-02-26-1-pierre-schweitzer-reactos %})\n\n[![](/images/github-corpo.png)](https://github.com/)\n\n[**11 rue niel**](https://www.openstreetmap.org/?query=11 rue niel)\n\n![](http://maps.googleapis.com/maps/api/staticmap?center=x)\n\n<a href="mailto:hello@clermontech.org">écrire</a>',
    );
    expect(references.links).toEqual([
      '{% post_url 2014-02-26-1-pierre-schweitzer-reactos %}',
      'https://github.com/',
      'https://www.openstreetmap.org/?query=11%20rue%20niel',
      'mailto:hello@clermontech.org',
    ]);
    expect(references.images).toEqual(['/images/github-corpo.png']);
  });

  it('reads a page’s words as a reader sees them, bold inside a word included', () => {
    const page = readBuiltPage(
      '<html><body><header><a href="/">Accueil</a></header><h1>PHP Tour</h1><article><p>L’<strong>A</strong>ssociation <a href="https://afup.org/">AFUP</a></p><img src="/_astro/x.webp"></article></body></html>',
    );
    expect(page).toMatchObject({
      title: 'PHP Tour',
      text: 'L’Association AFUP',
      links: ['https://afup.org/'],
      images: ['/_astro/x.webp'],
    });
  });
});

describe('verifySite on a small old site and the pages built from it', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const evening = `---
layout: post
category: api-hours
title: Clermont'ech API Hour &#35;60
---

Cet événement aura lieu le **jeudi 4 juin 2020** à **19h** au **Celtill**, 11 rue Niel, 63100 Clermont-Ferrand.

Merci à [![](/images/sponsor.png)](https://sponsor.example.org/) pour le buffet.

## Programme

### Ada Lovelace • Moteurs analytiques

[Voir la vidéo]({% post_url 2020-06-04-1-ada-lovelace-moteurs %})
`;
  const page = (
    body: string,
    venue = 'Celtill',
  ) => `<!doctype html><html><head><script type="application/ld+json">{"location":{"name":${JSON.stringify(venue)}}}</script></head><body><article><h1>Clermont'ech API Hour #60</h1>
<time datetime="2020-06-04T19:00:00+02:00">jeudi 4 juin</time><dl><dd>${venue}</dd></dl>${body}</article></body></html>`;
  const goodBody = `<p>Cet événement aura lieu le jeudi 4 juin 2020 à 19h au <strong>Celtill</strong>, 11 rue Niel, 63100 Clermont-Ferrand.</p>
<p>Merci à <a href="https://sponsor.example.org/"><img src="/_astro/sponsor.webp"></a> pour le buffet.</p><h2>Programme</h2><h3>Ada Lovelace • Moteurs analytiques</h3><p><a href="/talks/moteurs-analytiques/">Voir la vidéo</a></p>`;
  let report: VerifyReport;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'clermontech-verify-unit-'));
    write('jekyll/_config.yml', 'permalink: none\n');
    write('jekyll/_posts/2020-05-20-api-hour-60.md', evening);
    write(
      'jekyll/_posts/2020-06-04-1-ada-lovelace-moteurs.md',
      '---\nlayout: talk\ncategories: [ talks, api-hour-60 ]\nsession_url: /api-hours/api-hour-60.html\ntitle: Moteurs analytiques\nauthor: Ada Lovelace\n---\n\nDes machines qui calculent.\n',
    );
    write('jekyll/images/sponsor.png', 'png');
    write('built/index.html', '<html></html>');
    write('built/api-hours/api-hour-60.html', '<meta http-equiv="refresh" content="0; url=/api-hours/api-hour-60/">');
    write('built/_astro/sponsor.webp', 'webp');
    write(
      'built/talks/moteurs-analytiques/index.html',
      '<html><body><article><h1>Moteurs analytiques</h1><p>Ada Lovelace</p><p>Des machines qui calculent.</p></article></body></html>',
    );
    // What a faulty import makes of such a page: the logo left at its old path, bold shown as Markdown, the address in the venue's name.
    write(
      'built/api-hours/api-hour-60/index.html',
      page(
        goodBody
          .replace('/_astro/sponsor.webp', '/images/sponsor.png')
          .replace('<strong>Celtill</strong>', '**Celtill**'),
        'Celtill 11 rue Niel',
      ),
    );
    report = await verifySite({ jekyll: join(root, 'jekyll'), built: join(root, 'built') });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names each wrong field of the old page, and passes the talk that is right', () => {
    const evening = report.pages.find((checked) => checked.oldUrl === '/api-hours/api-hour-60.html')!;
    const wrong = Object.fromEntries(
      evening.checks.filter((check) => !check.ok).map((check) => [check.field, check.detail]),
    );
    expect(wrong).toEqual({
      venue: expect.stringMatching(/"Celtill" not shown|not the JSON-LD location/),
      images: 'image /images/sponsor.png does not answer',
      markup: 'raw "**" on the page',
    });
    // The talk is right, but for its old URL, which leads nowhere.
    expect(
      report.pages.find((checked) => checked.oldUrl.startsWith('/talks/'))!.checks.filter((check) => !check.ok),
    ).toEqual([
      {
        field: 'old URL',
        ok: false,
        detail: '/talks/api-hour-60/1-ada-lovelace-moteurs.html does not lead to /talks/moteurs-analytiques/',
      },
    ]);
    expect(wrongFields(report)).toBe(4);
    expect(formatVerifyReport(report)).toMatch(
      /^ {2}\/api-hours\/api-hour-60\.html → \/api-hours\/api-hour-60\/ \[images\]: image \/images\/sponsor\.png does not answer$/m,
    );
  });

  it('finds nothing wrong once the page shows what the old one did', async () => {
    write('built/api-hours/api-hour-60/index.html', page(goodBody));
    write(
      'built/talks/api-hour-60/1-ada-lovelace-moteurs.html',
      '<meta http-equiv="refresh" content="0; url=/talks/moteurs-analytiques/">',
    );
    const fixed = await verifySite({ jekyll: join(root, 'jekyll'), built: join(root, 'built') });
    expect(formatVerifyReport(fixed)).toMatch(/^total\s+\d+\s+0$/m);
    expect(wrongFields(fixed)).toBe(0);
  });
});
