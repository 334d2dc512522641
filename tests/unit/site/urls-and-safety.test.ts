import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from '../../../site/src/lib/json-ld.ts';
import { safeUrl } from '../../../site/src/lib/safe-url.ts';
import { eventUrl, pageUrl } from '../../../site/src/lib/urls.ts';
import { embeddableVideo } from '../../../site/src/lib/video.ts';
import { openStreetMapUrl } from '../../../site/src/lib/osm.ts';
import { toParisIso } from '../../../site/src/lib/dates.ts';

describe('safeUrl', () => {
  it.each([
    ['https://clermontech.org/a?b=c', 'https://clermontech.org/a?b=c'],
    ['http://example.org', 'http://example.org/'],
    ['mailto:hello@clermontech.org', 'mailto:hello@clermontech.org'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['/api-hours/', '/api-hours/'],
  ])('keeps %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/',
    '/\\evil.example/',
    'not a url',
    '',
    undefined,
    null,
  ])('drops %s', (input) => {
    expect(safeUrl(input)).toBeUndefined();
  });
});

describe('eventUrl', () => {
  it.each([
    [{ kind: 'api-hour', slug: 'api-hour-72' }, undefined, '/api-hours/api-hour-72/'],
    [{ kind: 'group', slug: 'symfony' }, { slug: 'clermontech-php' }, '/groups/clermontech-php/symfony/'],
    [{ kind: 'group', slug: 'orphan' }, undefined, '/evenements/orphan/'],
    [{ kind: 'workshop', slug: 'a11y' }, undefined, '/evenements/a11y/'],
    [{ kind: 'devcamp', slug: 'devcamp-2016' }, undefined, '/evenements/devcamp-2016/'],
    [{ kind: 'tech-time', slug: 'dej-dev' }, undefined, '/evenements/dej-dev/'],
  ] as const)('puts %o at the right place', (event, group, expected) => {
    expect(eventUrl(event, group)).toBe(expected);
  });

  it('gives section pages their own URL', () => {
    expect(pageUrl({ slug: 'association' })).toBe('/association/');
    expect(pageUrl({ slug: 'tech-time' })).toBe('/tech-time/');
    expect(pageUrl({ slug: 'code-de-conduite' })).toBe('/code-de-conduite/');
  });
});

describe('embeddableVideo', () => {
  it.each([
    [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0',
    ],
    [
      'https://youtu.be/dQw4w9WgXcQ?t=90',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&start=90',
    ],
    [
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0',
    ],
    ['https://vimeo.com/123456', 'https://player.vimeo.com/video/123456?dnt=1&autoplay=1'],
  ])('embeds %s privately', (url, expected) => {
    expect(embeddableVideo(url)?.embedUrl).toBe(expected);
  });

  it('uses the CMS start time', () => {
    expect(embeddableVideo('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 125)?.embedUrl).toContain('start=125');
  });

  it.each(['https://example.org/video.mp4', 'https://www.youtube.com/watch?v=bad"id', 'javascript:alert(1)'])(
    'does not embed %s',
    (url) => {
      expect(embeddableVideo(url)).toBeUndefined();
    },
  );
});

describe('serializeJsonLd', () => {
  it('cannot close its script element', () => {
    const json = serializeJsonLd({ name: '</script><script>alert(1)</script>', other: 'a & b \u2028' });
    expect(json).not.toContain('<');
    expect(json).not.toContain('>');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>', other: 'a & b \u2028' });
  });
});

describe('openStreetMapUrl', () => {
  const venue = {
    documentId: 'v',
    name: 'La Fabrique',
    slug: 'fabrique',
    address: '12 rue des Volcans',
    postcode: '63000',
    city: 'Clermont-Ferrand',
  };
  it('pins coordinates when known', () => {
    expect(openStreetMapUrl({ ...venue, latitude: 45.77, longitude: 3.08 })).toBe(
      'https://www.openstreetmap.org/?mlat=45.77&mlon=3.08#map=18/45.77/3.08',
    );
  });
  it('searches the address otherwise', () => {
    expect(openStreetMapUrl(venue as never)).toBe(
      'https://www.openstreetmap.org/search?query=12%20rue%20des%20Volcans%2C%2063000%2C%20Clermont-Ferrand',
    );
  });
});

describe('toParisIso', () => {
  it('writes Paris local time with its offset, summer and winter', () => {
    expect(toParisIso(new Date('2024-05-16T17:00:00Z'))).toBe('2024-05-16T19:00:00+02:00');
    expect(toParisIso(new Date('2024-12-12T18:00:00Z'))).toBe('2024-12-12T19:00:00+01:00');
  });
});

describe('CMS HTML', () => {
  const siteSource = join(import.meta.dirname, '../../../site/src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it('is rendered unescaped only by SafeHtml (and JSON-LD, which escapes its own)', () => {
    const users = files(siteSource)
      .filter((file) => /set:html|innerHTML/.test(readFileSync(file, 'utf8')))
      .map((file) => file.slice(siteSource.length + 1))
      .sort();
    expect(users).toEqual(['components/JsonLd.astro', 'components/SafeHtml.astro']);
  });
});
